import { describe, expect, it } from "vitest";
import { splitSentences } from "../../../src/lang/ar/sentences.js";
import { readSeed } from "../../helpers/shared.js";

describe("splitSentences", () => {
  it("finds the seed's 10 sentences and 6 headings with exact offsets", () => {
    const seed = readSeed();
    const units = splitSentences(seed);
    expect(units).toHaveLength(16);
    expect(units.filter((u) => u.heading).map((u) => u.text)).toEqual([
      "بلينكن سيلتقي بمسؤولين إسرائيليين",
      "دعوة للحلول الدبلوماسية",
      "التركيز على غزة منذ 7 أكتوبر",
      "مخاوف بشأن توسع الصراع الإقليمي",
      "الجهود الإنسانية في غزة",
      "التخطيط لغزة ما بعد الحرب",
    ]);
    for (const u of units) expect(seed.slice(u.start, u.end)).toBe(u.text);
    expect(units.map((u) => u.index)).toEqual([...Array(16).keys()]);
    // the second paragraph holds two sentences
    expect(units[1]?.text.endsWith("في غزة.")).toBe(true);
    expect(units[2]?.text.startsWith("وتأتي هذه الجهود")).toBe(true);
  });

  it("splits on ؟ ! … and keeps a closing quote with its sentence", () => {
    const text = "هل ستنجح المفاوضات؟ قال الوزير: «لا نعرف بعد.» ثم غادر… وانتهى الاجتماع!";
    expect(splitSentences(text).map((u) => u.text)).toEqual([
      "هل ستنجح المفاوضات؟",
      "قال الوزير: «لا نعرف بعد.»",
      "ثم غادر…",
      "وانتهى الاجتماع!",
    ]);
  });

  it("does not split after a one-letter abbreviation or inside a number", () => {
    const text = "قال د. أحمد إن النمو بلغ 3.5 بالمئة هذا العام.";
    expect(splitSentences(text)).toHaveLength(1);
  });

  it("does not take a final short line or a line ending with a colon for a heading", () => {
    const units = splitSentences("قال الرئيس ما يلي:\nسنواصل العمل\n");
    expect(units.map((u) => u.heading)).toEqual([false, false]);
  });

  it("handles CRLF line ends and blank lines", () => {
    const units = splitSentences("عنوان قصير\r\n\r\nجملة أولى. جملة ثانية.\r\n");
    expect(units.map((u) => [u.text, u.heading])).toEqual([
      ["عنوان قصير", true],
      ["جملة أولى.", false],
      ["جملة ثانية.", false],
    ]);
  });
});
