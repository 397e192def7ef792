import { readFileSync } from "node:fs";
import { createPipeline } from "./src/pipeline/index.ts";
import { compileLexicon } from "./src/lexicon/load.ts";
const text = readFileSync(process.argv[2] ?? "../shared/seed/seed-000.txt", "utf8");
const p = createPipeline({ lexicon: compileLexicon().lexicon });
const doc = p.run({ id: "seed", text, published: process.argv[3] ?? "2024-06-27" });
for (const e of doc.events) console.log(e.sentences.join(","), e.source?.code, "->", e.target?.code, e.cameo, e.plover, e.modality, e.date, JSON.stringify(e.date_text), e.location?.code, e.attribution?.name, JSON.stringify(e.evidence), e.rules.join(" "), e.topics.join(","));
