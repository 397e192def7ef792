import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openQueue, queueStatus } from "../../src/queue/queue.js";
import { PostgresStore } from "../../src/store/postgres.js";
import { contentHash } from "../../src/store/text-index.js";
import { ROOT, runCli } from "../helpers/cli.js";
import { SHARED } from "../helpers/shared.js";

/**
 * Two workers on the machine's Redis and PostgreSQL; one is killed with
 * SIGKILL in the middle of the run. Its jobs come back (stalled-job recovery)
 * and every article is stored exactly once.
 */
const REDIS = process.env.MARSAD_TEST_REDIS ?? "redis://127.0.0.1:6379";
const PG = process.env.MARSAD_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";
const RUN = `marsad_q_${process.pid}_${Date.now().toString(36)}`;
const url = new URL(PG);
url.searchParams.set("schema", RUN);
const DB = url.toString();
const QUEUE = RUN.replace(/_/g, "-");
const workers: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const w = spawn(
    process.execPath,
    [
      join(ROOT, "bin/marsad.js"),
      "worker",
      "--queue",
      REDIS,
      "--queue-name",
      QUEUE,
      "--db",
      DB,
      "--lock-ms",
      "2000",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  workers.push(w);
  return w;
}

async function until(cond: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
  const q = openQueue(REDIS, QUEUE);
  await q.queue.obliterate({ force: true }).catch(() => undefined);
  await q.close();
  const client = new pg.Client({ connectionString: PG });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${RUN} CASCADE`);
  await client.end();
});

describe("distributed ingest: two workers, one killed mid-run", () => {
  it("stores every article exactly once", { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-queue-"));
    const lines = readFileSync(`${SHARED}data/news/ant-corpus.jsonl`, "utf8")
      .split("\n")
      .filter(Boolean)
      .slice(0, 60);
    const input = join(dir, "articles.jsonl");
    writeFileSync(input, `${lines.join("\n")}\n`);
    const distinct = new Set(
      lines
        .map((l) => JSON.parse(l) as { text: string; title?: string })
        .map((a) => contentHash(a.text, a.title)),
    );

    const enq = runCli(["ingest", "--queue", REDIS, "--queue-name", QUEUE, input]);
    expect(enq.status, enq.stderr).toBe(0);
    expect(enq.stderr).toContain(`${distinct.size} new jobs queued`);

    const store = await PostgresStore.open(DB);
    try {
      const first = startWorker();
      startWorker();
      // kill the first worker once the run is under way
      expect(await until(async () => (await store.countArticles()) >= 5, 90_000)).toBe(true);
      first.kill("SIGKILL");
      expect(await until(async () => (await store.countArticles()) >= distinct.size, 120_000)).toBe(true);
      const q = openQueue(REDIS, QUEUE);
      try {
        expect(
          await until(async () => (await queueStatus(q)).counts.completed === distinct.size, 60_000),
        ).toBe(true);
        const status = await queueStatus(q);
        expect(status.counts.failed).toBe(0);
      } finally {
        await q.close();
      }
      expect(await store.countArticles()).toBe(distinct.size);
      expect(new Set(await store.listArticleIds()).size).toBe(distinct.size);
      expect(await store.integrityCheck()).toBe("ok");
    } finally {
      await store.close();
    }
  });
});
