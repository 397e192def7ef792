/**
 * Soak test: the API (Fastify over a SqliteStore in a temporary folder, on
 * 127.0.0.1) under concurrent load — autocannon on /api/events with filters,
 * /api/search, /api/graph and /api/timeline — WHILE articles are analysed (in a
 * worker thread) and saved into the same store. Reports errors (must be none:
 * exit 1 otherwise), latency percentiles, requests/s, articles ingested, and
 * memory (RSS, heap) at the start, every 10 s and at the end, with a verdict on
 * whether memory grew steadily. Loopback only; stops by itself.
 *
 *   npm run build && npx vite-node bench/soak.ts [--seconds 30] [--connections 24]
 *       [--preload 300] [--max-articles 20000] [--corpus ../shared/data/news/ant-corpus.jsonl]
 *
 * Articles come from the ANT corpus, line by line, or (without it) are
 * generated from the news fragments of test/helpers/arabic-news.ts.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Worker } from "node:worker_threads";
import autocannon from "autocannon";
import fc from "fast-check";
import type { ArticleDocument, ArticleInput } from "../src/document.js";
import { buildServer } from "../src/server/app.js";
import { SqliteStore } from "../src/store/sqlite.js";
import { newsArticle } from "../test/helpers/arabic-news.js";

const arg = (name: string, d: string) =>
  process.argv.includes(name) ? (process.argv[process.argv.indexOf(name) + 1] ?? d) : d;
const seconds = Number(arg("--seconds", "30"));
const connections = Number(arg("--connections", "24"));
const preload = Number(arg("--preload", "300"));
const maxArticles = Number(arg("--max-articles", "20000"));
const corpus = arg(
  "--corpus",
  fileURLToPath(new URL("../../shared/data/news/ant-corpus.jsonl", import.meta.url)),
);
if (
  ![seconds, connections, preload, maxArticles].every((n) => Number.isInteger(n) && n >= 1) ||
  seconds > 3600
) {
  console.error(
    "usage: bench/soak.ts [--seconds 1..3600] [--connections N] [--preload N] [--max-articles N]",
  );
  process.exit(2);
}
const workerFile = fileURLToPath(new URL("../dist/parallel/worker.js", import.meta.url));
if (!existsSync(workerFile)) {
  console.error("bench/soak.ts analyses with the built pipeline: run `npm run build` first");
  process.exit(2);
}

// a forced collection before the first and after the last sample: live memory, not garbage
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

// the whole run is bounded: whatever happens, the process ends
const hardStop = setTimeout(
  () => {
    console.error(`soak: still running ${seconds + 120} s after the start: giving up`);
    process.exit(1);
  },
  (seconds + 120) * 1000,
);
hardStop.unref();

// ---- the store and the API ----

const dir = mkdtempSync(join(tmpdir(), "marsad-soak-"));
const store = new SqliteStore(join(dir, "soak.db"));
const app = await buildServer({ store, rateLimit: 100_000_000 });
await app.listen({ host: "127.0.0.1", port: 0 });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

// ---- articles: analysed in a worker thread (the built pipeline), saved here ----

async function* articles(): AsyncGenerator<ArticleInput> {
  let n = 0;
  if (existsSync(corpus)) {
    const lines = createInterface({
      input: createReadStream(corpus, { encoding: "utf8" }),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      if (!line.trim()) continue;
      const a = JSON.parse(line) as ArticleInput & { id: string | number };
      yield {
        id: String(a.id),
        text: a.text,
        title: a.title ?? null,
        published: a.published ? a.published.slice(0, 10) : null,
        url: a.url ?? null,
        source: a.source ?? null,
      };
      n++;
    }
  }
  // after the corpus (or without it): generated articles, a few hundred at a time
  for (let seed = 1; ; seed++) {
    for (const a of fc.sample(newsArticle(10, 60), { numRuns: 200, seed })) {
      yield { ...a, id: `gen-${seed}-${n++}`, published: a.published ?? "2024-06-27" };
    }
  }
}

const worker = new Worker(workerFile);
const waiting = new Map<number, (r: { doc?: ArticleDocument; error?: string }) => void>();
worker.on("message", (m: { seq: number; doc?: ArticleDocument; error?: string }) => {
  waiting.get(m.seq)?.(m);
  waiting.delete(m.seq);
});
let seq = 0;
function analyse(article: ArticleInput): Promise<{ doc?: ArticleDocument; error?: string }> {
  const n = seq++;
  return new Promise((resolve) => {
    waiting.set(n, resolve);
    worker.postMessage({ seq: n, article });
  });
}

const ingested = { new: 0, unchanged: 0, replaced: 0, failed: 0 };
const ingestErrors: string[] = [];
let stopIngest = false;
const source = articles();

/** Analyses and saves articles until `count` are done, the time is up or the maximum is reached. */
async function ingest(count: number): Promise<void> {
  // two in flight: the worker analyses the next while this thread saves the last
  let next = source.next();
  let pending: Promise<{ article: ArticleInput; r: { doc?: ArticleDocument; error?: string } }> | null = null;
  let done = 0;
  const total = () => ingested.new + ingested.unchanged + ingested.replaced + ingested.failed;
  while (!stopIngest && done < count && total() < maxArticles) {
    const item = await next;
    if (item.done) break;
    const article = item.value;
    const current = analyse(article).then((r) => ({ article, r }));
    next = source.next();
    if (pending) await save(await pending);
    pending = current;
    done++;
  }
  if (pending) await save(await pending);
}

