import type { Command } from "commander";
import { z } from "zod";
import { openStore } from "../store/open.js";
import { parseOptions } from "./options.js";

/** `marsad search "…" [--db FILE] [--limit N]`: full-text search on normalised Arabic (بغزة finds غزة). */
const schema = z.object({
  db: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(20),
  format: z.enum(["text", "json"]).default("text"),
});

export function registerSearch(program: Command): void {
  program
    .command("search")
    .description("full-text search over stored sentences, ranked, with highlighted matches")
    .argument("<query...>", "words to find")
    .option("--db <path>", "database (default ./marsad.db or $MARSAD_DB)")
    .option("--limit <n>", "how many hits", "20")
    .option("--format <format>", "text or json", "text")
    .action(async (words: string[], raw: unknown) => {
      const opts = parseOptions(schema, raw);
      const store = await openStore(opts.db);
      try {
        const hits = await store.search(words.join(" "), opts.limit);
        if (opts.format === "json") process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
        else {
          const tty = process.stdout.isTTY;
          for (const h of hits) {
            const snippet = h.snippet
              .replace(/<mark>(.*?)<\/mark>/g, tty ? "\u001b[1;33m$1\u001b[0m" : "[$1]")
              .replace(/&lt;/g, "<")
              .replace(/&gt;/g, ">")
              .replace(/&quot;/g, '"')
              .replace(/&#39;/g, "'")
              .replace(/&amp;/g, "&");
            process.stdout.write(`${h.article_id}#${h.sentence}\t${h.published ?? ""}\t${snippet}\n`);
          }
          if (!hits.length) process.stderr.write("marsad search: no match\n");
        }
      } finally {
        await store.close();
      }
    });
}
