import { normalize } from "../lang/ar/normalize.js";
import type { EventPattern, PatternToken } from "../lexicon/types.js";
import type { WorkToken } from "./doc.js";
import { type ActorPhrase, isPlace } from "./phrases.js";
import { tokenKeys } from "./stages/mentions.js";
import { piecesOf } from "./stages/tokens.js";

/**
 * Matching one event pattern at a trigger token, aware of actor phrases:
 * a gap (`*`) or the subject slot after a verb may skip a whole actor phrase,
 * and `{T}` takes the actor phrase (with its coordinated group) found there.
 *
 *   "ستتواصل وزارة الخارجية الأمريكية بنشاط مع حكومات مصر وقطر"
 *    pattern "تواصل مع {T}": verb, subject skipped (+1 word), مع, target group
 */

/** Verbs of agreeing: done by two sides together (stages/assemble.ts), never a frame for content. */
export const RECIPROCAL = new Set(["اتفق", "اتفقت", "اتفقوا", "اتفقا", "يتفق"].map(normalize));

export interface PatternMatch {
  pattern: EventPattern;
  trigger: number;
  /** Token indexes matched by the pattern's words. */
  words: number[];
  end: number;
  targets: ActorPhrase[];
  /** Actor phrases skipped inside the match (subjects, genitives). */
  skipped: ActorPhrase[];
  /** Number of tokens skipped: fewer is a tighter match. */
  slack: number;
  /** The object slot found no actor ("أدانت مصر الغارات"): assembly may resolve it from context. */
  open?: boolean;
}

/** Verbs of judging whose object may be an earlier event instead of an actor (CAMEO 11, 12). */
const JUDGING = /^1[12]/;

export interface SentenceView {
  tokens: WorkToken[];
  end: number;
  /** Actor phrases by their first token. */
  byStart: Map<number, ActorPhrase[]>;
  /** Nationality adjectives by their first token ("الهجوم الإسرائيلي"): the agent of the noun they follow. */
  adjectivesByStart?: Map<number, ActorPhrase>;
  /** Phrases coordinated with a phrase (same group), in order. */
  groupOf(p: ActorPhrase): ActorPhrase[];
  /** Date expressions by first token → end ("أمس الثلاثاء"): skipped like one word, at no cost. */
  datesByStart?: Map<number, number>;
}

/** Nouns of a statement after a subject: "دعت السعودية في بيان لوزارة خارجيتها البلدين إلى …". */
const STATEMENT_NOUNS = new Set([
  "بيان",
  "تصريح",
  "تصريحات",
  "كلمه",
  "مؤتمر",
  "رساله",
  "تغريده",
  "مقابله",
  "حديث",
]);

/**
 * Past what may follow a verb's subject before its object: a name in apposition
 * ("رئيسة البعثة جينين هينيس بلاسخارت"), a date, and "في بيان …" up to the next actor.
 */
function pastAdjuncts(view: SentenceView, j: number): number {
  let k = pastDates(view, j);
  const named = view.byStart.get(k)?.find((p) => p.head === "person");
  if (named && k === j) k = pastDates(view, named.tokEnd);
  // "وقع الطرفان في مدينة جدة مساء أمس إعلانا": where it happened
  if (view.tokens[k]?.norm === "في") {
    const place = [k + 1, k + 2].flatMap((q) => view.byStart.get(q) ?? []).find(isPlace);
    if (place) k = pastDates(view, place.tokEnd);
  }
  const t = view.tokens[k];
  const next = view.tokens[k + 1];
  if (t?.stem === "في" && next && tokenKeys(next).some((key) => STATEMENT_NOUNS.has(key))) {
    // past its adjectives and genitives: "في بيان لوزارة خارجيتها", "في كلمته الافتتاحية"
    let q = k + 2;
    while (q < view.end && q < k + 7) {
      const w = view.tokens[q]!;
      if (w.kind !== "word") break;
      const pro = piecesOf(w)?.proclitics.map((x) => x.norm) ?? [];
      const genitive = pro.includes("ل") || (pro.length === 0 && w.norm.startsWith("لل"));
      const adjective = pro.every((x) => x === "ال") && (pro.includes("ال") || w.norm.startsWith("ال"));
      const phrase = view.byStart.get(q)?.[0];
      if (genitive && phrase) q = phrase.tokEnd;
      else if (adjective && !phrase) q++;
      else if (genitive) q++;
      else break;
    }
    return q;
  }
  return k;
}

