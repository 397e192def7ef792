import { createWriteStream } from "node:fs";
import type { Command } from "commander";
import { z } from "zod";
import { exportEvents } from "../export/stream.js";
import { filterSchema } from "../server/params.js";
import { openStore } from "../store/open.js";
import { parseOptions } from "./options.js";

/**
 * `marsad export --format jsonl|csv|gdelt [filters] [--out FILE]`: the stored
 * events of a filter, streamed page by page.
 */
const schema = filterSchema.extend({
  format: z.enum(["jsonl", "csv", "gdelt"]).default("jsonl"),
  db: z.string().optional(),
  out: z.string().optional(),
});

export function registerExport(program: Command): void {
  program
    .command("export")
    .description("export stored events as JSON Lines, CSV or GDELT 2.0 event rows")
    .option("--format <format>", "jsonl, csv or gdelt", "jsonl")
    .option("--db <path>", "database (default ./marsad.db or $MARSAD_DB)")
    .option("--out <file>", "write to a file instead of stdout")
    .option("--source <code>", "source actor code prefix (USA, USAGOV)")
    .option("--target <code>", "target actor code prefix")
    .option("--actor <code>", "either side")
    .option("--cameo <code>", "CAMEO root or code prefix")
    .option("--plover <type>", "PLOVER type")
    .option("--quad <n>", "quad class 1-4")
    .option("--modality <m>", "asserted, future, negated or hypothetical")
    .option("--from <date>", "first date YYYY-MM-DD")
    .option("--to <date>", "last date YYYY-MM-DD")
    .option("--topic <topic>", "topic")
    .option("--q <text>", "full-text query")
    .action(async (raw: unknown) => {
      const opts = parseOptions(schema, raw);
      const { format, db, out, ...filter } = opts;
      const store = await openStore(db);
      const sink: NodeJS.WritableStream = out ? createWriteStream(out) : process.stdout;
      try {
        for await (const chunk of exportEvents(store, filter, format)) {
          if (!sink.write(chunk)) await new Promise<void>((r) => sink.once("drain", () => r()));
        }
      } finally {
        if (out) await new Promise<void>((r) => sink.end(() => r()));
        await store.close();
      }
    });
}
