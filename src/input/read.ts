import { createReadStream, readFileSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import { createInterface } from "node:readline";
import { z } from "zod";
import type { ArticleInput } from "../document.js";
import { MarsadError } from "../errors.js";
import { decodeBytes } from "../lang/ar/decode.js";
import { extractHtml } from "../lang/ar/html.js";

/**
 * Reads articles from files: .txt and .html (one article each, id = file name
 * without extension) and .jsonl (one article a line, streamed). A bad file or
 * line yields an error item naming it; reading goes on with the rest.
 */

export type InputItem = { article: ArticleInput; where: string; warnings: string[] } | { error: MarsadError };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const jsonlArticle = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  text: z.string(),
  title: z.string().nullish(),
  published: z
    .string()
    .nullish()
    .transform((v) => (v ? v.slice(0, 10) : v))
    .refine((v) => v == null || DATE.test(v), { message: "must be a date YYYY-MM-DD" }),
  url: z.string().nullish(),
  source: z.string().nullish(),
});

export interface ReadOptions {
  published?: string | null;
}

function articleId(path: string): string {
  return basename(path, extname(path));
}

/** One txt or html file as an article. */
export function readDocumentFile(
  path: string,
  opts: ReadOptions = {},
): { article: ArticleInput; warnings: string[] } {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new MarsadError("E_INPUT", "is a directory", path);
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof MarsadError) throw err;
    throw new MarsadError(
      "E_INPUT",
      (err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String((err as Error).message),
      path,
    );
  }
  const decoded = decodeBytes(bytes, path);
  const ext = extname(path).toLowerCase();
  const isHtml =
    ext === ".html" || ext === ".htm" || /^\s*<(!doctype html|html)/i.test(decoded.text.slice(0, 512));
  if (isHtml) {
    const page = extractHtml(decoded.text);
    if (!page.text.trim()) throw new MarsadError("E_EMPTY", "the page has no article text", path);
    return {
      article: { id: articleId(path), text: page.text, title: page.title, published: opts.published ?? null },
      warnings: decoded.warnings,
    };
  }
  if (!decoded.text.trim()) throw new MarsadError("E_EMPTY", "the file holds no text", path);
  return {
    article: { id: articleId(path), text: decoded.text, title: null, published: opts.published ?? null },
    warnings: decoded.warnings,
  };
}

/** Streams a JSON Lines file; each bad line is an error naming file and line. */
export async function* readJsonl(path: string, opts: ReadOptions = {}): AsyncGenerator<InputItem> {
  const stream = createReadStream(path, { encoding: "utf8" });
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  try {
    for await (const raw of lines) {
      n++;
      const line = n === 1 ? raw.replace(/^\uFEFF/, "") : raw;
      if (!line.trim()) continue;
      const where = `${path}:${n}`;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (err) {
        yield { error: new MarsadError("E_JSONL", `not valid JSON (${(err as Error).message})`, where) };
        continue;
      }
      const parsed = jsonlArticle.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join(".") || "line";
        yield {
          error: new MarsadError("E_JSONL", `field "${field}": ${issue?.message ?? "invalid"}`, where),
        };
        continue;
      }
      const a = parsed.data;
      yield {
        article: { ...a, published: a.published ?? opts.published ?? null, title: a.title ?? null },
        where,
        warnings: [],
      };
    }
  } catch (err) {
    yield { error: new MarsadError("E_INPUT", (err as Error).message, path) };
  }
}

/** Reads every path in order; errors are items, never exceptions. */
export async function* readInputs(paths: string[], opts: ReadOptions = {}): AsyncGenerator<InputItem> {
  for (const path of paths) {
    if (extname(path).toLowerCase() === ".jsonl") {
      try {
        if (statSync(path).isDirectory()) throw new Error("is a directory");
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        yield {
          error: new MarsadError(
            "E_INPUT",
            code === "ENOENT" ? "no such file" : (err as Error).message,
            path,
          ),
        };
        continue;
      }
      yield* readJsonl(path, opts);
      continue;
    }
    try {
      const { article, warnings } = readDocumentFile(path, opts);
      yield { article, where: path, warnings };
    } catch (err) {
      yield { error: err instanceof MarsadError ? err : new MarsadError("E_INPUT", String(err), path) };
    }
  }
}
