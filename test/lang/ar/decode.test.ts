import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../../src/lang/ar/decode.js";
import { readSeed } from "../../helpers/shared.js";

const seed = readSeed();

describe("decodeBytes", () => {
  it("reads UTF-8 with and without a BOM", () => {
    const bytes = Buffer.from(seed, "utf8");
    expect(decodeBytes(bytes).text).toBe(seed);
    const withBom = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]));
    expect(withBom.text).toBe(seed);
    expect(withBom.encoding).toBe("utf-8");
  });

  it("reads UTF-16 LE/BE with a BOM and LE without one", () => {
    const le = iconv.encode(seed, "utf-16le");
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), le])).text).toBe(seed);
    expect(decodeBytes(le).encoding).toBe("utf-16le");
    expect(decodeBytes(le).text).toBe(seed);
    const be = iconv.encode(seed, "utf-16be");
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text).toBe(seed);
  });

  it("detects Windows-1256 without a declaration", () => {
    const text = "أعلنت الحكومة اللبنانية اليوم عن خطة جديدة لإعادة الإعمار في الجنوب.";
    const out = decodeBytes(iconv.encode(text, "windows-1256"));
    expect(out.encoding).toBe("windows-1256");
    expect(out.text).toBe(text);
  });

  it("detects ISO-8859-6", () => {
    const text = "قالت وزارة الخارجية ان المحادثات ستستمر غدا في القاهرة";
    const out = decodeBytes(iconv.encode(text, "iso-8859-6"));
    expect(out.encoding).toBe("iso-8859-6");
    expect(out.text).toBe(text);
  });

  it("refuses binary files with a clear error naming the file", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => decodeBytes(png, "photo.png")).toThrow(/photo\.png: this is a PNG image, not text/);
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]);
    expect(() => decodeBytes(zip, "a.txt")).toThrow(/ZIP archive/);
    expect(() => decodeBytes(Buffer.from([1, 2, 3, 0, 5, 6, 7, 8, 9]), "x")).toThrow(/binary/);
    expect(() => decodeBytes(Buffer.alloc(0), "empty.txt")).toThrow(/empty\.txt: the file is empty/);
  });

  it("keeps truncated UTF-8 and warns about it", () => {
    const bytes = Buffer.from("قالت الحكومة", "utf8");
    const out = decodeBytes(bytes.subarray(0, bytes.length - 1), "cut.txt");
    expect(out.encoding).toBe("utf-8");
    expect(out.text.startsWith("قالت الحكوم")).toBe(true);
    expect(out.warnings[0]).toMatch(/cut\.txt: invalid or truncated UTF-8/);
  });
});
