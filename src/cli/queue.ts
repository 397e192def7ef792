import type { Command } from "commander";
import { z } from "zod";
import { openQueue, queueStatus, retryFailed } from "../queue/queue.js";
import { parseOptions, queueName, queueUrl } from "./options.js";

/** `marsad queue status|retry --queue redis://…`: job counts, failed jobs with their errors, and retrying them. */
const schema = z.object({
  queueName,
  queue: queueUrl,
  format: z.enum(["text", "json"]).default("text"),
});

export function registerQueue(program: Command): void {
  const cmd = program.command("queue").description("inspect the work queue: status, retry failed jobs");
  cmd
    .command("status")
    .requiredOption("--queue <url>", "redis://host:port")
    .option("--queue-name <name>", "queue name", "marsad-articles")
    .option("--format <format>", "text or json", "text")
    .action(async (raw: unknown) => {
      const opts = parseOptions(schema, raw);
      const q = openQueue(opts.queue, opts.queueName);
      try {
        const s = await queueStatus(q);
        if (opts.format === "json") process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
        else {
          process.stdout.write(
            `${Object.entries(s.counts)
              .map(([k, v]) => `${k} ${v}`)
              .join(", ")}\n`,
          );
          for (const f of s.failed)
            process.stdout.write(`failed ${f.article} (job ${f.id}, ${f.attempts} attempts): ${f.error}\n`);
        }
      } finally {
        await q.close();
      }
    });
  cmd
    .command("retry")
    .requiredOption("--queue <url>", "redis://host:port")
    .option("--queue-name <name>", "queue name", "marsad-articles")
    .action(async (raw: unknown) => {
      const opts = parseOptions(schema, raw);
      const q = openQueue(opts.queue, opts.queueName);
      try {
        process.stdout.write(`retried ${await retryFailed(q)} failed jobs\n`);
      } finally {
        await q.close();
      }
    });
}
