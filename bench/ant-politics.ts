/**
 * Events on the politics articles of the ANT corpus (category "politic"):
 * events per article, by CAMEO root, and a seeded random sample of events with
 * their sentences for a hand check.
 *
 *   npx vite-node bench/ant-politics.ts [--sample 50] [--seed 7]
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ArticleDocument, EventOut } from "../src/document.js";
import { createPipeline } from "../src/pipeline/index.js";

const file = fileURLToPath(new URL("../../shared/data/news/ant-corpus.jsonl", import.meta.url));
const arg = (name: string, d: number) => Number(process.argv[process.argv.indexOf(name) + 1] || d) || d;
const sampleSize = process.argv.includes("--sample") ? arg("--sample", 50) : 50;
let seed = process.argv.includes("--seed") ? arg("--seed", 7) : 7;
const random = () => {
  // mulberry32: a reproducible sample
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const pipeline = createPipeline();
const all: Array<{ doc: ArticleDocument; event: EventOut }> = [];
let articles = 0;
const t0 = performance.now();
for (const line of readFileSync(file, "utf8").split("\n")) {
  if (!line.trim()) continue;
  const a = JSON.parse(line) as {
    id: string;
    text: string;
    title?: string;
    published?: string;
    category?: string;
  };
  if (a.category !== "politic") continue;
  articles++;
  const doc = pipeline.run({
    id: a.id,
    text: a.text,
    title: a.title ?? null,
    published: a.published ?? null,
  });
  for (const event of doc.events) all.push({ doc, event });
}
const ms = performance.now() - t0;
const roots = new Map<string, number>();
for (const { event } of all)
  roots.set(event.cameo.slice(0, 2), (roots.get(event.cameo.slice(0, 2)) ?? 0) + 1);
console.log(
  `politics articles: ${articles}, events: ${all.length}, events per article: ${(all.length / articles).toFixed(2)} (${ms.toFixed(0)} ms)`,
);
console.log(
  `by root: ${[...roots]
    .sort()
    .map(([r, n]) => `${r}:${n}`)
    .join(" ")}`,
);
const pool = [...all];
const sample: typeof all = [];
while (sample.length < sampleSize && pool.length)
  sample.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
sample.forEach(({ doc, event }, i) => {
  const sentence = doc.sentences[event.sentences[0] ?? 0]?.text ?? "";
  console.log(
    `\n#${i + 1} ${doc.id} s${event.sentences.join(",")}: ${event.source?.code ?? "-"} (${event.source?.text ?? ""}) → ${event.cameo} ${event.modality} → ${event.target?.code ?? "-"} (${event.target?.text ?? ""}) [${event.evidence}] ${event.rules[0]}`,
  );
  console.log(`   ${sentence.slice(0, 400)}`);
});
