import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { ArticleDocument } from "../../src/document.js";
import { runCli } from "../helpers/cli.js";
import { seedAsHtml } from "../helpers/html.js";
import { readSeed, SEED_TXT } from "../helpers/shared.js";

const dir = mkdtempSync(join(tmpdir(), "marsad-extract-"));
const seed = readSeed();

function sentencesOf(doc: ArticleDocument) {
  return doc.sentences.map((s) => [s.text, s.heading]);
}

describe("marsad extract", () => {
  it("prints one valid jsonl document for the seed with 16 units, 6 headings and exact offsets", () => {
    const r = runCli(["extract", SEED_TXT, "--published", "2024-06-27", "--format", "jsonl"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const doc = JSON.parse(lines[0]!) as ArticleDocument;
    expect(doc.id).toBe("seed-000");
    expect(doc.published).toBe("2024-06-27");
    expect(doc.language).toBe("ar");
    expect(doc.sentences).toHaveLength(16);
    expect(doc.sentences.filter((s) => s.heading)).toHaveLength(6);
    for (const s of doc.sentences) expect(seed.slice(s.start, s.end)).toBe(s.text);
    expect(Array.isArray(doc.entities)).toBe(true);
    expect(Array.isArray(doc.events)).toBe(true);
  });

  it("gives the same sentences for the seed saved as Windows-1256 and as an HTML page", () => {
    const cp = join(dir, "seed-cp1256.txt");
    writeFileSync(cp, iconv.encode(seed, "windows-1256"));
    const html = join(dir, "seed-page.html");
    writeFileSync(html, seedAsHtml(seed, "بلينكن يلتقي مسؤولين إسرائيليين"));
    const r = runCli(["extract", SEED_TXT, cp, html, "--format", "jsonl"]);
    expect(r.status).toBe(0);
    const [txt, win, page] = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as ArticleDocument);
    expect(sentencesOf(win!)).toEqual(sentencesOf(txt!));
    expect(sentencesOf(page!)).toEqual(sentencesOf(txt!));
    expect(page!.title).toBe("بلينكن يلتقي مسؤولين إسرائيليين");
  });

  it("pretty-prints one document with --format json", () => {
    const r = runCli(["extract", SEED_TXT, "--format", "json"]);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith("{\n")).toBe(true);
    expect((JSON.parse(r.stdout) as ArticleDocument).published).toBeNull();
  });

  it("reports bad inputs on stderr, processes the rest and exits 1", () => {
    const jsonl = join(dir, "mixed.jsonl");
    writeFileSync(
      jsonl,
      [
        JSON.stringify({ id: "a1", text: "قالت الحكومة إنها ستواصل الحوار.", published: "2024-01-02" }),
        "{not json",
        JSON.stringify({ id: "a2", text: 42 }),
        JSON.stringify({ id: "a3", text: "التقى الوزير نظيره.", published: "yesterday" }),
        JSON.stringify({ id: "a4", text: "اجتمع الرئيس مع الوفد." }),
      ].join("\n"),
    );
    const png = join(dir, "photo.png");
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    const r = runCli(["extract", jsonl, png, join(dir, "missing.txt")]);
    expect(r.status).toBe(1);
    const ids = r.stdout
      .trim()
      .split("\n")
      .map((l) => (JSON.parse(l) as ArticleDocument).id);
    expect(ids).toEqual(["a1", "a4"]);
    expect(r.stderr).toContain("mixed.jsonl:2: not valid JSON");
    expect(r.stderr).toContain('mixed.jsonl:3: field "text"');
    expect(r.stderr).toContain('mixed.jsonl:4: field "published"');
    expect(r.stderr).toContain("photo.png: this is a PNG image, not text");
    expect(r.stderr).toContain("missing.txt: no such file");
  });

  it("rejects a bad --published value with a usage error naming it", () => {
    const r = runCli(["extract", SEED_TXT, "--published", "2024-13-45"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/E_USAGE: --published "2024-13-45"/);
    expect(r.stdout).toBe("");
  });

  it("says the language of a non-Arabic article and codes no events", () => {
    const en = join(dir, "english.txt");
    writeFileSync(
      en,
      "The minister said on Monday that the talks with the delegation will continue in Cairo.",
    );
    const r = runCli(["extract", en, "--format", "jsonl"]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as ArticleDocument;
    expect(doc.language).toBe("en");
    expect(doc.events).toEqual([]);
    expect(r.stderr).toContain('language is "en"');
  });
});
