/**
 * Extraction throughput on the ANT corpus (../shared/data/news/ant-corpus.jsonl):
 * a bare pass (read, tokenise, write JSON) against the full pipeline on one
 * thread and on all threads, in one run. Prints articles/s and the ratio, twice: timed from
 * file to file (each pass reads the file through the CLI's reader and writes its JSON lines to a
 * file, as the issue words the bare pass and as `marsad extract` runs), and in memory (the
 * articles parsed before the clock starts, the output only stringified: the analysis alone, the
 * stricter ratio).
 *
 * The in-process passes run in a child node process on the built code (extract-passes.mjs), as
 * `marsad extract` runs it. Each runs cold (its first run in the process, while the JIT
 * compiles), then warm in alternating rounds (as a long-running extraction runs after its first
 * thousand articles; the median round is reported, since this machine's speed varies from one
 * minute to the next).
 *
 *   npm run build && npx vite-node bench/extract-throughput.ts [--limit N] [--rounds 3]
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const arg = (name: string) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const corpus = fileURLToPath(new URL("../../shared/data/news/ant-corpus.jsonl", import.meta.url));
const limit = Number(arg("--limit") ?? 0) || Number.POSITIVE_INFINITY;
const lines = readFileSync(corpus, "utf8").split("\n").filter(Boolean).slice(0, limit);
console.log(`articles: ${lines.length}, cores: ${availableParallelism()}`);

const report = (label: string, s: number, bytes: number): number => {
  const rate = lines.length / s;
  console.log(
    `${label.padEnd(36)} ${s.toFixed(2).padStart(7)} s  ${rate.toFixed(0).padStart(7)} articles/s  (${(bytes / 1e6).toFixed(1)} MB out)`,
  );
  return rate;
};
function time(label: string, fn: () => number): number {
  const t0 = performance.now();
  const bytes = fn();
  return report(label, (performance.now() - t0) / 1000, bytes);
}

const input = join(tmpdir(), "marsad-bench-input.jsonl");
writeFileSync(input, `${lines.join("\n")}\n`);

type Timed = { s: number; bytes: number };
type Passes = { bareCold: Timed; fullCold: Timed; bare: Timed[]; full: Timed[] };
const median = (xs: Timed[]): Timed => [...xs].sort((a, b) => a.s - b.s)[Math.floor(xs.length / 2)]!;

/**
 * The bare pass and the full pipeline in one fresh process (extract-passes.mjs): with `files`, each
 * timed from file to file (the CLI's reader in, a JSON line per article out to a file), as the
 * issue words the bare pass; without, over articles read before the clock starts, output only
 * stringified (the analysis alone: the stricter ratio). Returns the cold and warm ratios.
 */
function passes(files: boolean): { cold: number; warm: number } {
  const p = JSON.parse(
    execFileSync(
      process.execPath,
      [
        fileURLToPath(new URL("extract-passes.mjs", import.meta.url)),
        input,
        arg("--rounds") ?? "3",
        ...(files ? ["--files"] : []),
      ],
      { encoding: "utf8", maxBuffer: 2 ** 26 },
    ),
  ) as Passes;
  const how = files ? "file to file" : "in memory";
  console.log(`\n${how}:`);
  const bareCold = report("bare pass (tokenise + JSON), cold", p.bareCold.s, p.bareCold.bytes);
  const oneCold = report("full pipeline, 1 thread, cold", p.fullCold.s, p.fullCold.bytes);
  const warm = `warm (median of ${p.full.length})`;
  const bare = report(`bare pass, ${warm}`, median(p.bare).s, median(p.bare).bytes);
  const one = report(`full pipeline, 1 thread, ${warm}`, median(p.full).s, median(p.full).bytes);
  const rates = (xs: Timed[]) => xs.map((x) => (lines.length / x.s).toFixed(0)).join(", ");
  console.log(`  warm rounds, articles/s: bare ${rates(p.bare)}; full ${rates(p.full)}`);
  return { cold: bareCold / oneCold, warm: bare / one };
}
const fileToFile = passes(true);
const inMemory = passes(false);
console.log("");
const bin = fileURLToPath(new URL("../bin/marsad.js", import.meta.url));
const cli = (jobs: number) => () =>
  execFileSync(process.execPath, [bin, "extract", input, "--format", "jsonl", "--jobs", String(jobs)], {
    maxBuffer: 2 ** 31 - 1,
  }).length;
const cli1 = time("CLI extract --jobs 1 (incl. startup)", cli(1));
const all = time(`CLI extract --jobs ${availableParallelism()} (incl. startup)`, cli(availableParallelism()));
console.log("\nratio full/bare, 1 thread (how many times slower than the bare pass):");
console.log(`  file to file: ${fileToFile.cold.toFixed(1)}× cold, ${fileToFile.warm.toFixed(1)}× warm`);
console.log(`  in memory:    ${inMemory.cold.toFixed(1)}× cold, ${inMemory.warm.toFixed(1)}× warm`);
console.log(`all threads vs 1 thread (CLI): ${(all / cli1).toFixed(2)}×`);
