/**
 * Orthographic normalisation for matching, which never loses the original:
 * every character of the normalised string records the UTF-16 offset of the
 * original character it came from, so a match in normalised text maps back to
 * an exact span of the input.
 *
 *   "وأعلنَتْ الـحكومة" → "واعلنت الحكومه"   (alef, diacritics, tatweel, ة)
 *   "ﻻ" (U+FEFB presentation form) → "لا"    (both characters map to offset 0)
 */

/** Diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks). */
const DIACRITIC = /[\u064B-\u065F\u0670\u06D6-\u06ED\u08D3-\u08FF]/;
const TATWEEL = "\u0640";
/** Invisible format characters dropped for matching (ZWJ/ZWNJ, bidi marks, soft hyphen). */
const FORMAT = /[\u00AD\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;

const LETTER_MAP: Record<string, string> = {
  // alef variants: أ إ آ ٱ ٲ ٳ → ا
  "\u0623": "\u0627",
  "\u0625": "\u0627",
  "\u0622": "\u0627",
  "\u0671": "\u0627",
  "\u0672": "\u0627",
  "\u0673": "\u0627",
  // alef maqsura ى → ي ; Persian yeh ی → ي
  "\u0649": "\u064A",
  "\u06CC": "\u064A",
  // ta marbuta ة → ه ; Persian heh forms
  "\u0629": "\u0647",
  "\u06C0": "\u0647",
  "\u06C1": "\u0647",
  "\u06D5": "\u0647",
  // hamza on waw / yeh → bare hamza (مسؤول / مسئول)
  "\u0624": "\u0621",
  "\u0626": "\u0621",
  // Persian keheh ک → ك
  "\u06A9": "\u0643",
  // Arabic punctuation
  "\u060C": ",",
  "\u061B": ";",
  "\u061F": "?",
  "\u066A": "%",
  "\u066B": ".",
  "\u066C": ",",
  "\u06D4": ".",
  "\u00AB": '"',
  "\u00BB": '"',
  "\u201C": '"',
  "\u201D": '"',
  "\u2018": "'",
  "\u2019": "'",
  "\u00A0": " ",
};

/** Normalises one code point (already NFKC-folded when a presentation form). */
function mapChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  // Arabic-Indic ٠-٩ and Persian ۰-۹ digits → ASCII
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(48 + code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(48 + code - 0x06f0);
  if (ch === TATWEEL || DIACRITIC.test(ch) || FORMAT.test(ch)) return "";
  const mapped = LETTER_MAP[ch];
  if (mapped !== undefined) return mapped;
  if (code < 0x80) return ch.toLowerCase();
  return ch;
}

/** Presentation forms (ﻻ ﷲ ﺍ…) and other compatibility characters fold with NFKC. */
function isCompat(code: number): boolean {
  return (code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfefe) || code === 0xfdf2;
}

export interface Normalized {
  /** The normalised text. */
  text: string;
  /** map[i] = UTF-16 offset in the original of normalised char i; map[text.length] = original end. */
  map: number[];
}

/** Normalises `text` for matching; offsets in the result point into `text` (plus `base`). */
export function normalizeWithMap(text: string, base = 0): Normalized {
  let out = "";
  const map: number[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    let ch = text.slice(i, i + width);
    let consumed = width;
    // a letter followed by a combining hamza/madda composes (ا + ٔ → أ, و + ٔ → ؤ)
    const next = text.charCodeAt(i + width);
    if (next >= 0x0653 && next <= 0x0655) {
      const composed = (ch + text[i + width]).normalize("NFC");
      if (composed.length === 1) {
        ch = composed;
        consumed += 1;
      }
    }
    if (consumed === 1 && !isCompat(code)) {
      // the common case: one UTF-16 unit, a table lookup
      const norm = simple(code);
      for (let k = 0; k < norm.length; k++) {
        out += norm[k];
        map.push(base + i);
      }
      i += 1;
      continue;
    }
    const folded = isCompat(code) ? ch.normalize("NFKC") : ch;
    for (const part of folded) {
      const norm = mapChar(part);
      for (let k = 0; k < norm.length; k++) {
        out += norm[k];
        map.push(base + i);
      }
    }
    i += consumed;
  }
  map.push(base + text.length);
  return { text: out, map };
}

/**
 * Per-UTF-16-unit replacement for the common case (no compatibility form, no combining hamza), filled
 * as characters are met. Allocated whole: an empty array written at Arabic code points (0x0600…)
 * becomes a dictionary, and every lookup a hash-table probe.
 */
const TABLE: Array<string | undefined> = new Array(0x10000).fill(undefined);
function simple(code: number): string {
  let r = TABLE[code];
  if (r === undefined) {
    r = mapChar(String.fromCharCode(code));
    TABLE[code] = r;
  }
  return r;
}

/**
 * Does every UTF-16 unit of `text` normalise to exactly one unit ("وبالحكومة": yes; "وأعلنَتْ",
 * "الـحكومة", "ﻻ": no)? Then normalised offset i is original offset i, and no map is needed.
 */
export function oneToOne(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (needsFullPath(code, text.charCodeAt(i + 1)) || simple(code).length !== 1) return false;
  }
  return true;
}

/** Rare cases that `simple` does not cover: surrogates, presentation forms, a combining hamza next. */
function needsFullPath(code: number, next: number): boolean {
  return (code >= 0xd800 && code <= 0xdfff) || isCompat(code) || (next >= 0x0653 && next <= 0x0655);
}

/** Normalised form of a string, for dictionary keys and queries (same result as normalizeWithMap). */
export function normalize(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // rare cases take the full path: surrogates, presentation forms, combining hamza
    if (needsFullPath(code, text.charCodeAt(i + 1))) {
      return out + normalizeWithMap(text.slice(i)).text;
    }
    out += simple(code);
  }
  return out;
}
