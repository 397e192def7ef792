import { splitSentences } from "../../src/lang/ar/sentences.js";

/** Wraps plain text lines in a realistic news page: navigation, heading lines as <h2>, paragraphs as <p>. */
export function seedAsHtml(text: string, title: string): string {
  const lines = text.split("\n").filter((l) => l.trim());
  const units = splitSentences(text);
  const headings = new Set(units.filter((u) => u.heading).map((u) => u.text));
  const body = lines.map((l) => (headings.has(l.trim()) ? `<h2>${l}</h2>` : `<p>${l}</p>`)).join("\n");
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title}</title>
<script>var tracking = "قال الإعلان";</script></head><body>
<nav><ul><li><a href="/">الصفحة الأولى</a></li><li><a href="/world">العالم</a></li><li><a href="/sport">رياضة</a></li></ul></nav>
<article><h1>${title}</h1>${body}</article>
<footer><p>جميع الحقوق محفوظة</p></footer></body></html>`;
}
