import { normalizeWithMap } from "./normalize.js";

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

function classify(ch: string): "word" | "number" | "space" | "other" {
  if (DIGIT.test(ch)) return "number";
  if (WORD.test(ch)) return "word";
  if (SPACE.test(ch)) return "space";
  return "other";
}

/** Splits `text` (from `from` to `to`) into tokens with offsets into `text`. */
export function tokenize(text: string, from = 0, to = text.length, firstIndex = 0): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const cls = classify(ch);
    if (cls === "space") {
      i += ch.length;
      continue;
    }
    const start = i;
    i += ch.length;
    if (cls === "word" || cls === "number") {
      while (i < to) {
        const c = String.fromCodePoint(text.codePointAt(i) ?? 0);
        const k = classify(c);
        if (k === cls) {
          i += c.length;
          continue;
        }
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
      norm: normalizeWithMap(slice).text,
      kind,
      arabic: ARABIC.test(slice),
    });
  }
  return tokens;
}
