/**
 * The in-process passes of extract-throughput.ts, run by node on the built code (dist/), as
 * `marsad extract` runs it: not through vite-node, whose on-the-fly module transform puts a
 * getter behind every call from one module into another (the pipeline ran a fifth to a quarter
 * fewer articles/s so on this machine).
 *
 *   node bench/extract-passes.mjs FILE.jsonl [WARM_ROUNDS]
 *
 * Prints one JSON line: articles, and for the bare pass and the full pipeline the seconds and
 * output bytes of the cold pass (each pass's first run in the process, while the JIT compiles)
 * and of each warm round (the two passes again, alternating, as a long extraction runs after
 * its first thousand articles).
 */
import { readFileSync } from "node:fs";

const [file, roundsArg] = process.argv.slice(2);
if (!file) throw new Error("usage: node bench/extract-passes.mjs FILE.jsonl [WARM_ROUNDS]");
const dist = new URL("../dist/", import.meta.url);
const { splitSentences } = await import(new URL("lang/ar/sentences.js", dist).href);
const { tokenize } = await import(new URL("lang/ar/tokenize.js", dist).href);
const { createPipeline } = await import(new URL("pipeline/index.js", dist).href);

const articles = readFileSync(file, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l));

/** @param {() => number} fn @returns {{ s: number, bytes: number }} */
function time(fn) {
  const t0 = performance.now();
  const bytes = fn();
  return { s: (performance.now() - t0) / 1000, bytes };
}

/** Reads, tokenises and writes JSON: the least any extraction does. */
function barePass() {
  let out = 0;
  for (const a of articles) {
    const sentences = splitSentences(a.text);
    const tokens = tokenize(a.text);
    out += JSON.stringify({ id: a.id, sentences, tokens: tokens.length }).length;
  }
  return out;
}

const pipeline = createPipeline();
function fullPass() {
  let out = 0;
  for (const a of articles)
    out += JSON.stringify(
      pipeline.run({ id: a.id, text: a.text, title: a.title ?? null, published: a.published ?? null }),
    ).length;
  return out;
}

pipeline.run({ id: "warm", text: "قال الوزير إن المحادثات ستستمر." });
const result = {
  articles: articles.length,
  bareCold: time(barePass),
  fullCold: time(fullPass),
  bare: [],
  full: [],
};
for (let r = 0; r < Number(roundsArg ?? 3); r++) {
  result.bare.push(time(barePass));
  result.full.push(time(fullPass));
}
console.log(JSON.stringify(result));
