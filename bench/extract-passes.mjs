/**
 * The in-process passes of extract-throughput.ts, run by node on the built code (dist/), as
 * `marsad extract` runs it: not through vite-node, whose on-the-fly module transform puts a
 * getter behind every call from one module into another (the pipeline ran a fifth to a quarter
 * fewer articles/s so on this machine).
 *
 *   node bench/extract-passes.mjs FILE.jsonl [WARM_ROUNDS] [--files]
 *
 * Prints one JSON line: articles, and for the bare pass and the full pipeline the seconds and
 * output bytes of the cold pass (each pass's first run in the process, while the JIT compiles)
 * and of each warm round (the two passes again, alternating, as a long extraction runs after
 * its first thousand articles).
 *
 * By default the articles are read and parsed before the clock starts and each pass only
 * stringifies its output: what is timed is the analysis alone. With --files each pass is timed
 * from file to file, as the issue words the bare pass ("reads, tokenises and writes JSON for the
 * same file") and as `marsad extract` runs: it streams the file through the CLI's reader (lines
 * parsed and validated), and writes one JSON line per article to a file in the system's
 * temporary folder.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const files = args.includes("--files");
const [file, roundsArg] = args.filter((a) => a !== "--files");
if (!file) throw new Error("usage: node bench/extract-passes.mjs FILE.jsonl [WARM_ROUNDS] [--files]");
const dist = new URL("../dist/", import.meta.url);
const { splitSentences } = await import(new URL("lang/ar/sentences.js", dist).href);
const { tokenize } = await import(new URL("lang/ar/tokenize.js", dist).href);
const { createPipeline } = await import(new URL("pipeline/index.js", dist).href);
const { readInputs } = await import(new URL("input/read.js", dist).href);

const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
// from file to file, the passes read the file themselves: nothing of it is held before
const articles = files ? [] : lines.map((l) => JSON.parse(l));
const count = lines.length;
lines.length = 0;

/** @param {() => number | Promise<number>} fn @returns {Promise<{ s: number, bytes: number }>} */
async function time(fn) {
  const t0 = performance.now();
  const bytes = await fn();
  return { s: (performance.now() - t0) / 1000, bytes };
}

/** The bare pass's output for one article: its sentences and how many tokens it has. */
function bare(a) {
  const sentences = splitSentences(a.text);
  const tokens = tokenize(a.text);
  return JSON.stringify({ id: a.id, sentences, tokens: tokens.length });
}

/** Reads, tokenises and writes JSON: the least any extraction does. */
function barePass() {
  let out = 0;
  for (const a of articles) out += bare(a).length;
  return out;
}

const pipeline = createPipeline();
const full = (a) =>
  JSON.stringify(
    pipeline.run({ id: a.id, text: a.text, title: a.title ?? null, published: a.published ?? null }),
  );
function fullPass() {
  let out = 0;
  for (const a of articles) out += full(a).length;
  return out;
}

const outFile = join(tmpdir(), `marsad-passes-${process.pid}.jsonl`);
/**
 * From file to file: each article of `file` read by the CLI's reader, `fn`'s JSON line written out
 * as `marsad extract > out.jsonl` writes it (process.stdout writes to a file or a pipe at once on
 * Linux: a write stream's 16 KB buffer made the full pipeline wait for it 1,618 times, ≈ 0.5 s).
 */
async function filePass(fn) {
  const fd = openSync(outFile, "w");
  let bytes = 0;
  try {
    for await (const item of readInputs([file])) {
      if ("error" in item) throw item.error;
      const line = `${fn(item.article)}\n`;
      bytes += line.length;
      writeSync(fd, line);
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

pipeline.run({ id: "warm", text: "قال الوزير إن المحادثات ستستمر." });
const bareRun = () => time(files ? () => filePass(bare) : barePass);
const fullRun = () => time(files ? () => filePass(full) : fullPass);
const result = {
  articles: count,
  files,
  bareCold: await bareRun(),
  fullCold: await fullRun(),
  bare: [],
  full: [],
};
for (let r = 0; r < Number(roundsArg ?? 3); r++) {
  result.bare.push(await bareRun());
  result.full.push(await fullRun());
}
rmSync(outFile, { force: true });
console.log(JSON.stringify(result));
