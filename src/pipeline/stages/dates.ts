import {
  CalendarDate,
  GregorianCalendar,
  IslamicUmalquraCalendar,
  toCalendar,
} from "@internationalized/date";
import type { Lexicon } from "../../lexicon/load.js";
import { dateEntities } from "../date-entities.js";
import type { ArticleDoc, DateMention, WorkToken } from "../doc.js";
import type { Stage } from "../stage.js";
import { DATES, mayStart } from "../starts.js";
import { NO_KEYS, tokenKeys } from "./mentions.js";

/**
 * Date expressions, resolved against the publication date:
 *   "يوم الخميس" (published Thu 2024-06-27, future event) → 2024-06-27
 *   "أمس" → the day before publication;  "الأسبوع الماضي" → seven days before
 *   "7 أكتوبر" / "7 تشرين الأول" / "7 أوت 2023" → that day (the year of publication
 *     unless given; "منذ 7 أكتوبر" → the latest such day before publication)
 *   "15 رمضان 1445" → converted from the Hijri (Umm al-Qura) calendar
 */

const SINCE = new Set(["منذ", "مند"]);

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function parseDay(s: string | null): Date | null {
  if (!s) return null;
  const d = new Date(`${s}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86_400_000);
}

function validYmd(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? iso(date) : null;
}

/** Resolves a date mention; `future` picks the next weekday instead of the last. */
export function resolveDate(m: DateMention, published: string | null, future: boolean): string | null {
  const pub = parseDay(published);
  if (m.kind === "explicit") {
    if (m.year) return validYmd(m.year, m.month!, m.day!);
    if (!pub) return null;
    let y = pub.getUTCFullYear();
    const candidate = validYmd(y, m.month!, m.day!);
    // "منذ 7 أكتوبر" and past events: the latest such day not after publication
    if (candidate && candidate > iso(pub) && (m.since || !future)) y -= 1;
    return validYmd(y, m.month!, m.day!);
  }
  if (m.kind === "hijri") {
    if (!m.year) return null;
    try {
      const h = new CalendarDate(new IslamicUmalquraCalendar(), m.year, m.month!, m.day!);
      return toCalendar(h, new GregorianCalendar()).toString();
    } catch {
      return null;
    }
  }
  if (!pub) return null;
  if (m.kind === "relative") return iso(addDays(pub, m.offset ?? 0));
  if (m.kind === "week") return iso(addDays(pub, 7 * (m.offset ?? 0)));
  if (m.kind === "monthrel") {
    const d = new Date(Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth() + (m.offset ?? 0), 1));
    return iso(d).slice(0, 7) + "-01";
  }
  // weekday: the last such day on or before publication, or the next on or after it for future events
  const want = m.weekday ?? 0;
  const have = pub.getUTCDay();
  const delta = future ? (want - have + 7) % 7 : -((have - want + 7) % 7);
  return iso(addDays(pub, delta));
}

export function findDates(doc: ArticleDoc, lexicon: Lexicon): DateMention[] {
  const tokens = doc.tokens ?? [];
  const bounds = doc.sentenceTokens ?? [];
  const out: DateMention[] = [];
  const trie = lexicon.cueTries.dates;
  const alt = (j: number) => (tokens[j]?.kind === "word" ? tokenKeys(tokens[j]!) : NO_KEYS);
  for (let i = 0; i < tokens.length; i++) {
    // a date expression lies inside one sentence
    const sentence = tokens[i]!.sentence;
    const to = bounds[sentence + 1] ?? tokens.length;
    let m = mayStart(tokens[i], lexicon, DATES) ? trie.longest(i, to, alt) : null;
    if (!m) continue;
    const same = (t: WorkToken | undefined): t is WorkToken => t?.sentence === sentence;
    // bare "يوم" is "day" (يوم الخميس), not "اليوم" (today): only the article makes it today
    if (tokens[i]!.norm === "يوم" || tokens[i]!.stem === "يوم") {
      const next = trie.longest(i + 1, to, alt);
      if (next?.values[0]?.kind === "weekday") {
        i += 1;
        m = next;
      } else if (m.length === 1 && !tokens[i]!.norm.includes("اليوم")) continue;
    }
    const cue = m.values[0]!;
    let start = i;
    let end = i + m.length;
    const mention: DateMention = {
      tokStart: i,
      tokEnd: end,
      sentence: tokens[i]!.sentence,
      kind: "relative",
      text: "",
      since: false,
    };
    const value = Number(cue.value);
    if (cue.kind === "month" || cue.kind === "hijri") {
      const before = tokens[i - 1];
      const day = before?.kind === "number" ? Number(before.norm) : Number.NaN;
      // a day is a whole number ("3.5 رمضان" is no date)
      if (!(Number.isInteger(day) && day >= 1 && day <= 31) || before?.sentence !== tokens[i]!.sentence) {
        i = end - 1;
        continue;
      }
      start = i - 1;
      const after = tokens[end];
      const year =
        same(after) && after.kind === "number" && /^\d{4}$/.test(after.norm) ? Number(after.norm) : null;
      if (year) end += 1;
      Object.assign(mention, { kind: cue.kind === "month" ? "explicit" : "hijri", day, month: value, year });
    } else if (cue.kind === "weekday") {
      Object.assign(mention, { kind: "weekday", weekday: value });
      if (same(tokens[i - 1]) && tokens[i - 1]?.stem === "يوم") start = i - 1;
    } else {
      Object.assign(mention, { kind: cue.kind as DateMention["kind"], offset: value });
    }
    const prev = tokens[start - 1];
    if (same(prev) && SINCE.has(prev.stem)) mention.since = true;
    mention.tokStart = start;
    mention.tokEnd = end;
    const first = tokens[start]!;
    mention.text = doc.text.slice(first.start, tokens[end - 1]!.end);
    mention.start = first.start;
    mention.end = tokens[end - 1]!.end;
    out.push(mention);
    i = end - 1;
  }
  return out;
}

export const datesStage: Stage<{ lexicon: Lexicon }> = {
  name: "dates",
  needs: ["tokens", "sentenceTokens"],
  adds: ["dates", "entities"],
  run(doc, ctx) {
    doc.dates = findDates(doc, ctx.lexicon);
    const entities = doc.entities ?? [];
    entities.push(...dateEntities(doc, doc.dates, ctx.lexicon));
    entities.sort((a, b) => a.start - b.start || b.end - a.end);
    doc.entities = entities;
  },
};
