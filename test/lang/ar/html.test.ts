import { describe, expect, it } from "vitest";
import { extractHtml } from "../../../src/lang/ar/html.js";
import { splitSentences } from "../../../src/lang/ar/sentences.js";
import { seedAsHtml } from "../../helpers/html.js";
import { readSeed } from "../../helpers/shared.js";

describe("extractHtml", () => {
  it("finds the title and the article body, not navigation or scripts", () => {
    const seed = readSeed();
    const page = extractHtml(seedAsHtml(seed, "بلينكن يلتقي مسؤولين إسرائيليين"));
    expect(page.title).toBe("بلينكن يلتقي مسؤولين إسرائيليين");
    expect(page.text).toContain("قال المتحدث باسم وزارة الخارجية ماثيو ميلر");
    expect(page.text).not.toContain("var tracking");
    expect(page.text).not.toContain("الصفحة الأولى");
    expect(page.text).not.toContain("جميع الحقوق محفوظة");
  });

  it("gives the same sentences as the plain text", () => {
    const seed = readSeed();
    const page = extractHtml(seedAsHtml(seed, "عنوان المقال"));
    const fromHtml = splitSentences(page.text).map((u) => [u.text, u.heading]);
    const fromText = splitSentences(seed).map((u) => [u.text, u.heading]);
    expect(fromHtml).toEqual(fromText);
  });

  it("survives deeply nested and broken markup", () => {
    const deep = `${"<div>".repeat(5000)}<p>قالت الحكومة إنها ستواصل الحوار</p>${"</div>".repeat(10)}<p>غير مغلق <b>نص`;
    const page = extractHtml(`<html><body>${deep}</body></html>`);
    expect(page.text).toContain("قالت الحكومة إنها ستواصل الحوار");
  });
});
