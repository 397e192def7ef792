/**
 * Peak memory (RSS) of `marsad extract` on 10,000 and 100,000 articles (the
 * ANT corpus repeated with new ids): flat means the peak does not grow with the
 * input, because input and output are streamed and at most 16 × jobs articles
 * are in flight.
 *
 *   npm run build && npx vite-node bench/memory.ts [--jobs N] [--sizes 10000,100000]
 */
import { spawn } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const arg = (name: string, d: string) =>
  process.argv.includes(name) ? (process.argv[process.argv.indexOf(name) + 1] ?? d) : d;
const jobs = Number(arg("--jobs", String(availableParallelism())));
const sizes = arg("--sizes", "10000,100000").split(",").map(Number);
// --heap MB runs the CLI with --max-old-space-size=MB (V8 otherwise lets garbage pile up before collecting it)
const heap = arg("--heap", "");
const corpus = readFileSync(
  fileURLToPath(new URL("../../shared/data/news/ant-corpus.jsonl", import.meta.url)),
  "utf8",
)
  .split("\n")
  .filter(Boolean);
const bin = fileURLToPath(new URL("../bin/marsad.js", import.meta.url));

async function makeInput(n: number): Promise<string> {
  const file = join(tmpdir(), `marsad-mem-${n}.jsonl`);
  const out = createWriteStream(file);
  for (let i = 0; i < n; i++) {
    const a = JSON.parse(corpus[i % corpus.length]!) as Record<string, unknown>;
    a.id = `${a.id}-${Math.floor(i / corpus.length)}`;
    if (!out.write(`${JSON.stringify(a)}\n`)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return file;
}

function peakOf(pid: number): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmHWM:\s+(\d+) kB/);
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

for (const n of sizes) {
  const input = await makeInput(n);
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...(heap ? [`--max-old-space-size=${heap}`] : []),
      bin,
      "extract",
      input,
      "--format",
      "jsonl",
      "--jobs",
      String(jobs),
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, peakOf(child.pid!));
  }, 200);
  await new Promise((r) => child.on("exit", r));
  clearInterval(timer);
  const s = (performance.now() - t0) / 1000;
  console.log(
    `${String(n).padStart(7)} articles, --jobs ${jobs}${heap ? `, --max-old-space-size=${heap}` : ""}: ${s.toFixed(0)} s (${(n / s).toFixed(0)} articles/s), peak RSS ${peak.toFixed(0)} MB`,
  );
}
