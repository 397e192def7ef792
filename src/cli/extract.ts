import type { Command } from "commander";
import { z } from "zod";
import { formatError } from "../errors.js";
import { readInputs } from "../input/read.js";
import { analyseInOrder } from "../parallel/pool.js";
import { isoDate, jobs, parseOptions } from "./options.js";

/**
 * `marsad extract FILE... [--published YYYY-MM-DD] [--format json|jsonl]`:
 * analyses articles and prints their documents on stdout, diagnostics on stderr.
 */
const schema = z.object({
  published: isoDate.optional(),
  format: z.enum(["json", "jsonl"]).optional(),
  jobs,
});

export function registerExtract(program: Command): void {
  program
    .command("extract")
    .description("analyse articles (.txt, .html, .jsonl) and print their event documents")
    .argument("<files...>", "input files")
    .option("--published <date>", "publication date for .txt/.html inputs (YYYY-MM-DD)")
    .option("--format <format>", "json (one pretty document) or jsonl (one document a line)")
    .option("--jobs <n>", "analysis threads (default: the number of cores); output keeps input order")
    .action(async (files: string[], raw: unknown) => {
      const opts = parseOptions(schema, raw);
      const single = files.length === 1 && !files[0]?.toLowerCase().endsWith(".jsonl");
      const format = opts.format ?? (single ? "json" : "jsonl");
      let failed = 0;
      let done = 0;
      const inputs = readInputs(files, { published: opts.published ?? null });
      for await (const { item, text, language, error } of analyseInOrder(
        inputs,
        (i) => ("error" in i ? null : i.article),
        opts.jobs,
        // analysis on worker threads even for --jobs 1: their heaps are capped (parallel/pool.ts), so the
        // process stays small without NODE_OPTIONS; this thread only reads input and writes documents
        { threads: true, format },
      )) {
        if ("error" in item) {
          failed++;
          process.stderr.write(`marsad extract: ${formatError(item.error)}\n`);
          continue;
        }
        for (const w of item.warnings) process.stderr.write(`marsad extract: warning: ${w}\n`);
        try {
          if (error || text === undefined) throw new Error(error ?? "analysis failed");
          if (language !== "ar") {
            process.stderr.write(
              `marsad extract: warning: ${item.where}: language is "${language}", not Arabic: no events coded\n`,
            );
          }
          if (!process.stdout.write(`${text}\n`)) await new Promise((r) => process.stdout.once("drain", r));
          done++;
        } catch (err) {
          failed++;
          process.stderr.write(`marsad extract: ${item.where}: ${formatError(err)}\n`);
        }
      }
      if (format === "json" && done > 1) {
        process.stderr.write(
          `marsad extract: warning: ${done} documents printed with --format json; use --format jsonl for many\n`,
        );
      }
      process.exitCode = failed > 0 ? 1 : 0;
    });
}
