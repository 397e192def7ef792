import type { Command } from "commander";
import { z } from "zod";
import type { ArticleInput } from "../document.js";
import { MarsadError } from "../errors.js";
import { runFeeds } from "../feed/poll.js";
import { createPipeline } from "../pipeline/index.js";
import { enqueue, openQueue } from "../queue/queue.js";
import { dbLocation, openStore } from "../store/open.js";
import { parseOptions, queueName, queueUrl } from "./options.js";

/**
 * `marsad feed URL... [--every 15m] [--db FILE] [--once] [--allow-private]`:
 * polls RSS/Atom feeds and stores each new item's article. Runs until
 * SIGINT/SIGTERM (the current item finishes; a second signal quits at
 * once), or polls once with --once. One summary line per poll on stderr.
 */

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

/** "30s", "15m", "1h" → milliseconds. */
export const duration = z
  .string()
  .regex(/^\d+[smh]$/, "must be a duration like 30s, 15m or 1h")
  .transform((s) => Number(s.slice(0, -1)) * UNIT_MS[s.slice(-1) as keyof typeof UNIT_MS])
  .refine((ms) => ms >= 1000 && ms <= 7 * 24 * 3_600_000, "must be between 1s and 168h");

const schema = z.object({
  every: duration.default(15 * 60_000),
  db: z.string().optional(),
  once: z.boolean().default(false),
  allowPrivate: z.boolean().default(false),
  queue: queueUrl.optional(),
  queueName,
});

function checkFeedUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new MarsadError(
      "E_USAGE",
      `${JSON.stringify(raw)} is not a URL (give feeds as http:// or https://…)`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new MarsadError("E_USAGE", `${JSON.stringify(raw)}: only http: and https: feeds can be polled`);
  }
  return raw;
}

export function registerFeed(program: Command): void {
  program
    .command("feed")
    .description("poll RSS/Atom feeds and store each new item's article")
    .argument("<urls...>", "feed URLs (http or https)")
    .option("--every <duration>", "pause between polls: 30s, 15m, 1h (default 15m)")
    .option("--db <path>", "database (default ./marsad.db or $MARSAD_DB)")
    .option("--once", "poll every feed once and exit")
    .option("--allow-private", "allow feeds and pages on private, loopback or link-local addresses")
    .option(
      "--queue <url>",
      "enqueue new articles for `marsad worker` instead of analysing here (feed state stays in --db)",
    )
    .option("--queue-name <name>", "queue name", "marsad-articles")
    .action(async (urls: string[], raw: unknown) => {
      const opts = parseOptions(schema, raw);
      const feeds = urls.map(checkFeedUrl);
      const store = await openStore(opts.db);
      const queue = opts.queue ? openQueue(opts.queue, opts.queueName) : null;
      const pipeline = queue ? (null as unknown as ReturnType<typeof createPipeline>) : createPipeline();
      const sink = queue
        ? async (a: ArticleInput) =>
            (await enqueue(queue, [a])) > 0 ? ("new" as const) : ("unchanged" as const)
        : undefined;
      const controller = new AbortController();
      const write = (line: string) => process.stderr.write(`marsad feed: ${line}\n`);
      let signals = 0;
      const onSignal = (sig: NodeJS.Signals) => {
        signals++;
        if (signals > 1) {
          write(`${sig} again: quitting now`);
          process.exit(130);
        }
        write(`${sig}: stopping after the current item`);
        controller.abort();
      };
      if (!opts.once) {
        process.on("SIGINT", onSignal);
        process.on("SIGTERM", onSignal);
      }
      try {
        if (!opts.once) {
          write(
            `polling ${feeds.length} feed${feeds.length === 1 ? "" : "s"} every ${formatEvery(opts.every)} → ${dbLocation(opts.db)} (Ctrl-C to stop)`,
          );
        }
        const total = await runFeeds(feeds, store, pipeline, {
          everyMs: opts.every,
          once: opts.once,
          signal: controller.signal,
          allowPrivate: opts.allowPrivate,
          sink,
          log: write,
        });
        // --once: 1 if a feed or an item failed (reported above); a stopped poller ends with 0
        process.exitCode = opts.once && (total.failed > 0 || total.feedErrors > 0) ? 1 : 0;
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
        await store.close();
        await queue?.close();
      }
    });
}

function formatEvery(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${ms / 1000}s`;
}