async function save({ article, r }: { article: ArticleInput; r: { doc?: ArticleDocument; error?: string } }) {
  try {
    if (!r.doc) throw new Error(r.error ?? "analysis failed");
    ingested[await store.saveArticle(article, r.doc)]++;
  } catch (err) {
    ingested.failed++;
    if (ingestErrors.length < 10) ingestErrors.push(`${article.id}: ${(err as Error).message}`);
  }
}

// ---- memory ----

interface Sample {
  t: number;
  rss: number;
  heap: number;
}
const MB = 1024 * 1024;
const samples: Sample[] = [];
const t0 = performance.now();
const sample = (): Sample => {
  const m = process.memoryUsage();
  const s = { t: (performance.now() - t0) / 1000, rss: m.rss / MB, heap: m.heapUsed / MB };
  samples.push(s);
  return s;
};
const show = (label: string, s: Sample) =>
  console.log(
    `${label.padEnd(14)} rss ${s.rss.toFixed(0).padStart(5)} MB  heap ${s.heap.toFixed(0).padStart(4)} MB  articles ${String(ingested.new).padStart(6)}`,
  );

// ---- the run ----

console.log(`soak: ${seconds} s, ${connections} connections on ${base}, store ${join(dir, "soak.db")}`);
const tp = performance.now();
await ingest(preload);
console.log(
  `preloaded ${ingested.new} articles in ${((performance.now() - tp) / 1000).toFixed(1)} s (${ingested.failed} failed)`,
);
const preloaded = ingested.new;
gc();
show("start (GC'd)", sample());

const q = (s: string) => encodeURIComponent(s);
const groups: Array<{ name: string; paths: string[] }> = [
  {
    name: "/api/events",
    paths: [
      "/api/events?limit=50",
      "/api/events?source=TUN&limit=50",
      "/api/events?cameo=04&from=2016-01-01&limit=50",
      "/api/events?actor=USA&quad=4",
      "/api/events?target=FRA&modality=asserted",
      "/api/events?plover=CONSULT&format=csv&limit=100",
      `/api/events?q=${q("الحكومة")}&limit=20`,
    ],
  },
  {
    name: "/api/search",
    paths: [
      `/api/search?q=${q("الحكومة")}`,
      `/api/search?q=${q("وزير الخارجية")}&limit=50`,
      `/api/search?q=${q("بتونس")}`,
    ],
  },
  {
    name: "/api/graph",
    paths: ["/api/graph?limit=100", "/api/graph?source=TUN&limit=50", "/api/graph?quad=4"],
  },
  {
    name: "/api/timeline",
    paths: [
      "/api/timeline?bucket=month",
      "/api/timeline?bucket=week&by=quad",
      "/api/timeline?cameo=04&bucket=day",
    ],
  },
];

