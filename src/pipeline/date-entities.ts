import type { EntityOut } from "../document.js";
import { normalize } from "../lang/ar/normalize.js";
import type { Lexicon } from "../lexicon/load.js";
import type { ArticleDoc, DateMention, WorkToken } from "./doc.js";
import { NO_KEYS, tokenKeys } from "./stages/mentions.js";
import { MONTH, mayStart } from "./starts.js";

/**
 * DATE entities: the whole expression a reader would mark, built from the date
 * mentions (which stay split for resolution) plus the words around them:
 *   "أمس" + "الجمعة"        → "أمس الجمعة"        (adjacent mentions join)
 *   "فجر اليوم الجمعة"      → "اليوم الجمعة"      (a time of day is not part of it)
 *   "السبت" + "المقبل"      → "السبت المقبل"      (next / last follows)
 *   "يناير 2016", "أبريل الماضي", "شهر رمضان", "العام الماضي", "عام 2017"
 *                                                 (month and year expressions)
 */

const TIME_OF_DAY = new Set(["فجر", "صباح", "مساء", "ظهر", "ليله", "ليل", "عصر"].map(normalize));
const NEXT_LAST = new Set(["الماضي", "المقبل", "القادم", "الفائت", "الماضيه", "المقبله"].map(normalize));
const YEAR_WORDS = new Set(["عام", "العام", "سنه", "السنه"].map(normalize));
const YEAR_LEADS = new Set(["في", "منذ", "عام", "العام", "حتى", "بحلول"].map(normalize));

interface Span {
  from: number;
  to: number;
  rule: string;
}

const isYear = (t: WorkToken | undefined) => t?.kind === "number" && /^(1[89]|20)\d\d$/.test(t.norm);

/** Month names with a year or "last/next", "شهر رمضان", "العام الماضي", "عام 2017". */
function monthAndYearSpans(tokens: WorkToken[], lexicon: Lexicon, covered: Set<number>): Span[] {
  const out: Span[] = [];
  const trie = lexicon.cueTries.dates;
  const alt = (j: number) => (tokens[j]?.kind === "word" ? tokenKeys(tokens[j]!) : NO_KEYS);
  let sentence = -1;
  const same = (k: number) => tokens[k]?.sentence === sentence;
  for (let i = 0; i < tokens.length; i++) {
    if (covered.has(i)) continue;
    const t = tokens[i]!;
    sentence = t.sentence;
    // only the first word of a month name (of any month-name system) opens a month span
    const opens = mayStart(t, lexicon, MONTH);
    const m = opens ? trie.longest(i, Math.min(tokens.length, i + 4), alt) : null;
    const kind = m?.values[0]?.kind;
    if (m && (kind === "month" || kind === "hijri")) {
      const end = i + m.length;
      const after = tokens[end];
      const lead = tokens[i - 1]?.stem === "شهر" && same(i - 1) ? i - 1 : i;
      if (same(end) && (isYear(after) || NEXT_LAST.has(after?.norm ?? "")))
        out.push({ from: lead, to: end + 1, rule: "date:month" });
      else if (lead < i) out.push({ from: lead, to: end, rule: "date:month" });
      i = end - 1;
      continue;
    }
    if (
      YEAR_WORDS.has(t.norm) &&
      same(i + 1) &&
      (isYear(tokens[i + 1]) || NEXT_LAST.has(tokens[i + 1]!.norm))
    ) {
      out.push({ from: i, to: i + 2, rule: "date:year" });
      i += 1;
    } else if (isYear(t) && YEAR_LEADS.has(tokens[i - 1]?.norm ?? "") && same(i - 1))
      out.push({ from: i, to: i + 1, rule: "date:year" });
  }
  return out;
}

export function dateEntities(doc: ArticleDoc, mentions: DateMention[], lexicon: Lexicon): EntityOut[] {
  const tokens = doc.tokens ?? [];
  const spans: Span[] = [];
  for (const d of mentions) {
    const last = spans[spans.length - 1];
    if (last && last.to === d.tokStart && tokens[last.from]?.sentence === d.sentence) last.to = d.tokEnd;
    else spans.push({ from: d.tokStart, to: d.tokEnd, rule: `date:${d.kind}` });
  }
  for (const s of spans) {
    if (s.to - s.from > 1 && TIME_OF_DAY.has(tokens[s.from]?.stem ?? "")) s.from += 1;
    const after = tokens[s.to];
    if (after && after.sentence === tokens[s.from]?.sentence && NEXT_LAST.has(after.norm)) s.to += 1;
  }
  const covered = new Set<number>();
  for (const s of spans) for (let k = s.from; k < s.to; k++) covered.add(k);
  spans.push(...monthAndYearSpans(tokens, lexicon, covered));
  return spans.map((s) => {
    const first = tokens[s.from]!;
    const last = tokens[s.to - 1]!;
    return {
      text: doc.text.slice(first.start, last.end),
      type: "DATE",
      start: first.start,
      end: last.end,
      sentence: first.sentence,
      actor: null,
      rule: s.rule,
    };
  });
}
