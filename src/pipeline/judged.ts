import { normalize } from "../lang/ar/normalize.js";
import type { WorkToken } from "./doc.js";
import type { ActorPhrase } from "./phrases.js";

/**
 * What a judging verb's object points back to: the author of an attack or of a
 * measure reported earlier ("دانت مصر الغارات", "رحبت حماس بالقرار"); used by
 * stages/assemble.ts, which keeps the authors of the latest acts as it codes.
 */

/** Nouns that name an attack already reported: "أدانت الأردن العملية", "ندد بالقصف". */
export const ATTACK_NOUNS = new Set(
  // biome-ignore format: a word list
  ["هجوم", "هجمات", "غاره", "غارات", "ضربه", "ضربات", "قصف", "عمليه", "عدوان", "اعتداء", "اعتداءات", "تفجير", "تفجيرات", "مجزره", "جريمه", "هجمه", "توغل", "اقتحام"].map(normalize),
);

/** Nouns that name a measure someone took: "رحبت حماس بالقرار", "وصف العقوبات بأنها غير قانونية". */
const DECISION_NOUNS = new Set(
  // biome-ignore format: a word list
  ["قرار", "خطوه", "عقوبات", "اجراءات", "اجراء", "اتهامات", "مبادره", "ذرائع", "تصريحات", "تصويت", "اعلان", "مطالب", "مطالبات", "دعوات", "شروط", "تدخل", "انتقادات", "اتهام"].map(normalize),
);

/** Who did the latest things an article reports: what a judging verb's object may point back to. */
export interface LastActs {
  /** The author of the latest attack ("أدان الهجوم"). */
  attack: ActorPhrase | null;
  /** The author of the latest other measure ("رحب بالقرار"). */
  measure: ActorPhrase | null;
  /** Who took captives last ("احتجز الحوثيون موظفين أمميين"): whom a call to free them addresses. */
  captor: ActorPhrase | null;
  /** Whom the captor took ("احتجز الحوثيون موظفين أمميين" → the UN): owed a release. */
  captive?: ActorPhrase | null;
  /** Whom the latest attack hit ("نفت أي مسؤولية عن الهجوم": denied towards its victim). */
  victim?: ActorPhrase | null;
}

/**
 * The author of the act a judging verb's object names: an attack noun (ATTACK_NOUNS) or a measure
 * (DECISION_NOUNS) among the words after `from` — "دانت مصر الغارات", "رفضت ما وصفته بالذرائع".
 */
export function judgedEvent(
  tokens: WorkToken[],
  from: number,
  last: LastActs,
  actors: ActorPhrase[] = [],
): ActorPhrase | null {
  // "ما وصفته بـ…" (what it called …) names the act a few words on
  let end = from + 3;
  for (let j = from; j < end; j++) {
    const t = tokens[j];
    if (t?.kind === "punct" && /["«»“”]/.test(t.text)) continue;
    if (t?.kind !== "word") return null;
    if (t.norm === "ما") end = Math.max(end, j + 5);
    const stem = t.stem.replace(/^ال/, "");
    if (ATTACK_NOUNS.has(t.stem) || ATTACK_NOUNS.has(stem)) return last.attack;
    if (DECISION_NOUNS.has(t.stem) || DECISION_NOUNS.has(stem))
      return measureAuthor(tokens, stem, j, actors) ?? last.measure;
  }
  return null;
}

/**
 * Who took the measure a noun names: the subject of the sentence where the article first names
 * it ("اعتمد مجلس الأمن … قرارا" … "رحبت حماس بالقرار" → the Council).
 */
function measureAuthor(
  tokens: WorkToken[],
  stem: string,
  at: number,
  actors: ActorPhrase[],
): ActorPhrase | null {
  const same = (t: WorkToken) => t.kind === "word" && t.stem.replace(/^ال/, "").replace(/ا$/, "") === stem;
  const first = tokens.findIndex((t, k) => k < at && t.sentence < (tokens[at]?.sentence ?? 0) && same(t));
  if (first < 0) return null;
  const sentence = tokens[first]!.sentence;
  return (
    actors.find(
      (a) =>
        a.sentence === sentence &&
        a.tokEnd <= first &&
        !!a.code &&
        a.head !== "place" &&
        a.head !== "adjective" &&
        a.head !== "pointer",
    ) ?? null
  );
}
