/**
 * Sentence and heading structure, with exact offsets into the original text.
 *
 * A paragraph is a line; inside it, a sentence ends at . ! ? ؟ … (plus any
 * closing quote or bracket) followed by space. A short line without final
 * punctuation that stands between paragraphs is a heading:
 *
 *   "بلينكن سيلتقي بمسؤولين إسرائيليين"   → heading
 *   "قال المتحدث … مع مسؤولين إسرائيليين." → sentence
 */

export interface SentenceUnit {
  index: number;
  start: number;
  end: number;
  heading: boolean;
  text: string;
}

const END = /[.!?\u061F\u2026\u06D4]/;
const CLOSER = /["'\u00BB\u201D\u2019)\]}]/;
const SPACE = /\s/;
const HEADING_MAX_WORDS = 14;
const HEADING_MAX_CHARS = 120;
/** A line ending in one of these is not a heading (it continues or ends a sentence). */
const LINE_FINAL = /[.!?\u061F\u2026\u06D4:\u061B;,\u060C]["'\u00BB\u201D)]*$/;

interface Span {
  start: number;
  end: number;
}

/** Trims white space (and bidi/format marks) from a span; null when nothing is left. */
function trim(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/.test(text[s] ?? "")) s++;
  while (e > s && /[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/.test(text[e - 1] ?? "")) e--;
  return s < e ? { start: s, end: e } : null;
}

/** Is the period at `i` part of an abbreviation or initial ("د. محمد", "U.S.")? */
function isAbbreviation(text: string, i: number, lineStart: number): boolean {
  if (text[i] !== ".") return false;
  let w = i;
  while (w > lineStart && /[\p{L}]/u.test(text[w - 1] ?? "")) w--;
  return i - w === 1; // a single letter before the period
}

function splitLine(text: string, line: Span): Span[] {
  const out: Span[] = [];
  let s = line.start;
  for (let i = line.start; i < line.end; i++) {
    if (!END.test(text[i] ?? "")) continue;
    let j = i + 1;
    while (j < line.end && (END.test(text[j] ?? "") || CLOSER.test(text[j] ?? ""))) j++;
    if (j < line.end && !SPACE.test(text[j] ?? "")) continue;
    if (isAbbreviation(text, i, line.start)) continue;
    const span = trim(text, s, j);
    if (span) out.push(span);
    s = j;
    i = j - 1;
  }
  const rest = trim(text, s, line.end);
  if (rest) out.push(rest);
  return out;
}

function looksLikeHeading(text: string, line: Span): boolean {
  const t = text.slice(line.start, line.end);
  if (t.length > HEADING_MAX_CHARS || LINE_FINAL.test(t)) return false;
  const words = t.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return words > 0 && words <= HEADING_MAX_WORDS;
}

/** Splits `text` into sentences and headings (lines are paragraphs). */
export function splitSentences(text: string): SentenceUnit[] {
  const lines: Span[] = [];
  const re = /\r\n|\n|\r|\u2028|\u2029/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const span = trim(text, last, m.index);
    if (span) lines.push(span);
    last = m.index + m[0].length;
  }
  const tail = trim(text, last, text.length);
  if (tail) lines.push(tail);

  const units: SentenceUnit[] = [];
  lines.forEach((line, li) => {
    // a heading introduces a paragraph: it has a following line
    const heading = li + 1 < lines.length && looksLikeHeading(text, line);
    const spans = heading ? [line] : splitLine(text, line);
    for (const span of spans) {
      units.push({ index: units.length, ...span, heading, text: text.slice(span.start, span.end) });
    }
  });
  return units;
}