/** Past date expressions starting at j ("شن الجيش فجر أمس الثلاثاء غارات"). */
function pastDates(view: SentenceView, j: number): number {
  let k = j;
  for (let guard = 0; guard < 3; guard++) {
    const end = view.datesByStart?.get(k) ?? view.datesByStart?.get(k + 1);
    if (end === undefined) break;
    // "فجر أمس", "مساء الثلاثاء": one word of day-time may lead a date
    k = end;
  }
  return k;
}

const PREP_PROCLITICS = new Set(["ب", "ل", "ك"]);
const LOCATIVE = new Set(["في", "قرب", "داخل"]);
const RELATIVES = new Set(["الذي", "التي"]);

function hasKey(t: WorkToken | undefined, key: string): boolean {
  return !!t && t.kind === "word" && tokenKeys(t).includes(key);
}

/** "ب" / "ل" / "ك" on a token, if any. */
export function prepOf(t: WorkToken | undefined): string | null {
  const p = piecesOf(t)?.proclitics.find((x) => PREP_PROCLITICS.has(x.norm));
  return p ? p.norm : null;
}

/** Skips possible at token j: n plain tokens, or an actor phrase plus n tokens. */
function skips(
  view: SentenceView,
  j: number,
  plain: number,
  phraseExtra: number,
): Array<{ to: number; phrase?: ActorPhrase; slack: number }> {
  const out: Array<{ to: number; phrase?: ActorPhrase; slack: number }> = [];
  for (let n = 0; n <= plain && j + n <= view.end; n++) out.push({ to: j + n, slack: n });
  const dated = pastDates(view, j);
  if (dated > j)
    for (let n = 0; n <= plain && dated + n <= view.end; n++) out.push({ to: dated + n, slack: n });
  // the subject may be "the representatives / leaders of" an actor: "وقع ممثلو الجيش والدعم السريع"
  const heads = view.tokens[j]?.kind === "word" && !view.byStart.has(j) ? [j, j + 1] : [j];
  for (const at of heads) {
    for (const p of view.byStart.get(at) ?? []) {
      const group = view.groupOf(p);
      const last = group[group.length - 1] ?? p;
      const after = pastAdjuncts(view, last.tokEnd);
      const cost = at - j;
      for (let n = 0; n <= phraseExtra && last.tokEnd + n <= view.end; n++)
        out.push({ to: last.tokEnd + n, phrase: p, slack: n + cost });
      if (after > last.tokEnd)
        for (let n = 0; n <= phraseExtra && after + n <= view.end; n++)
          out.push({ to: after + n, phrase: p, slack: n + cost });
    }
  }
  return out;
}

/** Does a word in [from, to) say where ("في", "قرب")? Then what follows is the place, not the party hit. */
function crossesLocative(view: SentenceView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (LOCATIVE.has(view.tokens[k]?.norm ?? "")) return true;
  return false;
}

function slotPhrase(
  view: SentenceView,
  j: number,
  prep: string | null,
  attack = false,
): { phrase: ActorPhrase; at: number } | null {
  for (let n = 0; n <= 4 && j + n < view.end; n++) {
    for (const p of view.byStart.get(j + n) ?? []) {
      const first = view.tokens[p.tokStart];
      const pp = prepOf(first);
      // "استقبل الملك في عمان وزير الخارجية": a place after في is where, not whom — except for
      // attacks, where it is what was hit ("قصفت المدفعية بلدات في جنوب لبنان")
      if (!prep && LOCATIVE.has(view.tokens[p.tokStart - 1]?.norm ?? "") && !attack) continue;
      // what an attack hits may stand further: "على مناطق متفرقة من قطاع غزة"
      const far = attack && !crossesLocative(view, j, j + n);
      if ((n <= 2 || far) && (prep ? pp === prep : !pp)) return { phrase: p, at: j + n };
      // the target owns the thing hit: "على أهداف تابعة لجماعة الحوثي", "على مواقع للحوثيين"
      if (n >= 1 && !prep && pp === "ل") return { phrase: p, at: j + n };
      // the prepositional noun belongs to the target: "أشاد بدور مصر", "رحبت بقرار مجلس الأمن"
      if (n === 1 && prep && !pp && prepOf(view.tokens[j]) === prep) return { phrase: p, at: j + n };
      // … or the subject of a relative clause on it: "أشاد بالدور الذي أداه نظيره المصري"
      if (
        n >= 3 &&
        prep &&
        !pp &&
        prepOf(view.tokens[j]) === prep &&
        RELATIVES.has(view.tokens[j + 1]?.norm ?? "")
      )
        return { phrase: p, at: j + n };
    }
    // a target is not sought across another pattern word or punctuation (a nationality just before
    // it still is, below: "رحبت مصر بالمبادرة الإثيوبية.")
    if (view.tokens[j + n]?.kind !== "word") break;
  }
  // no actor: an object noun with a nationality names its agent, "أدان الهجوم الإسرائيلي" → ISR;
  // what an attack hits may be described at length ("استهدفوا بالصواريخ الموجهة عدة مواقع عسكرية إسرائيلية")
  const reach = attack && !prep ? 6 : 2;
  for (let n = 1; n <= reach && j + n < view.end; n++) {
    if (n > 2 && crossesLocative(view, j, j + n)) return null;
    if (view.tokens[j + n - 1]?.kind !== "word") return null;
    const adjective = view.adjectivesByStart?.get(j + n);
    // "ندد بالقصف الإسرائيلي": the nationality of the prepositional noun
    if (
      adjective &&
      (n <= 2 || prepOf(view.tokens[j + n - 1]) === null) &&
      (!prep || (n === 1 && prepOf(view.tokens[j]) === prep))
    )
      return { phrase: adjective, at: j + n };
  }
  return null;
}

