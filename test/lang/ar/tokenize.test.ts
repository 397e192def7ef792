import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenize } from "../../../src/lang/ar/tokenize.js";
import { readSeed } from "../../helpers/shared.js";

describe("tokenize", () => {
  it("splits words, numbers and punctuation with exact offsets", () => {
    const text = "قال ميلر، إن بلينكن سيلتقي ٣ مسؤولين في 7 أكتوبر.";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual([
      "قال",
      "ميلر",
      "،",
      "إن",
      "بلينكن",
      "سيلتقي",
      "٣",
      "مسؤولين",
      "في",
      "7",
      "أكتوبر",
      ".",
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens[6]?.norm).toBe("3");
    expect(tokens[2]?.kind).toBe("punct");
  });

  it("keeps decimal numbers whole and diacritics inside their word", () => {
    const tokens = tokenize("ارتفع بنسبة 3.5% و٢٫٥ مليونَ");
    expect(tokens.map((t) => t.text)).toEqual(["ارتفع", "بنسبة", "3.5", "%", "و", "٢٫٥", "مليونَ"]);
  });

  it("tokenises the seed losslessly", () => {
    const seed = readSeed();
    const tokens = tokenize(seed);
    expect(tokens.length).toBeGreaterThan(300);
    let last = 0;
    for (const t of tokens) {
      expect(t.start).toBeGreaterThanOrEqual(last);
      expect(seed.slice(t.start, t.end)).toBe(t.text);
      last = t.end;
    }
    // only white space lies between tokens
    const gaps = tokens.map((t, i) => seed.slice(i ? tokens[i - 1]!.end : 0, t.start)).join("");
    expect(gaps.trim()).toBe("");
  });

  it("property: any string gives in-bounds, ordered tokens equal to their slice", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (s) => {
        let last = 0;
        for (const t of tokenize(s)) {
          if (t.start < last || t.end <= t.start || t.end > s.length) return false;
          if (s.slice(t.start, t.end) !== t.text) return false;
          last = t.end;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
