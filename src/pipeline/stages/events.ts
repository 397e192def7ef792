import type { EventOut } from "../../document.js";
import { normalize } from "../../lang/ar/normalize.js";
import { KeyFilter } from "../../lexicon/key-filter.js";
import type { Lexicon } from "../../lexicon/load.js";
import type { EventPattern } from "../../lexicon/types.js";
import type { ArticleDoc, WorkToken } from "../doc.js";
import { matchPattern, type PatternMatch, RECIPROCAL, type SentenceView } from "../match.js";
import { modalityOf } from "../modality.js";
import type { ActorPhrase } from "../phrases.js";
import type { Stage } from "../stage.js";
import { mayStart, PATTERNS } from "../starts.js";
import { assembleEvents, bySentence } from "./assemble.js";
import { tokenKeys } from "./mentions.js";
import { piecesOf } from "./tokens.js";

/**
 * Event coding: every pattern whose first word is in the sentence is tried at
 * that word; the tightest, longest match per trigger wins; then each match is
 * assembled with its source, targets (one event per coordinated actor),
 * modality, date, place, topics and attribution (see assemble.ts).
 */

/** Words that open a new clause: a subject is not sought across them. */
const CLAUSE_OPENERS = new Set(
  // biome-ignore format: a word list
  ["ان", "بان", "لان", "حيث", "بينما", "فيما", "كما", "الذي", "التي", "الذين", "حين", "عندما", "بعدما", "لكن"].map(normalize),
);

const HAMZA_LAM = /^[وف]?[أإآ]ل/;
const DIACRITICS = /[\u064B-\u0652]/g;

export interface Trigger {
  match: PatternMatch;
  sentence: number;
  clauseStart: number;
  modality: ReturnType<typeof modalityOf>;
}

function sentenceView(
  doc: ArticleDoc,
  to: number,
  phrases: ActorPhrase[],
  adjectives: ActorPhrase[],
  dates: Map<number, number>,
): SentenceView {
  const byStart = new Map<number, ActorPhrase[]>();
  const groups = new Map<number, ActorPhrase[]>();
  for (const p of phrases) {
    byStart.set(p.tokStart, [...(byStart.get(p.tokStart) ?? []), p]);
    groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  }
  const adjectivesByStart = new Map(adjectives.map((a) => [a.tokStart, a] as const));
  return {
    tokens: doc.tokens ?? [],
    end: to,
    byStart,
    adjectivesByStart,
    groupOf: (p) => groups.get(p.group) ?? [p],
    datesByStart: dates,
  };
}

/** The start of the clause a token is in: after the last complementizer or relative before it. */
export function clauseStartOf(doc: ArticleDoc, from: number, at: number): number {
  const tokens = doc.tokens ?? [];
  for (let i = at - 1; i > from; i--) {
    const t = tokens[i]!;
    if (CLAUSE_OPENERS.has(t.norm) || CLAUSE_OPENERS.has(t.stem)) return i + 1;
  }
  return from;
}

/**
 * Patterns by first word, then by the other words they need (most patterns share a few), and
 * a filter of the first words (most words open no pattern).
 */
interface PatternIndex {
  byFirst: Map<string, Array<{ needs: string[]; patterns: EventPattern[] }>>;
  firsts: KeyFilter;
}
const indexCache = new WeakMap<Lexicon, PatternIndex>();

function patternIndex(lexicon: Lexicon): PatternIndex {
  let index = indexCache.get(lexicon);
  if (index) return index;
  index = { byFirst: new Map(), firsts: new KeyFilter() };
  for (const [first, patterns] of lexicon.patternsByFirst) {
    index.firsts.add(first);
    const byNeeds = new Map<string, { needs: string[]; patterns: EventPattern[] }>();
    for (const p of patterns) {
      const needs = [...new Set(p.tokens.slice(1).flatMap((t) => (t.kind === "word" ? [t.key] : [])))];
      const id = needs.join(" ");
      const group = byNeeds.get(id) ?? { needs, patterns: [] };
      group.patterns.push(p);
      byNeeds.set(id, group);
    }
    index.byFirst.set(first, [...byNeeds.values()]);
  }
  indexCache.set(lexicon, index);
  return index;
}

