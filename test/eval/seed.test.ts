import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { goldSchema } from "../../src/eval/gold.js";
import { scoreArticle } from "../../src/eval/score.js";
import { createPipeline } from "../../src/pipeline/index.js";
import { readSeed, SEED_GOLD } from "../helpers/shared.js";

const pipeline = createPipeline();
const doc = pipeline.run({ id: "seed-000", text: readSeed(), published: "2024-06-27" });

describe("the seed article", () => {
  it("scores event F1, entity recall and actor accuracy of at least 0.90 against its gold", () => {
    const gold = goldSchema.parse(JSON.parse(readFileSync(SEED_GOLD, "utf8")));
    const s = scoreArticle(doc, gold);
    const precision = s.tp / (s.tp + s.fp);
    const recall = s.tp / (s.tp + s.fn);
    expect((2 * precision * recall) / (precision + recall)).toBeGreaterThanOrEqual(0.9);
    expect(s.entityFound / s.entityTotal).toBeGreaterThanOrEqual(0.9);
    expect(s.actorRight / s.actorTotal).toBeGreaterThanOrEqual(0.9);
  });

  it("codes the Blinken meeting once, dated 2024-06-27, future, said by Matthew Miller", () => {
    const meetings = doc.events.filter(
      (e) => e.source?.code === "USAGOV" && e.target?.code === "ISRGOV" && e.cameo.startsWith("04"),
    );
    expect(meetings).toHaveLength(1);
    const m = meetings[0]!;
    expect(m.date).toBe("2024-06-27");
    expect(m.modality).toBe("future");
    expect(m.sentences).toEqual(expect.arrayContaining([0, 3, 4]));
    expect(m.attribution?.name).toBe("Matthew Miller");
    expect(m.rules.length).toBeGreaterThan(0);
    expect(m.plover).toBe("CONSULT");
  });

  it("attributes the first two sentences to Matthew Miller", () => {
    for (const sentence of [0, 1]) {
      const said = doc.attributions?.filter((a) => a.sentence === sentence) ?? [];
      expect(said.map((a) => a.speaker.name)).toContain("Matthew Miller");
    }
  });

  it("expands coordination into one event per target: Egypt and Qatar", () => {
    const targets = doc.events.filter((e) => e.sentences.includes(1)).map((e) => e.target?.code);
    expect(targets).toEqual(expect.arrayContaining(["EGYGOV", "QATGOV"]));
  });
});
