import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/lang/ar/tokenize.js";
import { createPipeline } from "../../src/pipeline/index.js";

/** Random text mixing Unicode with fragments of Arabic news and awkward characters. */
const fragments = fc.constantFrom(
  "قال المتحدث باسم وزارة الخارجية",
  "، إن ",
  "وبالحكومة",
  "للسلطة",
  "سيلتقي",
  "ﻻ",
  "ﷲ",
  "\u0640\u0640",
  "\u064E\u0651",
  "٧ أكتوبر",
  ".",
  "؟",
  "\n",
  "\r\n",
  "\u200F",
  "\u202E",
  "«",
  "»",
  "…",
  " ",
  "U.S.",
  "3.5",
);
const text = fc
  .array(fc.oneof(fragments, fc.string({ unit: "grapheme", maxLength: 12 })), { maxLength: 40 })
  .map((a) => a.join(""));

describe("pipeline properties", () => {
  const pipeline = createPipeline();

  it("never throws and keeps every offset valid", () => {
    fc.assert(
      fc.property(text, (s) => {
        const doc = pipeline.analyse({ id: "p", text: s });
        let last = 0;
        for (const u of doc.sentences ?? []) {
          expect(u.start).toBeGreaterThanOrEqual(last);
          expect(u.end).toBeLessThanOrEqual(s.length);
          expect(s.slice(u.start, u.end)).toBe(u.text);
          last = u.end;
        }
        let lastTok = 0;
        for (const t of doc.tokens ?? []) {
          expect(t.start).toBeGreaterThanOrEqual(lastTok);
          expect(s.slice(t.start, t.end)).toBe(t.text);
          lastTok = t.end;
          if (t.seg) {
            const parts = [...t.seg.proclitics, t.seg.stem, ...t.seg.enclitics];
            expect(parts.map((p) => p.text).join("")).toBe(t.text);
            for (const p of parts) expect(s.slice(p.start, p.end)).toBe(p.text);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("gives every token the text, form, kind and script that tokenize gives, whether its word was cached or not", () => {
    // the tokens stage normalises a word only the first time it meets it (see stages/tokens.ts)
    fc.assert(
      fc.property(text, (s) => {
        const doc = pipeline.analyse({ id: "p", text: s });
        const fresh = (doc.sentences ?? []).flatMap((u) => tokenize(s, u.start, u.end));
        const view = (t: {
          start: number;
          end: number;
          text: string;
          norm: string;
          kind: string;
          arabic: boolean;
        }) => [t.start, t.end, t.text, t.norm, t.kind, t.arabic].join("|");
        expect((doc.tokens ?? []).map(view)).toEqual(fresh.map(view));
      }),
      { numRuns: 500 },
    );
  });
});
