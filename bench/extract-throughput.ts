/**
 * Extraction throughput on the ANT corpus (../shared/data/news/ant-corpus.jsonl):
 * a bare pass (read, tokenise, write JSON) against the full pipeline on one
 * thread and on all threads, in one run. Prints articles/s and the ratio. Each in-process pass
 * runs twice: cold (its first run in the process, while the JIT compiles) and warm (again, as a
 * long-running extraction runs after its first thousand articles).
 *
 *   npm run build && npx vite-node bench/extract-throughput.ts [--limit N]
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { splitSentences } from "../src/lang/ar/sentences.js";
import { tokenize } from "../src/lang/ar/tokenize.js";
import { createPipeline } from "../src/pipeline/index.js";

const corpus = fileURLToPath(new URL("../../shared/data/news/ant-corpus.jsonl", import.meta.url));
const limit = Number(process.argv[process.argv.indexOf("--limit") + 1] || 0) || Number.POSITIVE_INFINITY;
const lines = readFileSync(corpus, "utf8").split("\n").filter(Boolean).slice(0, limit);
const articles = lines.map(
  (l) => JSON.parse(l) as { id: string; text: string; title?: string; published?: string },
);
console.log(`articles: ${articles.length}, cores: ${availableParallelism()}`);

function time(label: string, fn: () => number): number {
  const t0 = performance.now();
  const bytes = fn();
  const s = (performance.now() - t0) / 1000;
  const rate = articles.length / s;
  console.log(
    `${label.padEnd(34)} ${s.toFixed(2).padStart(7)} s  ${rate.toFixed(0).padStart(7)} articles/s  (${(bytes / 1e6).toFixed(1)} MB out)`,
  );
  return rate;
}

function barePass(): number {
  let out = 0;
  for (const a of articles) {
    const sentences = splitSentences(a.text);
    const tokens = tokenize(a.text);
    out += JSON.stringify({ id: a.id, sentences, tokens: tokens.length }).length;
  }
  return out;
}
const pipeline = createPipeline();
function fullPass(): number {
  let out = 0;
  for (const a of articles)
    out += JSON.stringify(
      pipeline.run({ id: a.id, text: a.text, title: a.title ?? null, published: a.published ?? null }),
    ).length;
  return out;
}
// cold: each pass's first run in this process (the JIT compiles while it runs)
pipeline.run({ id: "warm", text: "قال الوزير إن المحادثات ستستمر." });
const bareCold = time("bare pass (tokenise + JSON), cold", barePass);
const oneCold = time("full pipeline, 1 thread, cold", fullPass);
// warm: the same passes again, as a long-running extraction runs after its first thousand articles
const bare = time("bare pass, warm", barePass);
const one = time("full pipeline, 1 thread, warm", fullPass);
const input = join(tmpdir(), "marsad-bench-input.jsonl");
writeFileSync(input, `${lines.join("\n")}\n`);
const bin = fileURLToPath(new URL("../bin/marsad.js", import.meta.url));
const cli = (jobs: number) => () =>
  execFileSync(process.execPath, [bin, "extract", input, "--format", "jsonl", "--jobs", String(jobs)], {
    maxBuffer: 2 ** 31 - 1,
  }).length;
const cli1 = time("CLI extract --jobs 1 (incl. startup)", cli(1));
const all = time(`CLI extract --jobs ${availableParallelism()} (incl. startup)`, cli(availableParallelism()));
console.log(`\nratio full/bare (1 thread, warm): ${(bare / one).toFixed(1)}× slower than the bare pass`);
console.log(`ratio full/bare (1 thread, cold): ${(bareCold / oneCold).toFixed(1)}×`);
console.log(`all threads vs 1 thread (CLI): ${(all / cli1).toFixed(2)}×`);