/**
 * The object of a VSO clause found from its right edge: the actor group that ends just
 * before the pattern's next word, with another actor (the subject) between it and the verb.
 */
function rightAnchored(
  view: SentenceView,
  j: number,
  nextKey: string,
): { subject: ActorPhrase; object: ActorPhrase[] } | null {
  const limit = Math.min(view.end, j + 18);
  let q = j + 1;
  while (q < limit && !hasKey(view.tokens[q], nextKey)) {
    const t = view.tokens[q]!;
    // a hyphen inside a name is no boundary; other punctuation is
    if (t.kind !== "word" && t.text !== "-") return null;
    q++;
  }
  if (q >= limit) return null;
  let object: ActorPhrase[] | null = null;
  let subject: ActorPhrase | null = null;
  for (let k = j; k < q; k++) {
    for (const p of view.byStart.get(k) ?? []) {
      const group = view.groupOf(p);
      if (group[group.length - 1]?.tokEnd === q && group[0] === p && k > j) object ??= group;
      if (k === j) subject ??= p;
    }
  }
  if (!object || !subject || object.includes(subject)) return null;
  return { subject, object };
}

/** Adjectives that may stand between a noun and its complement: "وقف فوري لإطلاق النار". */
const MODIFIERS = new Set(
  ["فوري", "عاجل", "كامل", "شامل", "تام", "دائم", "نهائي", "مشروط", "غير", "جديد", "مؤقت", "جزئي"].map(
    normalize,
  ),
);

/**
 * Where the next fixed word of a pattern may stand: right here, or past up to three adjectives
 * ("الإفراج الفوري وغير المشروط عن", "انسحاب كامل من"), one unit of slack each. An actor or a
 * nationality is never skipped as a modifier.
 */
function modifierSkips(
  view: SentenceView,
  j: number,
): Array<{ to: number; slack: number; phrase?: ActorPhrase }> {
  const out: Array<{ to: number; slack: number; phrase?: ActorPhrase }> = [{ to: j, slack: 0 }];
  for (let q = j; q < Math.min(view.end, j + 3); q++) {
    const t = view.tokens[q]!;
    if (t.kind !== "word" || view.byStart.has(q) || view.adjectivesByStart?.has(q)) break;
    const stem = t.stem.replace(/^ال/, "");
    if (!MODIFIERS.has(stem) && !MODIFIERS.has(stem.replace(/ا$/, ""))) break;
    out.push({ to: q + 1, slack: q + 1 - j });
  }
  return out;
}

/** The first word with `key` 4–10 tokens on, past a span that holds an actor (a long subject). */
function longSubject(
  view: SentenceView,
  j: number,
  key: string,
): { to: number; subject: ActorPhrase } | null {
  let subject: ActorPhrase | null = null;
  for (let q = j; q < Math.min(view.end, j + 10); q++) {
    const t = view.tokens[q]!;
    if (t.kind !== "word" && t.text !== "-") return null;
    if (q >= j + 4 && subject && hasKey(t, key)) return { to: q, subject };
    subject ??= view.byStart.get(q)?.[0] ?? null;
  }
  return null;
}

