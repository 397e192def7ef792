import cliProgress from "cli-progress";
import type { Command } from "commander";
import { z } from "zod";
import type { ArticleInput } from "../document.js";
import { describeError, ingestPaths } from "../ingest/ingest.js";
import { expandPaths } from "../ingest/paths.js";
import { readInputs } from "../input/read.js";
import { enqueue, openQueue } from "../queue/queue.js";
import { dbLocation, openStore } from "../store/open.js";
import { isoDate, jobs, parseOptions, queueName, queueUrl } from "./options.js";

/**
 * `marsad ingest PATH... [--db FILE] [--published DATE] [--replace]`: analyses
 * and stores articles (files, folders, JSON Lines, HTML pages). A progress bar
 * with articles/s on a terminal, one summary line otherwise.
 */
const schema = z.object({
  db: z.string().optional(),
  published: isoDate.optional(),
  replace: z.boolean().default(false),
  jobs,
  queue: queueUrl.optional(),
  queueName,
});

/** Reads the inputs and enqueues them in batches; bad inputs are reported and skipped. */
async function enqueuePaths(
  paths: string[],
  url: string,
  name: string,
  published: string | null,
): Promise<number> {
  const q = openQueue(url, name);
  let added = 0;
  let read = 0;
  let failed = 0;
  let batch: ArticleInput[] = [];
  try {
    for await (const item of readInputs(expandPaths(paths), { published })) {
      if ("error" in item) {
        failed++;
        process.stderr.write(`marsad ingest: ${describeError(item.error, "")}\n`);
        continue;
      }
      read++;
      batch.push(item.article);
      if (batch.length >= 500) {
        added += await enqueue(q, batch);
        batch = [];
      }
    }
    if (batch.length) added += await enqueue(q, batch);
  } finally {
    await q.close();
  }
  process.stderr.write(
    `marsad ingest: ${read} articles read, ${added} new jobs queued on ${url} (${read - added} already queued or done), ${failed} failed\n`,
  );
  return failed > 0 ? 1 : 0;
}

export function registerIngest(program: Command): void {
  program
    .command("ingest")
    .description("analyse and store articles: files, folders (recursively), .jsonl, .html")
    .argument("<paths...>", "files or folders")
    .option("--db <path>", "database (default ./marsad.db or $MARSAD_DB)")
    .option("--published <date>", "publication date for .txt/.html inputs (YYYY-MM-DD)")
    .option("--replace", "re-analyse articles already stored (after a lexicon change)")
    .option("--jobs <n>", "analysis threads (default: the number of cores)")
    .option(
      "--queue <url>",
      "enqueue the articles on a Redis queue for `marsad worker` instead of analysing here",
    )
    .option("--queue-name <name>", "queue name", "marsad-articles")
    .action(async (paths: string[], raw: unknown) => {
      const opts = parseOptions(schema, raw);
      if (opts.queue) {
        process.exitCode = await enqueuePaths(paths, opts.queue, opts.queueName, opts.published ?? null);
        return;
      }
      const store = await openStore(opts.db);
      const tty = process.stderr.isTTY;
      const bar = tty
        ? new cliProgress.SingleBar(
            {
              format:
                "ingest |{bar}| {value} articles | {rate} articles/s | new {new} unchanged {unchanged} failed {failed}",
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          )
        : null;
      const t0 = Date.now();
      bar?.start(0, 0, { rate: 0, new: 0, unchanged: 0, failed: 0 });
      try {
        const counts = await ingestPaths(paths, store, null, {
          jobs: opts.jobs,
          published: opts.published ?? null,
          replace: opts.replace,
          onArticle: (c) => {
            const n = c.new + c.unchanged + c.replaced + c.failed;
            bar?.setTotal(n);
            bar?.update(n, { rate: (n / Math.max(0.001, (Date.now() - t0) / 1000)).toFixed(0), ...c });
          },
          onError: (err, where) => {
            const line = `marsad ingest: ${describeError(err, where)}\n`;
            if (bar) bar.stop();
            process.stderr.write(line);
            if (bar) bar.start(0, 0, { rate: 0, new: 0, unchanged: 0, failed: 0 });
          },
        });
        bar?.stop();
        const total = counts.new + counts.unchanged + counts.replaced + counts.failed;
        const secs = (Date.now() - t0) / 1000;
        const nothing =
          counts.new === 0 && counts.replaced === 0 && counts.failed === 0 && total > 0
            ? " (nothing new: every article was already stored)"
            : "";
        process.stderr.write(
          `marsad ingest: ${total} articles in ${secs.toFixed(1)} s (${(total / Math.max(secs, 0.001)).toFixed(0)}/s): ${counts.new} new, ${counts.replaced} replaced, ${counts.unchanged} unchanged, ${counts.failed} failed → ${dbLocation(opts.db)}${nothing}\n`,
        );
        process.exitCode = counts.failed > 0 ? 1 : 0;
      } finally {
        await store.close();
      }
    });
}
