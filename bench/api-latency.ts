/**
 * API latency under concurrent load: /api/events with filters over a database
 * of the ANT corpus, with autocannon (50 connections by default) in this
 * process. Ingest the corpus first (the database is reused by later runs):
 *   npx marsad ingest ../shared/data/news/ant-corpus.jsonl --db /tmp/ant.db
 *
 *   npx vite-node bench/api-latency.ts [--db /tmp/ant.db] [--seconds 10] [--connections 50] [--cache both|on|off]
 *
 * Every filter runs with the store's result cache off (each request runs its
 * queries: the figure that matters when queries vary) and on (the same query
 * repeated, as here, is answered from the cache until the data changes).
 * p95 is computed from every response's latency (autocannon's own summary
 * stops at p90 and p97.5).
 */
import autocannon from "autocannon";
import { buildServer } from "../src/server/app.js";
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

for (const cache of modes) {
  const store = new SqliteStore(db, { cache });
  const app = await buildServer({ store, rateLimit: 10_000_000 });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  console.log(`articles: ${await store.countArticles()}, result cache ${cache ? "on" : "off"}`);
  for (const path of paths) {
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
  await app.close();
  await store.close();
}
