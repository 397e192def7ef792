/**
 * API latency under concurrent load: /api/events with filters over a database
 * of the ANT corpus, with autocannon (50 connections by default) in this
 * process and the server in a child process. Ingest the corpus first (the database is reused by later runs):
 *   npx marsad ingest ../shared/data/news/ant-corpus.jsonl --db /tmp/ant.db
 *
 *   npx vite-node bench/api-latency.ts [--db /tmp/ant.db | --db postgres://…] [--seconds 10] [--connections 50] [--cache both|on|off]
 *
 * Every filter runs with the store's result cache off (each request runs its
 * queries: the figure that matters when queries vary) and on (the same query
 * repeated, as here, is answered from the cache until the data changes).
 * p95 is computed from every response's latency (autocannon's own summary
 * stops at p90 and p97.5).
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { buildServer } from "../src/server/app.js";
import { openStore } from "../src/store/open.js";
import { SqliteStore } from "../src/store/sqlite.js";

const arg = (name: string, d: string) =>
  process.argv.includes(name) ? (process.argv[process.argv.indexOf(name) + 1] ?? d) : d;
const db = arg("--db", "/tmp/ant.db");
const modes = { both: [false, true], on: [true], off: [false] }[arg("--cache", "both")] ?? [false, true];
const paths = [
  "/api/events?source=TUN&limit=50",
  "/api/events?cameo=04&from=2016-01-01&limit=50",
  "/api/events?actor=USA&quad=4",
  "/api/events?target=FRA&modality=asserted",
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * The server runs in a child process (this file with --serve), so that the load generator and
 * the server do not share one event loop: on this 2-core machine each gets a core, as a real
 * client and server would.
 */
if (process.argv.includes("--serve")) {
  // a postgres:// URL serves that database (it keeps no result cache: every request runs its queries)
  const store = db.startsWith("postgres")
    ? await openStore(db)
    : new SqliteStore(db, { cache: arg("--serve", "off") === "on" });
  const app = await buildServer({ store, rateLimit: 10_000_000 });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const addr = app.server.address();
  process.send?.({
    port: typeof addr === "object" && addr ? addr.port : 0,
    articles: await store.countArticles(),
  });
} else {
  for (const cache of modes) {
    const viteNode = fileURLToPath(new URL("../node_modules/vite-node/vite-node.mjs", import.meta.url));
    const self = fileURLToPath(import.meta.url);
    const child = fork(viteNode, [self, ...process.argv.slice(2), "--serve", cache ? "on" : "off"]);
    const { port, articles } = await new Promise<{ port: number; articles: number }>((resolve) =>
      child.once("message", (m) => resolve(m as { port: number; articles: number })),
    );
    const base = `http://127.0.0.1:${port}`;
    console.log(`articles: ${articles}, result cache ${cache ? "on" : "off"} (server in its own process)`);
    for (const path of paths) {
      // warm-up: JIT, SQLite's page cache and the connection pool settle before anything is recorded
      await new Promise((resolve, reject) =>
        autocannon({ url: base + path, connections: 10, duration: 2 }, (err, res) =>
          err ? reject(err) : resolve(res),
        ),
      );
      const times: number[] = [];
      const r = await new Promise<autocannon.Result>((resolve, reject) => {
        const run = autocannon(
          {
            url: base + path,
            connections: Number(arg("--connections", "50")),
            duration: Number(arg("--seconds", "10")),
          },
          (err, result) => (err ? reject(err) : resolve(result)),
        );
        run.on("response", (_client, _status, _bytes, ms) => times.push(ms));
      });
      times.sort((a, b) => a - b);
      const ms = (p: number) => percentile(times, p).toFixed(0);
      console.log(
        `${path.padEnd(46)} p50 ${ms(50)} ms  p90 ${ms(90)} ms  p95 ${ms(95)} ms  p97.5 ${ms(97.5)} ms  p99 ${ms(99)} ms  ${r.requests.average.toFixed(0)} req/s  errors ${r.errors + r.non2xx}`,
      );
    }
    child.kill();
  }
}