/** Patterns starting with `key` whose other words all occur in the sentence (the others cannot match). */
function candidates(index: PatternIndex, key: string, present: { has(w: string): boolean }): EventPattern[] {
  if (!index.firsts.mayHave(key)) return NO_PATTERNS;
  const groups = index.byFirst.get(key);
  if (!groups) return NO_PATTERNS;
  let out: EventPattern[] | null = null;
  for (const group of groups) {
    let all = true;
    for (const w of group.needs)
      if (!present.has(w)) {
        all = false;
        break;
      }
    if (!all) continue;
    if (!out) out = [];
    for (const p of group.patterns) out.push(p);
  }
  return out ?? NO_PATTERNS;
}
const NO_PATTERNS: EventPattern[] = [];

function sentenceKeys(tokens: WorkToken[], from: number, to: number): Set<string> {
  const out = new Set<string>();
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.kind === "word") for (const key of tokenKeys(t)) out.add(key);
  }
  return out;
}

/** Roots whose verbs take an action as their content: appeal, intent, demand, accuse, reject, threaten. */
const CONTENT_ROOTS = /^(02|03|09|10|11|12|13)/;

const contentVerbCache = new WeakMap<Lexicon, Set<string>>();

/** First words of verb patterns of the content roots (أدان، طالب، اتهم …). */
function contentVerbs(lexicon: Lexicon): Set<string> {
  let set = contentVerbCache.get(lexicon);
  if (!set) {
    set = new Set();
    for (const p of lexicon.patterns) {
      const first = p.tokens[0];
      // "اتفقت على إعادة العلاقات مع الدوحة": what sides agree on is coded in its own right
      if (
        first?.kind === "word" &&
        p.form === "verb" &&
        CONTENT_ROOTS.test(p.cameo) &&
        !RECIPROCAL.has(first.key)
      )
        set.add(first.key);
    }
    contentVerbCache.set(lexicon, set);
  }
  return set;
}

/** Words that frame cooperation as a topic or a standing relation: سبل، تعزيز، علاقات، مجالات … */
const TOPIC_FRAMES = new Set(
  // biome-ignore format: a word list
  ["سبل", "آفاق", "تعزيز", "دعم", "تطوير", "توطيد", "تدعيم", "دفع", "علاقات", "مجال", "مجالات", "مسائل", "ملفات", "اطار", "بحث", "مناقشة", "تناول", "تمتين", "ظل", "مستوى", "حجم"].map(normalize),
);

/** Adjectives of a standing relation: "في ظل التعاون الأمني الوثيق بين تونس والمملكة المتحدة". */
const STANDING = new Set(["وثيق", "قائم", "متميز", "متين", "تاريخي", "ممتاز", "مثمر"].map(normalize));

/** Is the cooperation noun at i framed as a topic ("سبل تعزيز التعاون", "في إطار التعاون")? */
function isTopic(tokens: WorkToken[], i: number, sentence: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const w = tokens[k]!;
    if (w.sentence !== sentence || w.kind !== "word") return false;
    if (TOPIC_FRAMES.has(w.stem) || TOPIC_FRAMES.has(w.stem.replace(/^ال/, ""))) return true;
  }
  // … or described as a standing relation right after it ("التعاون الأمني الوثيق")
  for (let k = i + 1; k <= i + 3; k++) {
    const w = tokens[k];
    if (w?.sentence !== sentence || w.kind !== "word") return false;
    if (STANDING.has(w.stem.replace(/^ال/, ""))) return true;
  }
  return false;
}

/** Words of readiness and resolve: the verbal noun after them is their content (coded as 03). */
const READINESS = new Set(["استعداد", "مستعد", "مستعده", "مستعدون", "مستعدين", "عزم", "نيه"].map(normalize));

