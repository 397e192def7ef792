import { normalize } from "./normalize.js";

/**
 * Lossless tokenisation: every token is an exact slice of the original text
 * (`text.slice(start, end) === token.text`), in order, never overlapping.
 *
 *   "قال بلينكن، إن…" → قال | بلينكن | ، | إن | …
 *   "٧ أكتوبر"        → ٧ (number, norm "7") | أكتوبر
 */

export type TokenKind = "word" | "number" | "punct" | "symbol";

export interface Token {
  /** Position of the token in the document's token list. */
  index: number;
  start: number;
  end: number;
  /** The original text of the token. */
  text: string;
  /** The normalised form used for matching. */
  norm: string;
  kind: TokenKind;
  /** True when the token is written in Arabic script. */
  arabic: boolean;
}

// A word: letters (any script), combining marks, tatweel, ZWNJ/ZWJ inside a word.
const WORD = /[\p{L}\p{M}\u0640\u200C\u200D]/u;
const DIGIT = /[\p{Nd}]/u;
const SPACE = /[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

type CharClass = "word" | "number" | "space" | "other";

function classify(ch: string): CharClass {
  if (DIGIT.test(ch)) return "number";
  if (WORD.test(ch)) return "word";
  if (SPACE.test(ch)) return "space";
  return "other";
}

/**
 * The class of every UTF-16 code unit below U+0800 and of the Arabic blocks, computed once
 * from `classify` (the regexes stay the definition): tokenising a text then costs a table
 * lookup per character instead of three Unicode regex tests.
 */
const TABLE_END = 0x0900;
const TABLE: CharClass[] = Array.from({ length: TABLE_END }, (_, c) => classify(String.fromCharCode(c)));

function classAt(text: string, i: number): { cls: CharClass; len: number } {
  const u = text.charCodeAt(i);
  if (u < TABLE_END) return { cls: TABLE[u]!, len: 1 };
  const cp = text.codePointAt(i) ?? 0;
  const ch = String.fromCodePoint(cp);
  return { cls: classify(ch), len: ch.length };
}

/** Splits `text` (from `from` to `to`) into tokens with offsets into `text`. */
export function tokenize(text: string, from = 0, to = text.length, firstIndex = 0): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const { cls, len } = classAt(text, i);
    if (cls === "space") {
      i += len;
      continue;
    }
    const start = i;
    i += len;
    if (cls === "word" || cls === "number") {
      while (i < to) {
        const next = classAt(text, i);
        if (next.cls === cls) {
          i += next.len;
          continue;
        }
        const c = text[i] ?? "";
        // decimal and thousands separators inside numbers: 3.5 ٣٫٥ 1,000
        if (cls === "number" && /[.,\u066B\u066C]/.test(c) && i + 1 < to && DIGIT.test(text[i + 1] ?? "")) {
          i += 1;
          continue;
        }
        break;
      }
    }
    const slice = text.slice(start, i);
    const kind: TokenKind =
      cls === "word" ? "word" : cls === "number" ? "number" : /\p{P}/u.test(slice) ? "punct" : "symbol";
    tokens.push({
      index: firstIndex + tokens.length,
      start,
      end: i,
      text: slice,
      norm: normalize(slice),
      kind,
      arabic: ARABIC.test(slice),
    });
  }
  return tokens;
}
