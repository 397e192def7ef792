/**
 * The API with 100,000 events in the database: builds a SQLite store of
 * synthetic analysed articles (5 events each, random dyads, codes and dates
 * over two years), then measures /api/events, /api/graph, /api/timeline and
 * /api/actors under 50 concurrent connections (autocannon) — the queries the
 * web UI makes.
 *
 *   npx vite-node bench/many-events.ts [--events 100000] [--seconds 10] [--cache on|off]
 *
 * With `--cache off` every request runs its queries (the store's result cache keeps a repeated
 * query's answer until the data changes, as here, where nothing is written while it runs).
 */
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import type { ArticleDocument, EventOut } from "../src/document.js";
import { buildServer } from "../src/server/app.js";
import { SqliteStore } from "../src/store/sqlite.js";

const arg = (name: string, d: string) =>
  process.argv.includes(name) ? (process.argv[process.argv.indexOf(name) + 1] ?? d) : d;
const total = Number(arg("--events", "100000"));
const file = join(tmpdir(), "marsad-many-events.db");
for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
const writer = new SqliteStore(file);
const actors = [
  "USAGOV",
  "ISRGOV",
  "ISRMIL",
  "PSEREBHMS",
  "EGYGOV",
  "QATGOV",
  "IRNGOV",
  "LBNREBHEZ",
  "SYRGOV",
  "TURGOV",
  "RUSGOV",
  "UKRGOV",
  "SAUGOV",
  "YEMREBHOU",
  "IGOUNO",
  "TUNGOV",
  "DZAGOV",
  "FRAGOV",
  "GBRGOV",
  "CHNGOV",
];
const codes = [
  ["040", "CONSULT", 1],
  ["042", "CONSULT", 1],
  ["111", "ACCUSE", 3],
  ["163", "COERCE", 4],
  ["195", "ASSAULT", 4],
  ["073", "AID", 2],
  ["057", "AGREE", 1],
  ["130", "THREATEN", 3],
] as const;
let seed = 7;
// mulberry32: reproducible and evenly spread over actors, codes and days
const rnd = (n: number) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
};
const t0 = performance.now();
const text = "التقى وزير الخارجية نظيره في القاهرة يوم الأحد.";
for (let a = 0; a < total / 5; a++) {
  const day = new Date(Date.UTC(2023, 0, 1) + rnd(730) * 86_400_000).toISOString().slice(0, 10);
  const events: EventOut[] = Array.from({ length: 5 }, () => {
    const [cameo, plover, quad] = codes[rnd(codes.length)]!;
    const s = actors[rnd(actors.length)]!;
    let t = actors[rnd(actors.length)]!;
    if (t === s) t = "IGOUNO";
    return {
      source: { code: s, name: s, text: s },
      target: { code: t, name: t, text: t },
      cameo,
      plover,
      quad,
      goldstein: 1,
      modality: "asserted",
      date: day,
      date_text: null,
      location: null,
      attribution: null,
      topics: ["war"],
      sentences: [0],
      evidence: "التقى",
      evidence_start: 0,
      evidence_end: 5,
      rules: ["synthetic"],
    };
  });
  const doc: ArticleDocument = {
    id: `syn-${a}`,
    published: day,
    language: "ar",
    title: null,
    sentences: [{ index: 0, start: 0, end: text.length, heading: false, text }],
    entities: [],
    events,
  };
  await writer.saveArticle({ id: doc.id, text: `${text} ${a}`, published: day }, doc);
}
console.log(`built ${total} events in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
// served as `marsad serve` serves what `marsad ingest` wrote: the writer's close keeps the
// planner's statistics (without them a dyad filter on a fresh database sorted far more rows)
await writer.close();
const store = new SqliteStore(file, { cache: arg("--cache", "on") !== "off" });
const app = await buildServer({ store, rateLimit: 10_000_000 });
await app.listen({ host: "127.0.0.1", port: 0 });
const addr = app.server.address();
const base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
for (const path of [
  "/api/events?limit=50",
  "/api/events?source=ISR&target=PSE&limit=50",
  "/api/events?cameo=19&from=2024-01-01&limit=50",
  "/api/graph?limit=200",
  "/api/timeline?bucket=week&by=quad",
  "/api/actors?limit=100",
]) {
  const r = await autocannon({ url: base + path, connections: 50, duration: Number(arg("--seconds", "10")) });
  console.log(
    `${path.padEnd(46)} p50 ${r.latency.p50} ms  p90 ${r.latency.p90} ms  p97.5 ${r.latency.p97_5} ms  p99 ${r.latency.p99} ms  ${r.requests.average.toFixed(0)} req/s  errors ${r.errors + r.non2xx}`,
  );
}
await app.close();
await store.close();
