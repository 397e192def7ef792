import iconv from "iconv-lite";
import { MarsadError } from "../../errors.js";

/**
 * Input decoding: UTF-8 (with or without BOM), UTF-16 (BOM or zero-byte
 * pattern), Windows-1256 and ISO-8859-6 (chosen by which yields Arabic text),
 * or a charset declared in an HTML page. Binary files are refused.
 */

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1256" | "iso-8859-6";

export interface Decoded {
  text: string;
  encoding: Encoding;
  warnings: string[];
}

const MAGIC: Array<[string, number[]]> = [
  ["PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["ZIP archive", [0x50, 0x4b, 0x03, 0x04]],
  ["PDF document", [0x25, 0x50, 0x44, 0x46]],
  ["GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["JPEG image", [0xff, 0xd8, 0xff]],
  ["gzip archive", [0x1f, 0x8b]],
  ["ELF executable", [0x7f, 0x45, 0x4c, 0x46]],
];

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

/** UTF-16 without a BOM: one byte of most pairs is zero. */
function utf16Guess(buf: Uint8Array): Encoding | null {
  const n = Math.min(buf.length - (buf.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return "utf-16le";
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return "utf-16be";
  // Arabic UTF-16 has 0x06 as the high byte of most letters
  let le06 = 0;
  let be06 = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i + 1] === 0x06) le06++;
    if (buf[i] === 0x06) be06++;
  }
  if (le06 > pairs * 0.3) return "utf-16le";
  if (be06 > pairs * 0.3) return "utf-16be";
  return null;
}

function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i] ?? 0;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > n * 0.02;
}

const ARABIC_LETTER = /[\u0621-\u064A]/g;

function arabicScore(text: string): number {
  const letters = text.match(ARABIC_LETTER)?.length ?? 0;
  const bad = text.match(/[\uFFFD\u0080-\u009F]/g)?.length ?? 0;
  return letters - 5 * bad;
}

/** A charset declared in the first bytes of an HTML page (`<meta charset=…>`). */
function declaredCharset(buf: Uint8Array): Encoding | null {
  const head = Buffer.from(buf.subarray(0, 2048)).toString("latin1").toLowerCase();
  const m = head.match(/charset\s*=\s*["']?\s*([a-z0-9_-]+)/);
  const name = m?.[1];
  if (!name) return null;
  if (name === "utf-8" || name === "utf8") return "utf-8";
  if (name === "windows-1256" || name === "cp1256") return "windows-1256";
  if (name === "iso-8859-6" || name === "arabic") return "iso-8859-6";
  return null;
}

/** Decodes a file's bytes; `where` names the input in errors. */
export function decodeBytes(buf: Uint8Array, where?: string): Decoded {
  const warnings: string[] = [];
  if (buf.length === 0) throw new MarsadError("E_EMPTY", "the file is empty", where);
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return utf8(buf.subarray(3), warnings, where);
  if (startsWith(buf, [0xff, 0xfe]))
    return { text: iconv.decode(Buffer.from(buf.subarray(2)), "utf-16le"), encoding: "utf-16le", warnings };
  if (startsWith(buf, [0xfe, 0xff]))
    return { text: iconv.decode(Buffer.from(buf.subarray(2)), "utf-16be"), encoding: "utf-16be", warnings };
  for (const [what, bytes] of MAGIC) {
    if (startsWith(buf, bytes)) throw new MarsadError("E_NOT_TEXT", `this is a ${what}, not text`, where);
  }
  const u16 = utf16Guess(buf);
  if (u16) return { text: iconv.decode(Buffer.from(buf), u16), encoding: u16, warnings };
  if (looksBinary(buf)) throw new MarsadError("E_NOT_TEXT", "the file holds binary data, not text", where);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buf), encoding: "utf-8", warnings };
  } catch {
    // not UTF-8: a declared charset, or the Arabic single-byte code page that reads best
  }
  const declared = declaredCharset(buf);
  if (declared && declared !== "utf-8")
    return { text: iconv.decode(Buffer.from(buf), declared), encoding: declared, warnings };
  // UTF-8 cut short, or with a few damaged bytes: not a single-byte code page (that would be mojibake)
  if (utf8Truncated(buf) || mostlyUtf8(buf)) return utf8(buf, warnings, where);
  const cp1256 = iconv.decode(Buffer.from(buf), "windows-1256");
  const iso = iconv.decode(Buffer.from(buf), "iso-8859-6");
  const best =
    arabicScore(iso) > arabicScore(cp1256)
      ? { text: iso, encoding: "iso-8859-6" as const }
      : { text: cp1256, encoding: "windows-1256" as const };
  if (arabicScore(best.text) <= 0 && declared === "utf-8") {
    return utf8(buf, warnings, where);
  }
  return { ...best, warnings };
}

/** Valid UTF-8 except for an incomplete sequence in the last 3 bytes. */
function utf8Truncated(buf: Uint8Array): boolean {
  for (let cut = 1; cut <= 3 && cut < buf.length; cut++) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(buf.subarray(0, buf.length - cut));
      return (buf[buf.length - cut] ?? 0) >= 0xc0;
    } catch {
      // keep cutting
    }
  }
  return false;
}

/**
 * UTF-8 with a few damaged sequences (a byte lost or flipped in the middle): well-formed
 * multi-byte sequences outnumber broken ones twenty to one. Arabic in Windows-1256 or
 * ISO-8859-6 puts letters after letters (lead bytes without continuation bytes), so it
 * is nearly all broken sequences.
 */
function mostlyUtf8(buf: Uint8Array): boolean {
  let good = 0;
  let bad = 0;
  for (let i = 0; i < buf.length; ) {
    const b = buf[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    let ok = n > 0 && i + n < buf.length;
    for (let k = 1; ok && k <= n; k++) ok = ((buf[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      good++;
      i += n + 1;
    } else {
      bad++;
      i++;
    }
  }
  return good >= 8 && bad * 20 <= good;
}

function utf8(buf: Uint8Array, warnings: string[], where?: string): Decoded {
  const text = new TextDecoder("utf-8").decode(buf);
  if (text.includes("\uFFFD")) {
    warnings.push(`${where ? `${where}: ` : ""}invalid or truncated UTF-8 replaced with U+FFFD`);
  }
  return { text, encoding: "utf-8", warnings };
}
