import { readFileSync } from "node:fs";
import { createPipeline } from "./src/pipeline/index.ts";
import { findTriggers } from "./src/pipeline/stages/events.ts";
import { loadLexicon } from "./src/lexicon/load.ts";
const lex = loadLexicon();
const p = createPipeline({ lexicon: lex });
const lines = readFileSync("/tmp/ant-politic.jsonl", "utf8").trim().split("\n").slice(0, 120);
let trig = 0, noT = 0, noS = 0;
const examples: string[] = [];
for (const l of lines) {
  const a = JSON.parse(l);
  const doc = p.analyse({ id: a.id, text: a.text, published: a.published });
  for (const t of findTriggers(doc, lex)) {
    trig++;
    const hasSlot = t.match.pattern.tokens.some((x) => x.kind === "slot");
    if (hasSlot && !t.match.targets.length) { noT++; continue; }
    const tokens = doc.tokens!;
    const s = doc.sentences![t.sentence]!;
    if (examples.length < 40 && Math.random() < 0.3) examples.push(`${t.match.pattern.id} | targets=${t.match.targets.map(x=>x.code).join(",")} | ${s.text.slice(0, 160)}`);
  }
}
console.log({ trig, noT });
for (const e of examples) console.log(e);
