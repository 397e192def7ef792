import { describe, expect, it } from "vitest";
import { segment } from "../../../src/lang/ar/clitics.js";
import { normalize } from "../../../src/lang/ar/normalize.js";
import { knownStems } from "../../../src/lang/ar/stems.js";

const known = knownStems(["حكومه", "سلطه", "وزير", "بيان", "سياسه", "قال"].map(normalize));

function pieces(word: string): string[] {
  const s = segment(word, 0, known);
  return [...s.proclitics.map((p) => `${p.norm}+`), s.stem.norm, ...s.enclitics.map((e) => `+${e.norm}`)];
}

describe("segment", () => {
  it("splits conjunction, preposition and article", () => {
    expect(pieces("وبالحكومة")).toEqual(["و+", "ب+", "ال+", "حكومه"]);
    expect(pieces("والحكومة")).toEqual(["و+", "ال+", "حكومه"]);
    expect(pieces("وقال")).toEqual(["و+", "قال"]);
  });

  it("reads لل as ل + ال with offsets inside the token", () => {
    const s = segment("للسلطة", 100, known);
    expect(s.proclitics.map((p) => p.norm)).toEqual(["ل", "ال"]);
    expect(s.stem.norm).toBe("سلطه");
    expect(s.stem.text).toBe("سلطة");
    expect([s.stem.start, s.stem.end]).toEqual([102, 106]);
  });

  it("splits the future prefix from an imperfect verb", () => {
    expect(pieces("سيناقش")).toEqual(["س+", "يناقش"]);
    expect(pieces("وسيتناول")).toEqual(["و+", "س+", "يتناول"]);
  });

  it("splits pronoun suffixes only on plausible hosts, never a ta marbuta", () => {
    expect(pieces("رغبتها")).toEqual(["رغبت", "+ها"]);
    expect(pieces("عليه")).toEqual(["علي", "+ه"]);
    expect(pieces("يدفعهم")).toEqual(["يدفع", "+هم"]);
    expect(pieces("الحكومة")).toEqual(["ال+", "حكومه"]);
  });

  it("leaves known words whole even when they start like a clitic", () => {
    expect(pieces("وزير")).toEqual(["وزير"]);
    expect(pieces("بيان")).toEqual(["بيان"]);
    expect(pieces("سياسة")).toEqual(["سياسه"]);
  });

  it("keeps diacritised tokens lossless", () => {
    const word = "وَبِالحُكُومَةِ";
    const s = segment(word, 0, known);
    const all = [...s.proclitics, s.stem, ...s.enclitics];
    expect(all.map((p) => p.text).join("")).toBe(word);
    for (const p of all) expect(word.slice(p.start, p.end)).toBe(p.text);
  });
});
