/**
 * Lexicon load time: validating and compiling every file under lexicon/ in a
 * fresh process (median of several runs, each in a new child process so no
 * cache helps).
 *
 *   npm run build && npx vite-node bench/lexicon-load.ts [--runs 7]
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1] || 7) || 7;
const dist = fileURLToPath(new URL("../dist/lexicon/load.js", import.meta.url));
const script = `const t0 = performance.now(); const { compileLexicon } = await import(${JSON.stringify(dist)});
const { lexicon, problems } = compileLexicon(); const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, compile: lexicon.loadMs, problems: problems.length, entries: lexicon.entries.length, patterns: lexicon.patterns.length }));`;
const results: Array<{ ms: number; compile: number; problems: number; entries: number; patterns: number }> =
  [];
for (let i = 0; i < runs; i++) {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  results.push(JSON.parse(out));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const r = results[0]!;
console.log(`entries ${r.entries}, patterns ${r.patterns}, problems ${r.problems}`);
console.log(
  `load (import + validate + compile), median of ${runs} fresh processes: ${median(results.map((x) => x.ms)).toFixed(0)} ms`,
);
console.log(`validate + compile only: ${median(results.map((x) => x.compile)).toFixed(0)} ms`);