// every 10 s a report line; every second a sample for the verdict
let tick = 0;
const timer = setInterval(() => {
  tick++;
  const s = sample();
  if (tick % 10 === 0) show(`${tick} s`, s);
}, 1000);

const ingestion = (async () => {
  while (!stopIngest) {
    const before = ingested.new + ingested.unchanged + ingested.failed;
    await ingest(50);
    if (ingested.new + ingested.unchanged + ingested.failed === before) break; // nothing left
  }
})();

const perGroup = Math.max(1, Math.floor(connections / groups.length));
const results = await Promise.all(
  groups.map((g) =>
    autocannon({
      url: base,
      connections: perGroup,
      duration: seconds,
      requests: g.paths.map((path) => ({ method: "GET" as const, path })),
    }),
  ),
);
stopIngest = true;
await ingestion;
clearInterval(timer);
const loadSecs = (performance.now() - t0) / 1000;
show("end", sample());
gc();
const endGc = sample();
show("end (GC'd)", endGc);

// ---- report ----

console.log("");
console.log("endpoint        requests    req/s   p50   p90 p97.5   p99  (ms)  errors");
let errors = 0;
let total = 0;
for (const [i, r] of results.entries()) {
  const bad = r.errors + r.timeouts + r.non2xx;
  errors += bad;
  total += r.requests.total;
  console.log(
    `${groups[i]!.name.padEnd(14)} ${String(r.requests.total).padStart(9)} ${r.requests.average.toFixed(0).padStart(8)} ${[r.latency.p50, r.latency.p90, r.latency.p97_5, r.latency.p99].map((x) => String(x).padStart(5)).join(" ")}        ${bad}`,
  );
}
console.log(
  `all            ${String(total).padStart(9)} ${(total / seconds).toFixed(0).padStart(8)} req/s over ${seconds} s, ${errors} errors (connection errors, timeouts, non-2xx)`,
);
const stored = await store.countArticles();
console.log(
  `articles: ${preloaded} preloaded, ${ingested.new - preloaded} new during the load (${((ingested.new - preloaded) / seconds).toFixed(1)}/s), ${ingested.unchanged} already stored, ${ingested.failed} failed; ${stored} in the store`,
);
for (const e of ingestErrors) console.log(`  ingest error: ${e}`);

// verdict: the average of the last third of the samples against the middle third's
const during = samples.filter((s) => s.t > 0 && s.t <= loadSecs);
const third = Math.floor(during.length / 3);
const avg = (xs: Sample[], k: "rss" | "heap") => xs.reduce((a, s) => a + s[k], 0) / Math.max(1, xs.length);
const middle = during.slice(third, 2 * third);
const last = during.slice(2 * third);
let grew = false;
for (const k of ["rss", "heap"] as const) {
  const m = avg(middle, k);
  const l = avg(last, k);
  const change = ((l - m) / m) * 100;
  // steady growth: the last third above the middle by more than 10 %, and every third above the one before
  const firstAvg = avg(during.slice(0, third), k);
  const steady = change > 10 && m > firstAvg;
  if (steady) grew = true;
  console.log(
    `memory ${k.padEnd(4)}: first third ${firstAvg.toFixed(0)} MB, middle ${m.toFixed(0)} MB, last ${l.toFixed(0)} MB (${change >= 0 ? "+" : ""}${change.toFixed(1)} % last vs middle)${steady ? "  ← grows" : ""}`,
  );
}
console.log(
  `heap after GC: start ${samples[0]!.heap.toFixed(0)} MB, end ${endGc.heap.toFixed(0)} MB (the store's data is on disk; the heap should not follow it)`,
);
console.log(
  grew
    ? "verdict: memory GREW steadily during the run (see the thirds above)"
    : "verdict: memory stable (no steady growth: last third within 10 % of the middle one, or not rising)",
);

await app.close();
await worker.terminate();
await store.close();
rmSync(dir, { recursive: true, force: true });
if (errors > 0 || ingested.failed > 0) {
  console.log(`FAILED: ${errors} request errors, ${ingested.failed} ingest failures`);
  process.exit(1);
}
console.log("no errors");
process.exit(0);
