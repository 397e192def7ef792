import type { Command } from "commander";
import { z } from "zod";
import { formatError } from "../errors.js";
import { displayUrl } from "../feed/fetch.js";
import { createPipeline } from "../pipeline/index.js";
import { startWorker } from "../queue/queue.js";
import { dbLocation, openStore } from "../store/open.js";
import { parseOptions, queueName, queueUrl } from "./options.js";

/**
 * `marsad worker --queue redis://… --db postgres://… [--concurrency N]`:
 * processes queued articles until stopped. Start as many as you like, on as
 * many machines as you like.
 */
const schema = z.object({
  queue: queueUrl,
  db: z.string().optional(),
  concurrency: z.coerce.number().int().min(1, "must be 1 to 64").max(64, "must be 1 to 64").default(1),
  queueName,
  lockMs: z.coerce.number().int().min(1000, "must be at least 1000").default(30_000),
});

export function registerWorker(program: Command): void {
  program
    .command("worker")
    .description("process articles from a queue (BullMQ on Redis) into the store")
    .requiredOption("--queue <url>", "redis://host:port")
    .option("--db <url>", "database (a PostgreSQL URL when several workers share it)")
    .option("--concurrency <n>", "jobs at once in this process", "1")
    .option("--queue-name <name>", "queue name (several deployments may share a Redis)", "marsad-articles")
    .option("--lock-ms <ms>", "how long a job stays with a worker that stopped answering", "30000")
    .action(async (raw: unknown) => {
      const opts = parseOptions(schema, raw);
      const store = await openStore(opts.db);
      const pipeline = createPipeline();
      let done = 0;
      const w = startWorker(opts.queue, store, pipeline, {
        name: opts.queueName,
        concurrency: opts.concurrency,
        lockDuration: opts.lockMs,
        stalledInterval: Math.max(500, Math.floor(opts.lockMs / 2)),
        onDone: () => {
          done++;
        },
        onFailed: (job, err) =>
          process.stderr.write(
            `marsad worker: job ${job?.id ?? "?"} (${job?.data?.id ?? "?"}) failed: ${formatError(err)}\n`,
          ),
      });
      process.stderr.write(
        `marsad worker: processing ${displayUrl(opts.queue)} into ${displayUrl(dbLocation(opts.db))}; Ctrl-C stops\n`,
      );
      const timer = setInterval(
        () => process.stderr.write(`marsad worker: ${done} articles processed\n`),
        60_000,
      );
      const stop = async () => {
        clearInterval(timer);
        await w.close();
        await store.close();
        process.stderr.write(`marsad worker: stopped after ${done} articles\n`);
        process.exit(0);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      await new Promise(() => undefined);
    });
}
