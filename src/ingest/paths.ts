import { readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";

/**
 * Expands ingest paths: files as given, directories recursively (sorted, so
 * runs are repeatable), keeping the article formats marsad reads.
 */
export const ARTICLE_EXTENSIONS = new Set([".txt", ".html", ".htm", ".jsonl"]);

export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string, top: boolean) => {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      if (top) out.push(p); // reported later as "no such file"
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith(".")) walk(join(p, name), false);
    } else if (top || ARTICLE_EXTENSIONS.has(extname(p).toLowerCase())) {
      out.push(p);
    }
  };
  for (const p of paths) walk(p, true);
  return out;
}
