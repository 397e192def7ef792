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

/** Character classes, as small numbers so that scanning allocates nothing. */
const WORD_C = 0;
const NUMBER_C = 1;
const SPACE_C = 2;
const OTHER_C = 3;

function classify(ch: string): number {
  if (DIGIT.test(ch)) return NUMBER_C;
  if (WORD.test(ch)) return WORD_C;
  if (SPACE.test(ch)) return SPACE_C;
  return OTHER_C;
}

/**
 * The class of every UTF-16 code unit below U+0800 and of the Arabic blocks, computed once
 * from `classify` (the regexes stay the definition): tokenising a text then costs a table
 * lookup per character instead of three Unicode regex tests.
 */
const TABLE_END = 0x0900;
const TABLE = Uint8Array.from({ length: TABLE_END }, (_, c) => classify(String.fromCharCode(c)));

/** The class of the character at `i` and its length in code units, packed as class | length << 2. */
function classAt(text: string, i: number): number {
  const u = text.charCodeAt(i);
  if (u < TABLE_END) return TABLE[u]! | 4;
  const cp = text.codePointAt(i) ?? 0;
  return classify(String.fromCodePoint(cp)) | ((cp > 0xffff ? 2 : 1) << 2);
}

/** Receives each token as it is found (no intermediate objects). */
export type TokenSink = (
  start: number,
  end: number,
  text: string,
  norm: string,
  kind: TokenKind,
  arabic: boolean,
) => void;

/** Receives each token's span and kind only: what its text is and normalises to is the receiver's to ask. */
export type SpanSink = (start: number, end: number, kind: TokenKind) => void;

/** Is `text` written in Arabic script? */
export function isArabic(text: string): boolean {
  return ARABIC.test(text);
}

const PUNCT = /\p{P}/u;
const SEPARATOR = /[.,\u066B\u066C]/;

/** Scans `text` from `from` to `to` and hands every token's span to `sink`, in order. */
export function scanSpans(text: string, from: number, to: number, sink: SpanSink): void {
  let i = from;
  while (i < to) {
    const packed = classAt(text, i);
    const cls = packed & 3;
    const len = packed >> 2;
    if (cls === SPACE_C) {
      i += len;
      continue;
    }
    const start = i;
    i += len;
    if (cls === WORD_C || cls === NUMBER_C) {
      while (i < to) {
        const next = classAt(text, i);
        if ((next & 3) === cls) {
          i += next >> 2;
          continue;
        }
        // decimal and thousands separators inside numbers: 3.5 ٣٫٥ 1,000
        if (
          cls === NUMBER_C &&
          SEPARATOR.test(text[i] ?? "") &&
          i + 1 < to &&
          DIGIT.test(text[i + 1] ?? "")
        ) {
          i += 1;
          continue;
        }
        break;
      }
    }
    const kind: TokenKind =
      cls === WORD_C
        ? "word"
        : cls === NUMBER_C
          ? "number"
          : PUNCT.test(text.slice(start, i))
            ? "punct"
            : "symbol";
    sink(start, i, kind);
  }
}

/** Scans `text` from `from` to `to` and hands every token to `sink`, in order. */
export function scanTokens(text: string, from: number, to: number, sink: TokenSink): void {
  scanSpans(text, from, to, (start, end, kind) => {
    const slice = text.slice(start, end);
    sink(start, end, slice, normalize(slice), kind, isArabic(slice));
  });
}

/** Splits `text` (from `from` to `to`) into tokens with offsets into `text`. */
export function tokenize(text: string, from = 0, to = text.length, firstIndex = 0): Token[] {
  const tokens: Token[] = [];
  scanTokens(text, from, to, (start, end, slice, norm, kind, arabic) => {
    tokens.push({ index: firstIndex + tokens.length, start, end, text: slice, norm, kind, arabic });
  });
  return tokens;
}