/** Is the verbal noun at i the complement ("بـ / لـ / إلى …") of a content verb just before it? */
function isComplement(
  tokens: WorkToken[],
  i: number,
  found: Trigger[],
  sentence: number,
  verbs: ReadonlySet<string>,
): boolean {
  const t = tokens[i]!;
  // "استعدادها للانخراط في مفاوضات مع إسرائيل": what one is ready for has not happened
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const w = tokens[k]!;
    if (w.sentence !== sentence) break;
    if (READINESS.has(w.stem) || READINESS.has(w.stem.replace(/^ال/, ""))) return true;
  }
  // "يحقق في هجمات على المدنيين", "لجنة تحقيق في مقتل المحتجين": what is investigated is its content
  if (tokens[i - 1]?.norm === "في")
    for (let k = found.length - 1; k >= 0 && found[k]!.sentence === sentence; k--) {
      const f = found[k]!;
      if (f.match.pattern.cameo.startsWith("09") && f.match.trigger < i && i - f.match.end <= 6) return true;
    }
  const marked =
    !!piecesOf(t)?.proclitics.some((x) => x.norm === "ب" || x.norm === "ل") ||
    tokens[i - 1]?.norm === "الي" ||
    tokens[i - 1]?.norm === "علي";
  if (!marked) return false;
  // "ندد المجلس باستهداف المدنيين": the verb need not have been coded itself
  for (let k = i - 1; k >= Math.max(0, i - 6); k--) {
    const w = tokens[k]!;
    if (w.sentence !== sentence || w.kind !== "word") break;
    if (!piecesOf(w)?.proclitics.some((x) => x.norm === "ال") && tokenKeys(w).some((key) => verbs.has(key)))
      return true;
  }
  // the latest trigger of this sentence before i (found is in text order: stop at earlier sentences)
  let head: Trigger | undefined;
  for (let k = found.length - 1; k >= 0 && found[k]!.sentence === sentence; k--)
    if (found[k]!.match.trigger < i) {
      head = found[k];
      break;
    }
  const headVerb = head?.match.pattern.tokens[0];
  return (
    !!head &&
    head.match.pattern.form !== "noun" &&
    CONTENT_ROOTS.test(head.match.pattern.cameo) &&
    !(headVerb?.kind === "word" && RECIPROCAL.has(headVerb.key)) &&
    i - head.match.end <= 6
  );
}

/**
 * A token's keys, plus the verb under a written pronoun ه that normalisation made look like ة:
 * "استضافه" (hosted it) is not "استضافة" (hosting), and "اعتقله" is "اعتقل" + ه.
 */
function triggerKeys(t: WorkToken): readonly string[] {
  const keys = tokenKeys(t);
  const verb = underPronoun(t);
  return verb ? [...keys, verb] : keys;
}

function underPronoun(t: WorkToken): string | null {
  if (piecesOf(t)?.enclitics.length || !t.text.endsWith("ه") || t.norm.length < 5) return null;
  return t.norm.slice(0, -1);
}

/** Does the verb under a written ه start a pattern ("استضافه")? Then the token is tried. */
function pronounVerb(t: WorkToken, index: PatternIndex): boolean {
  const verb = underPronoun(t);
  return !!verb && index.byFirst.has(verb);
}

function modalityAt(doc: ArticleDoc, from: number, i: number, lexicon: Lexicon): string {
  const clauseStart = clauseStartOf(doc, from, i);
  return modalityOf(doc.tokens ?? [], i, clauseStart, false, lexicon).modality;
}

