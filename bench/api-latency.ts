/**
 * API latency under concurrent load: /api/events with filters over a database
 * of the ANT corpus, with autocannon (50 connections by default). Ingest the
 * corpus first:  npx marsad ingest ../shared/data/news/ant-corpus.jsonl --db /tmp/ant.db
 *
 *   npx vite-node bench/api-latency.ts [--db /tmp/ant.db] [--seconds 15] [--connections 50]
 */
import autocannon from "autocannon";
import { buildServer } from "../src/server/app.js";
import { SqliteStore } from "../src/store/sqlite.js";

const arg = (name: string, d: string) =>
  process.argv.includes(name) ? (process.argv[process.argv.indexOf(name) + 1] ?? d) : d;
const store = new SqliteStore(arg("--db", "/tmp/ant.db"));
const app = await buildServer({ store, rateLimit: 10_000_000 });
await app.listen({ host: "127.0.0.1", port: 0 });
const addr = app.server.address();
const base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
console.log(`articles: ${await store.countArticles()}`);
const paths = [
  "/api/events?source=TUN&limit=50",
  "/api/events?cameo=04&from=2016-01-01&limit=50",
  "/api/events?actor=USA&quad=4",
  "/api/events?target=FRA&modality=asserted",
];
for (const path of paths) {
  const r = await autocannon({
    url: base + path,
    connections: Number(arg("--connections", "50")),
    duration: Number(arg("--seconds", "10")),
  });
  console.log(
    `${path.padEnd(46)} p50 ${r.latency.p50} ms  p90 ${r.latency.p90} ms  p97.5 ${r.latency.p97_5} ms  p99 ${r.latency.p99} ms  ${r.requests.average.toFixed(0)} req/s  errors ${r.errors + r.non2xx}`,
  );
}
await app.close();
await store.close();