export function matchPattern(
  pattern: EventPattern,
  trigger: number,
  view: SentenceView,
): PatternMatch | null {
  const els = pattern.tokens;
  const best: { m: PatternMatch | null } = { m: null };
  const walk = (k: number, j: number, acc: PatternMatch) => {
    if (k === els.length) {
      if (!best.m || acc.slack < best.m.slack) best.m = { ...acc, end: j };
      return;
    }
    const el = els[k] as PatternToken;
    const prev = els[k - 1];
    if (el.kind === "word") {
      // after the verb, its subject may stand before the rest of the pattern (VSO)
      const afterTrigger = k === 1;
      // a participle has no subject to skip: "مطالبا بغداد بتعويض واشنطن"
      const participle = pattern.form === "participle";
      const plain = afterTrigger ? (pattern.form === "noun" ? 2 : participle ? 0 : 1) : 0;
      const extra = afterTrigger && pattern.form !== "noun" && !participle ? 1 : 0;
      const options =
        prev?.kind === "gap"
          ? [{ to: j, slack: 0 }]
          : afterTrigger
            ? skips(view, j, plain, extra)
            : modifierSkips(view, j);
      for (const o of options) {
        if (!hasKey(view.tokens[o.to], el.key) || o.to >= view.end) continue;
        walk(k + 1, o.to + 1, {
          ...acc,
          words: [...acc.words, o.to],
          slack: acc.slack + o.slack,
          skipped: o.phrase ? [...acc.skipped, o.phrase] : acc.skipped,
        });
      }
    } else if (el.kind === "gap") {
      for (const o of skips(view, j, 3, 3)) {
        walk(k + 1, o.to, {
          ...acc,
          slack: acc.slack + o.slack + 1,
          skipped: o.phrase ? [...acc.skipped, o.phrase] : acc.skipped,
        });
      }
      // a long subject after the verb: "توعد عضو المكتب السياسي للحوثيين محمد البخيتي بأن …"
      const next = els[k + 1];
      if (k === 1 && pattern.form === "verb" && next?.kind === "word") {
        const far = longSubject(view, j, next.key);
        if (far)
          walk(k + 1, far.to, { ...acc, slack: acc.slack + 5, skipped: [...acc.skipped, far.subject] });
      }
    } else {
      // a verb with a direct object: "التقى الرئيس المصري نظيره" — the subject may come first
      const starts =
        k === 1 && pattern.form !== "noun" && pattern.form !== "participle"
          ? skips(view, j, 1, 1)
          : [{ to: j, slack: 0 }];
      for (const o of starts) {
        const found = slotPhrase(view, o.to, el.prep, /^(18|19|20)/.test(pattern.cameo));
        if (!found) continue;
        const group = view.groupOf(found.phrase);
        const last = group[group.length - 1] ?? found.phrase;
        walk(k + 1, last.tokEnd, {
          ...acc,
          targets: group,
          slack: acc.slack + o.slack + (found.at - o.to),
          skipped: o.phrase ? [...acc.skipped, o.phrase] : acc.skipped,
        });
      }
      // a long subject: the object is the actor right before the pattern's next word
      // ("دعت الممثلة الخاصة للأمين العام … في العراق جينين هينيس-بلاسخارت السلطات العراقية إلى")
      const next = els[k + 1];
      if (k === 1 && pattern.form === "verb" && !el.prep && next?.kind === "word") {
        const anchored = rightAnchored(view, j, next.key);
        if (anchored)
          walk(k + 1, anchored.object[anchored.object.length - 1]!.tokEnd, {
            ...acc,
            targets: anchored.object,
            slack: acc.slack + 2,
            skipped: [...acc.skipped, anchored.subject],
          });
      }
    }
  };
  walk(1, trigger + 1, {
    pattern,
    trigger,
    words: [trigger],
    end: trigger + 1,
    targets: [],
    skipped: [],
    slack: 0,
  });
  if (!best.m && isOpenable(pattern)) return openMatch(pattern, trigger, view);
  return best.m;
}

function isOpenable(pattern: EventPattern): boolean {
  const [, slot, ...rest] = pattern.tokens;
  return (
    (pattern.form === "verb" || pattern.form === "participle") &&
    JUDGING.test(pattern.cameo) &&
    slot?.kind === "slot" &&
    !slot.prep &&
    !rest.length
  );
}

/**
 * "دانت كل من مصر وقطر الغارات": the verb and its subject, the object left to assembly; a participle
 * has no subject of its own ("رافضا ما وصفه بالتدخل الأمريكي").
 */
function openMatch(pattern: EventPattern, trigger: number, view: SentenceView): PatternMatch {
  let j = trigger + 1;
  // "كل من مصر وقطر"
  if (hasKey(view.tokens[j], "كل") && hasKey(view.tokens[j + 1], "من")) j += 2;
  const subject = pattern.form === "participle" ? undefined : view.byStart.get(j)?.[0];
  const group = subject ? view.groupOf(subject) : [];
  return {
    pattern,
    trigger,
    words: [trigger],
    end: (group[group.length - 1]?.tokEnd ?? trigger) + 1,
    targets: [],
    skipped: group.slice(0, 1),
    slack: 10,
    open: true,
  };
}