export function findTriggers(doc: ArticleDoc, lexicon: Lexicon): Trigger[] {
  const tokens = doc.tokens ?? [];
  const bounds = doc.sentenceTokens ?? [];
  const actors = (doc.actors ?? []).filter((a) => a.code);
  const cueTokens = new Set<number>();
  for (const a of doc.attributions ?? []) for (let k = a.cueStart; k < a.cueEnd; k++) cueTokens.add(k);
  const out: Trigger[] = [];
  const index = patternIndex(lexicon);
  const phrasesBySentence = bySentence(actors, (a) => a.head !== "adjective");
  const adjectivesBySentence = bySentence(actors, (a) => a.head === "adjective");
  const datesBySentence = new Map<number, Map<number, number>>();
  for (const d of doc.dates ?? []) {
    const m = datesBySentence.get(d.sentence) ?? new Map<number, number>();
    m.set(d.tokStart, d.tokEnd);
    datesBySentence.set(d.sentence, m);
  }
  for (let s = 0; s + 1 < bounds.length; s++) {
    const from = bounds[s]!;
    const to = bounds[s + 1]!;
    // an adjective names an actor only as the agent of a verbal noun (see assemble.ts)
    const phrases = phrasesBySentence.get(s) ?? [];
    const covered = new Set<number>();
    for (const p of phrases)
      if (p.head !== "pointer") for (let k = p.tokStart; k < p.tokEnd; k++) covered.add(k);
    // built when a pattern is first tried: most sentences have no candidate at all
    let view: SentenceView | null = null;
    const used = new Set<number>();
    // every match key in the sentence, built once when a pattern first needs it
    let keys: Set<string> | null = null;
    const present = {
      has(w: string) {
        keys ??= sentenceKeys(tokens, from, to);
        return keys.has(w);
      },
    };
    for (let i = from; i < to; i++) {
      const t = tokens[i]!;
      if (t.kind !== "word" || (!mayStart(t, lexicon, PATTERNS) && !pronounVerb(t, index))) continue;
      if (covered.has(i) || cueTokens.has(i) || used.has(i)) continue;
      let best: PatternMatch | null = null;
      // a verb never carries the article: "الزار" (a surname) is not "زار" (visited)
      const pro = piecesOf(t)?.proclitics;
      // (a hamza says it is no article: "أُلقي القبض", "ألغت الحكومة")
      const definite =
        (!!pro?.some((p) => p.norm === "ال") || t.stem.startsWith("ال")) &&
        !HAMZA_LAM.test(t.text.replace(DIACRITICS, ""));
      const prepositional = !!pro?.some((p) => p.norm === "ب" || p.norm === "ك");
      for (const key of triggerKeys(t)) {
        for (const pattern of candidates(index, key, present)) {
          const first = pattern.tokens[0];
          if (definite && pattern.form !== "noun" && first?.kind === "word" && !first.text.startsWith("ال"))
            continue;
          // nor a preposition: "بطلب من مصر" (at Egypt's request) is no "طلب من" (asked)
          if (prepositional && pattern.form !== "noun") continue;
          // "لن تقبل بأي شروط": a pattern read only under negation
          if (pattern.only && modalityAt(doc, from, i, lexicon) !== pattern.only) continue;
          view ??= sentenceView(
            doc,
            to,
            phrases,
            adjectivesBySentence.get(s) ?? [],
            datesBySentence.get(s) ?? new Map(),
          );
          const m = matchPattern(pattern, i, view);
          if (!m) continue;
          // … wins over the same words read as asserted
          const score = (x: PatternMatch) =>
            x.words.length * 10 + (x.targets.length ? 5 : 0) - x.slack + (x.pattern.only ? 1 : 0);
          if (!best || score(m) > score(best)) best = m;
        }
      }
      if (!best) continue;
      // "طالب غوتيريش بالإفراج عن الموظفين": what a demand, appeal or accusation asks for is its
      // content, not an event that happened (the demand itself is coded)
      if (best.pattern.form === "noun" && isComplement(tokens, i, out, s, contentVerbs(lexicon))) continue;
      // "لبحث سبل دفع علاقات التعاون الثنائي بين البلدين": cooperation named as a topic or a state of
      // relations is not an act of cooperation
      if (best.pattern.form === "noun" && /^0[56]/.test(best.pattern.cameo) && isTopic(tokens, i, s))
        continue;
      for (const w of best.words) used.add(w);
      const clauseStart = clauseStartOf(doc, from, i);
      out.push({
        match: best,
        sentence: s,
        clauseStart,
        // (an intent promised for later keeps its future: "ستعمل الولايات المتحدة مع فرنسا")
        modality: best.pattern.only
          ? {
              modality:
                best.pattern.only === "future" && best.pattern.cameo.startsWith("03") ? "future" : "asserted",
              rule: `modality:${best.pattern.only}-is-the-event`,
            }
          : modalityOf(tokens, i, clauseStart, best.pattern.form === "noun", lexicon),
      });
    }
  }
  return out;
}

export const eventsStage: Stage<{ lexicon: Lexicon }> = {
  name: "events",
  needs: ["tokens", "actors", "attributions", "dates"],
  adds: ["events", "attributions"],
  run(doc, ctx) {
    const events: EventOut[] = assembleEvents(doc, findTriggers(doc, ctx.lexicon), ctx.lexicon);
    doc.events = events;
    // assembly adds the words of speech acts ("حذر هانت من أن …"): keep attributions in text order
    doc.attributions?.sort((a, b) => a.sentence - b.sentence || a.cueStart - b.cueStart);
  },
};
