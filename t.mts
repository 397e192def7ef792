import { readFileSync } from "node:fs";
import { createPipeline } from "./src/pipeline/index.ts";
const text = readFileSync(process.argv[2] ?? "../shared/seed/seed-000.txt", "utf8");
const p = createPipeline();
const doc = p.analyse({ id: "seed", text, published: "2024-06-27" });
for (const a of doc.actors ?? []) console.log(a.sentence, JSON.stringify(a.text), a.code, a.name, a.head, a.group, a.rules.join(","));
console.log("--- entities");
for (const e of doc.entities ?? []) console.log(e.sentence, e.type, JSON.stringify(e.text), e.actor);
