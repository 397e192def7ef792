/**
 * Fuzzes the whole pipeline with the generator of test/reliability/fuzz.test.ts
 * (Arabic news fragments, random Unicode, bidi controls…) for as many cases as
 * asked: no exception, every document valid against the output contract with
 * offsets into its text. Prints cases/s; on failure the seed, the path to
 * replay it and the shrunk input, and exits 1.
 *
 *   npx vite-node bench/fuzz.ts --runs 100000 --seed 42 [--long 0.2] [--path 123:4:0]
 *
 * --long: the share of long articles (40 to 200 pieces; default 0.2).
 */
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { createPipeline } from "../src/pipeline/index.js";
import { newsArticle } from "../test/helpers/arabic-news.js";
import { contractProblems } from "../test/helpers/contract.js";

const arg = (name: string) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const runs = Number(arg("--runs") ?? 10_000);
const seed = Number(arg("--seed") ?? Date.now() % 2 ** 31);
const long = Number(arg("--long") ?? 0.2);
const path = arg("--path");
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || !(long >= 0 && long <= 1)) {
  console.error("usage: bench/fuzz.ts [--runs N] [--seed S] [--long 0..1] [--path P]");
  process.exit(2);
}

const pipeline = createPipeline();
const article = fc.oneof(
  { weight: Math.round((1 - long) * 100), arbitrary: newsArticle(0, 30) },
  { weight: Math.round(long * 100), arbitrary: newsArticle(40, 200) },
);

/** JSON with every character but ASCII and Arabic letters and digits as a \u escape (bidi controls…). */
function escapeJson(s: string): string {
  return s.replace(
    /[^\x20-\x7E\u0621-\u064A\u0660-\u0669]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

let cases = 0;
let chars = 0;
let events = 0;
const t0 = performance.now();
let lastReport = t0;
const property = fc.property(article, (input) => {
  cases++;
  chars += input.text.length;
  const doc = pipeline.run(input);
  events += doc.events.length;
  const problems = contractProblems(JSON.parse(JSON.stringify(doc)), input.text);
  if (problems.length) throw new Error(`contract: ${problems.join("; ")}`);
  const now = performance.now();
  if (now - lastReport > 10_000) {
    lastReport = now;
    console.error(`  … ${cases} cases, ${((cases * 1000) / (now - t0)).toFixed(0)} cases/s`);
  }
});

console.log(`fuzz: ${runs} runs, seed ${seed}${path ? `, path ${path}` : ""}, long share ${long}`);
const details = fc.check(property, { numRuns: runs, seed, ...(path ? { path, endOnFailure: true } : {}) });
const secs = (performance.now() - t0) / 1000;
console.log(
  `${cases} cases in ${secs.toFixed(1)} s: ${(cases / secs).toFixed(0)} cases/s, ${(chars / secs / 1000).toFixed(0)} k chars/s, ${events} events`,
);
if (details.failed) {
  const input = details.counterexample?.[0];
  console.log(`FAILED after ${details.numRuns} runs (shrunk ${details.numShrinks} times)`);
  console.log(`  seed ${details.seed}, path ${details.counterexamplePath}`);
  console.log(
    `  replay: npx vite-node bench/fuzz.ts --seed ${details.seed} --path ${details.counterexamplePath} --long ${long}`,
  );
  console.log(`  input: ${JSON.stringify(input)}`);
  // the exact input (the line above shows invisible characters as they are)
  const file = join(tmpdir(), `marsad-fuzz-${details.seed}.json`);
  writeFileSync(file, `${escapeJson(JSON.stringify(input))}\n`);
  console.log(`  written with \\u escapes to ${file}`);
  const error = details.errorInstance;
  console.log(`  error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
}
console.log("no failure");
