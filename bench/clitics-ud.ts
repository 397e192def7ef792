/**
 * Clitic segmentation accuracy against the gold splits of UD Arabic-PUD
 * (../shared/data/ud/ar_pud-ud-test.conllu): surface words are rebuilt from
 * the syntactic words joined by SpaceAfter=No; a word counts as right when our
 * split points are exactly the gold ones. UD keeps the article ال on its noun,
 * so ال is not a split point here.
 *
 *   npx vite-node bench/clitics-ud.ts [--errors 40]
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { segment } from "../src/lang/ar/clitics.js";
import { knownStems } from "../src/lang/ar/stems.js";

const file = fileURLToPath(new URL("../../shared/data/ud/ar_pud-ud-test.conllu", import.meta.url));
const showErrors = Number(process.argv[process.argv.indexOf("--errors") + 1] || 0);
const known = knownStems();

/** Gold surface words with their pieces (punctuation dropped). */
function goldWords(conllu: string): string[][] {
  const words: string[][] = [];
  let cur: string[] = [];
  const flush = () => {
    // punctuation and digits glued to a word are separate tokens for us
    let w: string[] = [];
    for (const p of cur) {
      if (/^[\p{P}\p{S}\p{N}]+$/u.test(p)) {
        if (w.length) words.push(w);
        w = [];
      } else w.push(p);
    }
    if (w.length) words.push(w);
    cur = [];
  };
  for (const line of conllu.split("\n")) {
    if (!line || line.startsWith("#")) {
      flush();
      continue;
    }
    const f = line.split("\t");
    if (!f[0] || f[0].includes("-") || f[0].includes(".")) continue;
    cur.push(f[1] ?? "");
    if (!(f[9] ?? "").includes("SpaceAfter=No")) flush();
  }
  flush();
  return words.filter((w) => w.some((p) => /[\u0621-\u064A]/.test(p)));
}

const words = goldWords(readFileSync(file, "utf8"));
let right = 0;
let splitRight = 0;
let goldSplit = 0;
let oursSplit = 0;
const errors: string[] = [];
const t0 = performance.now();
for (const pieces of words) {
  const surface = pieces.join("");
  const gold = new Set<number>();
  let at = 0;
  for (const p of pieces.slice(0, -1)) {
    at += p.length;
    gold.add(at);
  }
  const seg = segment(surface, 0, known);
  const ours = new Set<number>();
  for (const p of seg.proclitics) if (p.norm !== "ال") ours.add(p.end);
  for (const e of seg.enclitics) ours.add(e.start);
  ours.delete(surface.length);
  ours.delete(0);
  const same = gold.size === ours.size && [...gold].every((g) => ours.has(g));
  if (same) right++;
  else if (errors.length < showErrors) {
    const mine = [...seg.proclitics, seg.stem, ...seg.enclitics].map((p) => p.text).join("+");
    errors.push(`${surface}\tgold ${pieces.join("+")}\tours ${mine}`);
  }
  goldSplit += gold.size > 0 ? 1 : 0;
  oursSplit += ours.size > 0 ? 1 : 0;
  if (gold.size > 0 && same) splitRight++;
}
const ms = performance.now() - t0;
console.log(`words: ${words.length}`);
console.log(`word accuracy: ${((100 * right) / words.length).toFixed(2)}%`);
console.log(
  `words with clitics (gold): ${goldSplit}; split exactly right: ${splitRight} (recall ${((100 * splitRight) / goldSplit).toFixed(1)}%)`,
);
console.log(`words we split: ${oursSplit}`);
console.log(`baseline (never split): ${((100 * (words.length - goldSplit)) / words.length).toFixed(2)}%`);
console.log(`time: ${ms.toFixed(0)} ms (${((words.length / ms) * 1000).toFixed(0)} words/s)`);
for (const e of errors) console.log(e);
