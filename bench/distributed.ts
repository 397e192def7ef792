/**
 * Distributed ingest: the same articles through one worker and through two
 * workers (BullMQ on the local Redis, PostgreSQL on the local server), each
 * run into a fresh schema and queue. Prints articles/s for each.
 *
 *   npm run build && npx vite-node bench/distributed.ts [--limit 2000] [--pg postgres://…] [--redis redis://…]
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openQueue } from "../src/queue/queue.js";
import { PostgresStore } from "../src/store/postgres.js";

const arg = (name: string, d: string) =>
  process.argv.includes(name) ? (process.argv[process.argv.indexOf(name) + 1] ?? d) : d;
const limit = Number(arg("--limit", "2000"));
const PG = arg("--pg", "postgres://postgres@127.0.0.1:5432/test");
const REDIS = arg("--redis", "redis://127.0.0.1:6379");
const bin = fileURLToPath(new URL("../bin/marsad.js", import.meta.url));
const lines = readFileSync(
  fileURLToPath(new URL("../../shared/data/news/ant-corpus.jsonl", import.meta.url)),
  "utf8",
)
  .split("\n")
  .filter(Boolean)
  .slice(0, limit);
const input = join(tmpdir(), "marsad-distributed.jsonl");
writeFileSync(input, `${lines.join("\n")}\n`);

async function run(workers: number): Promise<void> {
  const name = `marsad_bench_${workers}_${Date.now().toString(36)}`;
  const url = new URL(PG);
  url.searchParams.set("schema", name);
  const db = url.toString();
  const queue = name.replace(/_/g, "-");
  const store = await PostgresStore.open(db);
  execFileSync(process.execPath, [bin, "ingest", "--queue", REDIS, "--queue-name", queue, input], {
    stdio: "ignore",
  });
  const procs: ChildProcess[] = [];
  const t0 = performance.now();
  for (let i = 0; i < workers; i++)
    procs.push(
      spawn(process.execPath, [bin, "worker", "--queue", REDIS, "--queue-name", queue, "--db", db], {
        stdio: "ignore",
      }),
    );
  const q = openQueue(REDIS, queue);
  const total = (await q.queue.getJobCounts("waiting", "active", "completed")) as Record<string, number>;
  const jobs = (total.waiting ?? 0) + (total.active ?? 0) + (total.completed ?? 0);
  while (((await q.queue.getJobCounts("completed")) as Record<string, number>).completed! < jobs)
    await new Promise((r) => setTimeout(r, 200));
  const s = (performance.now() - t0) / 1000;
  console.log(
    `${workers} worker(s): ${jobs} articles in ${s.toFixed(1)} s = ${(jobs / s).toFixed(0)} articles/s (incl. worker start-up), stored ${await store.countArticles()}`,
  );
  for (const p of procs) p.kill("SIGTERM");
  await q.queue.obliterate({ force: true });
  await q.close();
  await store.close();
  const client = new pg.Client({ connectionString: PG });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  await client.end();
}

await run(1);
await run(2);
