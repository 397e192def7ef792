import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { type CliResult, runCliAsync } from "../helpers/cli.js";
import { type ContractDocument, expectContract, parseDocuments } from "../helpers/contract.js";

/**
 * Bad and strange input through the built CLI (`npm run build` first): nothing
 * crashes (exit 0 or 1 as the README documents, never 70 or a signal), every
 * error names its input, and whatever reaches stdout is valid against the
 * output contract. Every input is generated here, in a temporary folder.
 */

const dir = mkdtempSync(join(tmpdir(), "marsad-bad-input-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

// Arabic sentences written for these tests
const MEETING = "التقى وزير الخارجية المصري نظيره الأردني في عمان يوم الأحد لبحث وقف إطلاق النار في غزة.";
const CONDEMNATION =
  "وأدانت الحكومة الأردنية الهجوم الذي شنته إسرائيل على مخيم جباليا، وقالت إنه انتهاك للقانون الدولي.";
const ARTICLE = `${MEETING} ${CONDEMNATION}`;

/** Exit 0 or 1, no signal, no internal error or stack trace. */
function expectNoCrash(r: CliResult): void {
  expect(r.status, `stderr: ${r.stderr.slice(0, 2000)}`).toBeGreaterThanOrEqual(0);
  expect([0, 1], `exit ${r.status}; stderr: ${r.stderr.slice(0, 2000)}`).toContain(r.status);
  expect(r.stderr).not.toMatch(/E_INTERNAL|\n\s+at .+:\d+:\d+\)?\n|node:internal/);
}

/** Every error line (`… E_CODE: …`) names one of the inputs. */
function expectErrorsNameInputs(stderr: string, inputs: string[]): string[] {
  const errors = stderr.split("\n").filter((l) => /\bE_[A-Z_]+:/.test(l));
  for (const line of errors)
    expect(
      inputs.some((p) => line.includes(p)),
      line,
    ).toBe(true);
  return errors;
}

/** The documents on stdout, each checked against the contract (with its original text when known). */
function documents(r: CliResult, originals: Array<string | undefined> = []): ContractDocument[] {
  return parseDocuments(r.stdout).map((d, i) => expectContract(d, originals[i], `document ${i + 1}`));
}

/** One extract run on one input: no crash, errors name it, documents valid. */
async function extract(
  path: string,
  original?: string,
  extra: string[] = [],
): Promise<{ r: CliResult; docs: ContractDocument[] }> {
  // asynchronous: a run of half a minute must not block vitest's worker from answering its runner
  const r = await runCliAsync(["extract", path, "--format", "jsonl", ...extra]);
  expectNoCrash(r);
  expectErrorsNameInputs(r.stderr, [path]);
  return { r, docs: documents(r, [original]) };
}

let dbs = 0;
async function ingest(paths: string[], extra: string[] = []): Promise<CliResult> {
  const r = await runCliAsync(["ingest", ...paths, "--db", join(dir, `ingest-${++dbs}.db`), ...extra]);
  expectNoCrash(r);
  expectErrorsNameInputs(r.stderr, paths);
  return r;
}

// ---- binary files, built byte by byte ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A real 2×2 RGB PNG. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const pixels = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A real zip archive holding one stored (uncompressed) text file. */
function zip(name: string, content: string): Buffer {
  const data = Buffer.from(content, "utf8");
  const fileName = Buffer.from(name, "utf8");
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x0800, 6); // UTF-8 names
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

describe("bad input through the CLI", () => {
  it("an empty file is an error naming it (extract and ingest), exit 1", async () => {
    const path = file("empty.txt", "");
    const { r, docs } = await extract(path);
    expect(r.status).toBe(1);
    expect(docs).toEqual([]);
    expect(r.stderr).toContain(`E_EMPTY: ${path}: the file is empty`);
    const i = await ingest([path]);
    expect(i.status).toBe(1);
    expect(i.stderr).toContain(`${path}: the file is empty`);
    expect(i.stderr).toContain("0 new");
  });

  it("a file of white space and bidi marks only: no crash, valid output or an error naming it", async () => {
    const path = file("blank.txt", " \n\t\u200F\u200E \r\n\u202E\u202C  \n");
    const { r, docs } = await extract(path, " \n\t\u200F\u200E \r\n\u202E\u202C  \n");
    if (r.status === 0) expect(docs[0]?.sentences).toEqual([]);
    else expect(r.stderr).toContain(path);
  });

  it("a PNG image is refused as not text, naming the file, exit 1", async () => {
    const path = file("photo.png", png());
    const { r, docs } = await extract(path);
    expect(r.status).toBe(1);
    expect(docs).toEqual([]);
    expect(r.stderr).toContain(`E_NOT_TEXT: ${path}: this is a PNG image, not text`);
    // the same bytes under a text name are still refused
    const renamed = file("photo.txt", png());
    const t = await extract(renamed);
    expect(t.r.status).toBe(1);
    expect(t.r.stderr).toContain(`E_NOT_TEXT: ${renamed}`);
    const i = await ingest([renamed]);
    expect(i.status).toBe(1);
    expect(i.stderr).toContain(`${renamed}: this is a PNG image`);
  });

  it("a zip archive (even one holding Arabic text) is refused as not text, exit 1", async () => {
    const path = file("archive.zip", zip("article.txt", ARTICLE));
    const { r, docs } = await extract(path);
    expect(r.status).toBe(1);
    expect(docs).toEqual([]);
    expect(r.stderr).toContain(`E_NOT_TEXT: ${path}: this is a ZIP archive, not text`);
    const html = file("archive.html", zip("article.txt", ARTICLE));
    expect((await extract(html)).r.stderr).toContain(`E_NOT_TEXT: ${html}`);
  });

  it("binary data without a known signature is refused, naming the file", async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    const path = file("blob.txt", bytes);
    const { r } = await extract(path);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`E_NOT_TEXT: ${path}`);
  });

  it("binary bytes in a .jsonl file: every line an error naming file and line, exit 1", async () => {
    const path = file("photo.jsonl", Buffer.concat([png(), Buffer.from("\n"), png()]));
    const { r, docs } = await extract(path);
    expect(r.status).toBe(1);
    expect(docs).toEqual([]);
    expect(r.stderr).toMatch(new RegExp(`E_JSONL: ${path.replace(/[.]/g, "\\.")}:1: not valid JSON`));
  });

  it("truncated UTF-8 is kept, with a warning naming the file, and analysed (exit 0)", async () => {
    const bytes = Buffer.from(ARTICLE, "utf8");
    const cut = bytes.subarray(0, bytes.length - 2); // the full stop and half of the last letter
    const path = file("truncated.txt", cut);
    const original = new TextDecoder("utf-8").decode(cut);
    expect(original.endsWith("\uFFFD")).toBe(true);
    const { r, docs } = await extract(path, original);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`warning: ${path}: invalid or truncated UTF-8 replaced with U+FFFD`);
    expect(docs[0]?.language).toBe("ar");
    expect(docs[0]?.sentences[0]?.text).toBe(MEETING);
  });

  it("UTF-8 with a damaged byte in the middle stays UTF-8 (not Windows-1256 mojibake), with a warning", async () => {
    const bytes = Buffer.from(ARTICLE, "utf8");
    const damaged = Buffer.concat([bytes.subarray(0, 31), bytes.subarray(32)]); // half a letter lost
    const path = file("damaged.txt", damaged);
    const original = new TextDecoder("utf-8").decode(damaged);
    const { r, docs } = await extract(path, original);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`warning: ${path}: invalid or truncated UTF-8`);
    expect(docs[0]?.sentences.at(-1)?.text).toBe(CONDEMNATION);
  });

  it("Windows-1256 without a declaration is detected: the Arabic text and its events come through", async () => {
    const path = file("cp1256.txt", iconv.encode(ARTICLE, "windows-1256"));
    const { r, docs } = await extract(path, ARTICLE, ["--published", "2024-06-27"]);
    expect(r.status).toBe(0);
    const doc = docs[0]!;
    expect(doc.language).toBe("ar");
    expect(doc.sentences.map((s) => s.text)).toEqual([MEETING, CONDEMNATION]);
    expect(doc.events.length).toBeGreaterThan(0);
    // stored as Arabic: search finds a word of it
    const db = join(dir, "cp1256.db");
    const i = await runCliAsync(["ingest", path, "--db", db, "--published", "2024-06-27"]);
    expectNoCrash(i);
    expect(i.status).toBe(0);
    expect(i.stderr).toContain("1 new");
    const s = await runCliAsync(["search", "جباليا", "--db", db]);
    expect(s.status).toBe(0);
    expect(s.stdout).toContain("cp1256#");
  });

  it("a 50 MB single article completes (exit 0) in bounded memory with a valid document covering all of it", async () => {
    // paragraphs of five sentences from a pool written for this test, rotated so they differ
    const pool = [
      "وقال التقرير إن الأوضاع الاقتصادية شهدت تحسنا ملحوظا خلال الأشهر الماضية رغم ارتفاع الأسعار.",
      "وأشار الباحثون إلى أن نسبة البطالة بين الشباب ما زالت مرتفعة في معظم المدن الكبرى.",
      "وتناولت الدراسة تطور قطاع الزراعة والري والتعليم في العقود الثلاثة الأخيرة.",
      MEETING,
      "وأضاف أن الموسم المقبل سيشهد افتتاح عدد من المدارس والمستشفيات الجديدة.",
      CONDEMNATION,
      "ويرى خبراء أن الاستثمار في الطاقة المتجددة يمثل فرصة كبيرة للاقتصاد.",
    ];
    const paragraphs: string[] = [];
    let bytes = 0;
    let sentences = 0;
    for (let i = 0; bytes < 50 * 1024 * 1024; i++) {
      const p = Array.from({ length: 5 }, (_, k) => pool[(i * 3 + k) % pool.length]).join(" ");
      paragraphs.push(p);
      bytes += Buffer.byteLength(p) + 2;
      sentences += 5;
    }
    const text = paragraphs.join("\n\n");
    const path = file("huge.txt", text);
    // a heap of 1.5 GB per thread is enough: long texts are analysed piece by piece
    const r = await runCliAsync(["extract", path, "--format", "jsonl", "--published", "2024-06-27"], {
      env: { NODE_OPTIONS: "--max-old-space-size=1536" },
    });
    expectNoCrash(r);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    const docs = documents(r, [text]);
    expect(docs).toHaveLength(1);
    const doc = docs[0]!;
    expect(doc.language).toBe("ar");
    expect(doc.sentences).toHaveLength(sentences);
    expect(doc.sentences.at(-1)?.end).toBe(text.length);
    // the same meeting and condemnation, reported thousands of times, are one event each
    const meeting = doc.events.find((e) => e.cameo.startsWith("04") && e.source?.code?.startsWith("EGY"));
    expect(meeting?.sentences.length).toBeGreaterThan(1000);
    expect(new Set(doc.events.map((e) => `${e.source?.code}|${e.target?.code}|${e.cameo}`)).size).toBe(
      doc.events.length,
    );
  }, 240_000);

  it("a 50 MB single article is stored by ingest (exit 0)", async () => {
    const path = join(dir, "huge.txt");
    const r = await runCliAsync(["ingest", path, "--db", join(dir, "huge.db"), "--published", "2024-06-27"], {
      env: { NODE_OPTIONS: "--max-old-space-size=1536" },
    });
    expectNoCrash(r);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("1 new, 0 replaced, 0 unchanged, 0 failed");
  }, 240_000);

  it("JSON Lines with malformed lines and wrong field types: each bad line reported, good lines processed, exit 1", async () => {
    const good = [
      { id: "good-1", text: MEETING, published: "2024-06-27" },
      { id: "good-2", text: CONDEMNATION, title: "إدانة أردنية", url: "https://example.org/2" },
      { id: 3, text: ARTICLE, published: "2024-06-27T10:00:00Z", source: "test" },
      { id: "good-4", text: "Le ministre a rencontré son homologue.", title: null },
    ];
    const lines: Array<[string, string | null]> = [
      [JSON.stringify(good[0]), null],
      ["{oops", "not valid JSON"],
      [JSON.stringify(good[1]), null],
      ["", null], // blank lines are skipped
      [JSON.stringify({ id: "x" }), 'field "text"'],
      [JSON.stringify({ id: "y", text: 42 }), 'field "text"'],
      [JSON.stringify({ id: true, text: MEETING }), 'field "id"'],
      [JSON.stringify({ id: "", text: MEETING }), 'field "id"'],
      [JSON.stringify({ id: "z", text: MEETING, published: "yesterday" }), 'field "published"'],
      [JSON.stringify({ id: "w", text: MEETING, title: 5 }), 'field "title"'],
      [JSON.stringify(good[2]), null],
      ['"just a string"', "field"],
      ["null", "field"],
      ["[1, 2]", "field"],
      [`${JSON.stringify(good[3]).slice(0, 30)}`, "not valid JSON"], // a line cut short
      [JSON.stringify(good[3]), null],
    ];
    const path = file("mixed.jsonl", `\uFEFF${lines.map(([l]) => l).join("\r\n")}\n`);
    const r = await runCliAsync(["extract", path, "--format", "jsonl", "--jobs", "2"]);
    expectNoCrash(r);
    expect(r.status).toBe(1);
    const errors = expectErrorsNameInputs(r.stderr, [path]);
    const bad = lines.flatMap(([, reason], i) => (reason ? [{ line: i + 1, reason }] : []));
    expect(errors).toHaveLength(bad.length);
    for (const { line, reason } of bad) {
      const reported = errors.find((e) => e.includes(`E_JSONL: ${path}:${line}: `));
      expect(reported, `line ${line}`).toBeDefined();
      expect(reported).toContain(reason);
    }
    const docs = documents(
      r,
      good.map((g) => g.text),
    );
    expect(docs.map((d) => d.id)).toEqual(["good-1", "good-2", "3", "good-4"]);
    expect(docs[1]?.title).toBe("إدانة أردنية");
    expect(docs[2]?.published).toBe("2024-06-27");
    expect(docs[3]?.language).toBe("fr");
    expect(r.stderr).toContain(`warning: ${path}:16: language is "fr"`);
    // ingest: the same lines reported, the good ones stored
    const i = await ingest([path]);
    expect(i.status).toBe(1);
    expect(i.stderr).toContain(`4 new, 0 replaced, 0 unchanged, ${bad.length} failed`);
    for (const { line } of bad) expect(i.stderr).toContain(`${path}:${line}: `);
  });

  it("HTML nested 20,000 levels deep: no stack overflow, the article text comes through", async () => {
    const depth = 20_000;
    const html = `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>خبر</title></head><body>${"<div>".repeat(depth)}<p>${MEETING}</p><p>${CONDEMNATION}</p>${"</div>".repeat(depth)}</body></html>`;
    const path = file("deep.html", html);
    const { r, docs } = await extract(path);
    expect(r.status).toBe(0);
    expect(docs[0]?.sentences.map((s) => s.text)).toEqual([MEETING, CONDEMNATION]);
    expect(docs[0]?.events.length).toBeGreaterThan(0);
  }, 60_000);

  it("HTML with 20,000 unclosed inline tags: no crash, valid output", async () => {
    const html = `<html><body><article><p>${"<b><i><span>".repeat(20_000 / 3)}${ARTICLE}</article></body></html>`;
    const path = file("unclosed.html", html);
    const { r, docs } = await extract(path);
    expect(r.status).toBe(0);
    expect(docs[0]?.sentences.map((s) => s.text).join(" ")).toContain(MEETING);
  }, 60_000);

  it("broken markup: misnested, unclosed, stray end tags, an unterminated comment and attribute", async () => {
    const cases: Array<[string, string]> = [
      ["misnested.html", `<html><body><p>${MEETING}<b><i></b></i></p></div></span><p>${CONDEMNATION}</body>`],
      ["stray.html", `</p></div><p>${MEETING}</td></tr></table><li>${CONDEMNATION}`],
      ["comment.html", `<html><body><p>${MEETING}</p><!-- ${CONDEMNATION}`],
      ["attribute.html", `<html><body><p class="a>${MEETING}</p><p>${CONDEMNATION}</p></body></html>`],
      ["script.html", `<html><body><p>${MEETING}</p><script>var x = "</p>`],
      ["title.html", `<html><head><title>${MEETING}<body><p>${CONDEMNATION}</p></body></html>`],
      ["nul.html", `<html><body><p>${MEETING}\u0000</p><p>${CONDEMNATION}</p></body></html>`],
      ["entities.html", `<html><body><p>&#1575;&#x644;&; &amp &#xFFFFFF; &#0; ${MEETING}</p></body></html>`],
    ];
    for (const [name, html] of cases) {
      const path = file(name, html);
      const { r, docs } = await extract(path);
      if (r.status === 1) {
        expect(r.stderr, name).toContain(path);
        expect(docs, name).toEqual([]);
      } else expect(docs, name).toHaveLength(1);
    }
  });

  it("an English and a French article: language detected, no events, a warning naming each file", async () => {
    const en = file(
      "english.txt",
      "The Egyptian foreign minister met his Jordanian counterpart in Amman on Sunday. He said that the talks were useful.",
    );
    const fr = file(
      "francais.txt",
      "Le ministre égyptien des affaires étrangères a rencontré son homologue jordanien à Amman dimanche pour une discussion sur la trêve.",
    );
    const r = await runCliAsync(["extract", en, fr, "--format", "jsonl"]);
    expectNoCrash(r);
    expect(r.status).toBe(0);
    const docs = documents(r, [readFileSync(en, "utf8"), readFileSync(fr, "utf8")]);
    expect(docs.map((d) => d.language)).toEqual(["en", "fr"]);
    for (const d of docs) {
      expect(d.events).toEqual([]);
      expect(d.sentences.length).toBeGreaterThan(0);
    }
    expect(r.stderr).toContain(`warning: ${en}: language is "en", not Arabic: no events coded`);
    expect(r.stderr).toContain(`warning: ${fr}: language is "fr", not Arabic: no events coded`);
  });

  it("only diacritics, only digits, only punctuation: valid documents, no events, a warning naming the file", async () => {
    const cases: Array<[string, string]> = [
      ["diacritics.txt", "\u064E\u064F\u0650\u0651\u0652\u064B\u064C\u064D\u0670 ".repeat(40)],
      ["digits.txt", "1234567890 ٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹\n2024 ١٤٤٥ 3.5 ٣٫٥"],
      ["punctuation.txt", "،؛؟!…«».,;:()[]{}—–-\"'؟!! ... ؛؛ «»\n...\n!!!"],
    ];
    for (const [name, text] of cases) {
      const path = file(name, text);
      const { r, docs } = await extract(path, text);
      expect(r.status, name).toBe(0);
      expect(docs[0]?.events, name).toEqual([]);
      expect(
        docs[0]?.entities.filter((e) => e.type !== "DATE"),
        name,
      ).toEqual([]);
      expect(r.stderr, name).toContain(`warning: ${path}: language is "${docs[0]?.language}", not Arabic`);
    }
  });

  it("only tatweel (kashida): a valid document with no events", async () => {
    const text = "\u0640".repeat(500);
    const { r, docs } = await extract(file("tatweel.txt", text), text);
    expect(r.status).toBe(0);
    expect(docs[0]?.events).toEqual([]);
    expect(docs[0]?.entities).toEqual([]);
  });

  it("mixed RTL/LTR text with bidi control characters (U+200F, U+202E…): offsets stay exact", async () => {
    const text = [
      `\u200F${MEETING.replace("المصري", "\u202Eالمصري\u202C")} Sameh Shoukry\u200E met Ayman Safadi.`,
      `\u2067قال الرئيس Joe Biden\u2069 إن «حماس» هاجمت\u200F Israel يوم ٧ أكتوبر 2023\u200E.`,
      `\u202B${CONDEMNATION}\u202C \u061C(UN) \u200D\u200C\uFEFF`,
    ].join("\n");
    const path = file("bidi.txt", text);
    const { r, docs } = await extract(path, text, ["--published", "2024-06-27"]);
    expect(r.status).toBe(0);
    const doc = docs[0]!;
    expect(doc.language).toBe("ar");
    expect(doc.sentences.length).toBeGreaterThanOrEqual(3);
    expect(doc.entities.some((e) => e.text === "حماس")).toBe(true);
    expect(doc.events.length).toBeGreaterThan(0);
  });

  it("many bad and good inputs in one run: each error names its input, the good ones are all printed", async () => {
    const sub = join(dir, "folder");
    mkdirSync(sub, { recursive: true });
    const inputs = [
      file("ok-1.txt", MEETING),
      join(dir, "empty.txt"),
      join(dir, "missing.txt"),
      sub,
      join(dir, "photo.png"),
      file("ok-2.txt", CONDEMNATION),
      join(dir, "missing.jsonl"),
      join(dir, "cp1256.txt"),
    ];
    const r = await runCliAsync(["extract", ...inputs, "--format", "jsonl", "--jobs", "2"]);
    expectNoCrash(r);
    expect(r.status).toBe(1);
    const errors = expectErrorsNameInputs(r.stderr, inputs);
    expect(errors).toHaveLength(5);
    expect(r.stderr).toContain(`E_INPUT: ${join(dir, "missing.txt")}: no such file`);
    expect(r.stderr).toContain(`E_INPUT: ${sub}: is a directory`);
    expect(r.stderr).toContain(`E_INPUT: ${join(dir, "missing.jsonl")}: no such file`);
    const docs = documents(r, [MEETING, CONDEMNATION, ARTICLE]);
    expect(docs.map((d) => d.id)).toEqual(["ok-1", "ok-2", "cp1256"]);
  });
});
