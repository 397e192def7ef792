import type { Modality } from "../document.js";
import { normalize } from "../lang/ar/normalize.js";
import type { Lexicon } from "../lexicon/load.js";
import type { WorkToken } from "./doc.js";
import { NO_KEYS, tokenKeys } from "./stages/mentions.js";
import { piecesOf } from "./stages/tokens.js";

/**
 * Modality of an event from its trigger and the words before it in its clause:
 *   "سيلتقي" (س + imperfect), "سوف يزور", "من المقرر أن يجتمع" → future
 *   "لم يلتق", "لن يزور", "نفى أن يكون التقى"                  → negated
 *   "إذا هاجمت", "لو وافقت", "في حال فشلت"                     → hypothetical
 * A verbal noun takes the tense of its clause: "سيناقش … في اجتماع" → future;
 * after "أي" it is hypothetical: "أي هجوم على رفح".
 */

const ANY = new Set(["اي", "ايه"]);
/** أن (not إن, which normalisation folds into the same letters), كي, لكي: they take the subjunctive. */
const SUBJUNCTIVE = /^[وف]?(أن|ان|كي|لكي)$/;

function isSubjunctiveParticle(t: WorkToken | undefined): boolean {
  return !!t && SUBJUNCTIVE.test(t.text.replace(/[\u064B-\u0652]/g, ""));
}

/** "قبل أن", "بعد أن": a time, not a wish. */
export const TEMPORAL = new Set(["قبل", "بعد"]);

/** Words after which ما is relative ("وهو ما", "وهذا ما", "بحسب ما"). */
const RELATIVE_MA = new Set(
  [
    "هو",
    "وهو",
    "هي",
    "وهي",
    "هذا",
    "وهذا",
    "ذلك",
    "وذلك",
    "كل",
    "بحسب",
    "حسب",
    "وفق",
    "وفقا",
    "مثل",
    "بعد",
    "قبل",
    "رغم",
  ].map(normalize),
);

/** "وكان … قد": a كان in the few words before قد. */
function afterKana(tokens: WorkToken[], at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - 8); k--) {
    const t = tokens[k];
    if (t?.kind !== "word" || t.sentence !== tokens[at]?.sentence) return false;
    if (/^(كان|كانت|كانوا)$/.test(t.stem)) return true;
  }
  return false;
}

const RANK: Record<Modality, number> = { negated: 3, hypothetical: 2, future: 1, asserted: 0 };

/** An imperfect verb's shape: يـ / نـ, or تـ without the perfect's final ت ("تلجأ", not "تعثرت"). */
function isImperfect(t: WorkToken | undefined): boolean {
  const w = t?.stem ?? "";
  return /^[ين]/.test(w) || (w.startsWith("ت") && !w.endsWith("ت"));
}

function isFutureVerb(t: WorkToken | undefined): boolean {
  return !!piecesOf(t)?.proclitics.some((p) => p.norm === "س");
}

export function modalityOf(
  tokens: WorkToken[],
  trigger: number,
  clauseStart: number,
  noun: boolean,
  lexicon: Lexicon,
): { modality: Modality; rule: string | null } {
  let best: { modality: Modality; rule: string | null } = { modality: "asserted", rule: null };
  const consider = (modality: Modality, rule: string) => {
    if (RANK[modality] > RANK[best.modality]) best = { modality, rule };
  };
  if (isFutureVerb(tokens[trigger])) consider("future", "modality:sa-prefix");
  // "أي هجوم على رفح": any attack, not one that happened
  if (noun && ANY.has(tokens[trigger - 1]?.norm ?? "")) consider("hypothetical", "modality:hyp.any");
  const trie = lexicon.cueTries.modality;
  const alt = (j: number) => (tokens[j]?.kind === "word" ? tokenKeys(tokens[j]!) : NO_KEYS);
  // "من المقرر أن يلتقي": the cue stands just before the أن that opens the verb's clause
  const opener = tokens[clauseStart - 1];
  const from = isSubjunctiveParticle(opener) ? Math.max(0, clauseStart - 5) : clauseStart;
  for (let i = from; i < trigger; i++) {
    if (tokens[i]?.sentence !== tokens[trigger]?.sentence) continue;
    const m = trie.longest(i, trigger, alt);
    if (!m) continue;
    for (const cue of m.values) {
      // the cue's reach: how many words may stand between it and the trigger
      const gap = trigger - (i + m.length);
      // "قد يلجأ" (may resort) is hypothetical; "قد تعثرت" (has stalled) is not, nor is the pluperfect
      // "وكان المرشد قد توعد" (an imperfect-looking form V perfect after كان … قد)
      if (cue.id === "hyp.qad" && (!isImperfect(tokens[i + m.length]) || afterKana(tokens, i))) continue;
      // "وهو ما وصفته الخارجية بأنه …": ما after a pronoun or demonstrative is "what", not "not"
      if (cue.id === "neg.ma" && RELATIVE_MA.has(tokens[i - 1]?.norm ?? "")) continue;
      if (gap <= Number(cue.value)) consider(cue.kind as Modality, `modality:${cue.id}`);
    }
    i += m.length - 1;
  }
  // "نفى لافروف في مؤتمر صحفي أن تكون روسيا قد هاجمت أوكرانيا": a denial governs the whole clause
  // its أن opens, however far its subject stands
  // (not past a comma: "…، واتهم الدول الغربية" is the denier's next act)
  let comma = false;
  for (let i = clauseStart; i < trigger; i++)
    if (tokens[i]?.text === "،" || tokens[i]?.text === ",") comma = true;
  if (RANK[best.modality] < RANK.negated && isSubjunctiveParticle(opener) && !comma) {
    for (let i = clauseStart - 2; i >= Math.max(0, clauseStart - 16); i--) {
      const w = tokens[i];
      if (w?.kind !== "word" || w.sentence !== tokens[trigger]?.sentence) break;
      const m = trie.longest(i, clauseStart - 1, alt);
      if (m?.values.some((cue) => cue.id === "neg.nafa")) {
        consider("negated", "modality:neg.nafa-clause");
        break;
      }
    }
  }
  // "ليس من مصلحة أحد أن ينسحب الاتحاد": an imperfect verb right after أن (subjunctive) is wanted,
  // feared or required, not done — unless a cue already made it future ("من المقرر أن يلتقي")
  const prev = tokens[trigger - 1];
  // … but "قبل أن يجتمع", "بعد أن التقى" tell when it happened
  const temporal = TEMPORAL.has(tokens[trigger - 2]?.stem ?? "");
  const subjunctive = isSubjunctiveParticle(prev) && !temporal;
  if (!noun && best.modality === "asserted" && subjunctive && isImperfect(tokens[trigger]))
    consider("hypothetical", "modality:hyp.subjunctive");
  if (noun && best.modality === "asserted") {
    for (let i = clauseStart; i < trigger; i++)
      if (isFutureVerb(tokens[i])) consider("future", "modality:clause-future");
  }
  return best;
}
