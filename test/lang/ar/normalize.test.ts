import { describe, expect, it } from "vitest";
import { normalize, normalizeWithMap, oneToOne } from "../../../src/lang/ar/normalize.js";

describe("normalize", () => {
  it("folds alef variants, ى/ي, ة/ه, diacritics and tatweel", () => {
    expect(normalize("أعلنَتْ إسرائيل")).toBe("اعلنت اسراءيل");
    expect(normalize("آلاف المتظاهرين في مصرَ")).toBe("الاف المتظاهرين في مصر");
    expect(normalize("ٱلله")).toBe("الله");
    expect(normalize("مستشفى")).toBe("مستشفي");
    expect(normalize("الحكومة اللبنانية")).toBe("الحكومه اللبنانيه");
    expect(normalize("الـحـكومة")).toBe("الحكومه");
    expect(normalize("مسؤول")).toBe(normalize("مسئول"));
  });

  it("folds presentation forms and maps every output char back to its source", () => {
    const { text, map } = normalizeWithMap("ﻻ ﷲ");
    expect(text).toBe("لا الله");
    expect(map.slice(0, 2)).toEqual([0, 0]);
    expect(map.slice(3, 7)).toEqual([2, 2, 2, 2]);
    expect(map[text.length]).toBe(3);
  });

  it("converts Arabic-Indic and Persian digits and Arabic punctuation", () => {
    expect(normalize("٧ أكتوبر ۲۰۲۳، هل؟ «نعم»؛")).toBe('7 اكتوبر 2023, هل? "نعم";');
  });

  it("composes a letter with a combining hamza before folding", () => {
    // ا + U+0654 (combining hamza above) = أ → ا ; و + U+0654 = ؤ → ء
    expect(normalize("\u0627\u0654مريكا")).toBe("امريكا");
    expect(normalize("مسو\u0654ول")).toBe("مسءول");
  });

  it("keeps offsets of the original when diacritics are dropped", () => {
    const src = "وَزِيرُ";
    const { text, map } = normalizeWithMap(src, 10);
    expect(text).toBe("وزير");
    expect(map).toEqual([10, 12, 14, 15, 17]);
  });
});

describe("normalize (fast path)", () => {
  it("property: equals the text of normalizeWithMap for any string", async () => {
    const fc = (await import("fast-check")).default;
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 60 }),
        (s) => normalize(s) === normalizeWithMap(s).text,
      ),
      { numRuns: 2000 },
    );
    expect(normalize("ﻻ أُمَمِيّ \u0627\u0654")).toBe(normalizeWithMap("ﻻ أُمَمِيّ \u0627\u0654").text);
  });
});

describe("oneToOne", () => {
  it("is true only for words whose offsets map one to one", () => {
    expect(oneToOne("وبالحكومة")).toBe(true);
    expect(oneToOne("مسؤول")).toBe(true);
    expect(oneToOne("وأعلنَتْ")).toBe(false); // diacritics are dropped
    expect(oneToOne("الـحكومة")).toBe(false); // tatweel is dropped
    expect(oneToOne("ﻻ")).toBe(false); // a presentation form becomes two letters
    expect(oneToOne("\u0627\u0654")).toBe(false); // alef + combining hamza compose
  });

  it("property: when true, normalizeWithMap's map is the identity", async () => {
    const fc = (await import("fast-check")).default;
    const arabic = fc.string({
      unit: fc.constantFrom(..."وبالحكومةأإآىئؤـَُِّ٣ﻻ\u0654".split("")),
      maxLength: 12,
    });
    fc.assert(
      fc.property(fc.oneof(arabic, fc.string({ unit: "grapheme", maxLength: 12 })), (s) => {
        if (!oneToOne(s)) return true;
        const { text, map } = normalizeWithMap(s);
        return text.length === s.length && map.every((m, i) => m === i);
      }),
      { numRuns: 2000 },
    );
  });
});
