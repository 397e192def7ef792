import type { Segmentation } from "../../lang/ar/clitics.js";
import { matchKey } from "../../lexicon/keys.js";
import type { EntryForm, Lexicon } from "../../lexicon/load.js";
import type { ArticleDoc, Mention, WorkToken } from "../doc.js";
import type { Stage } from "../stage.js";
import { ENTITIES, mayStart } from "../starts.js";

/**
 * Lexicon matches over the tokens of each sentence, longest first: actors,
 * places and role words ("وزير الخارجية", "الأمريكي", "أنتوني بلينكن").
 * A token may match as its stem, as the word without its proclitics, or whole:
 * "وللولايات المتحدة" matches the entry "الولايات المتحدة".
 */

/** Conjunctions and prepositions written on a word (its content starts after them: tokens.ts). */
export const CONJ_PREP: ReadonlySet<string> = new Set(["و", "ف", "ب", "ل", "ك", "س"]);

/**
 * The keys a word may match as, from its segmentation and normalised form:
 * "وللولايات" → "ولايات", "الولايات", "وللولايات"…; computed once per distinct
 * word of an article by the tokens stage, which keeps them with the segmentation.
 */
export function wordKeys(seg: Segmentation | null, norm: string): string[] {
  // a word of one piece ("الحكومة", "قال") has one key: its own
  if (!seg || (!seg.proclitics.length && !seg.enclitics.length)) {
    const key = matchKey(seg ? seg.stem.norm : norm);
    const whole = seg ? matchKey(norm) : key;
    return key === whole ? (key ? [key] : []) : [key, whole].filter(Boolean);
  }
  // distinct and non-empty, in this order, gathered in a scratch array and copied at their count
  scratchCount = 0;
  const stem = seg.stem.norm;
  addKey(matchKey(stem));
  let enc = "";
  for (const e of seg.enclitics) enc += e.norm;
  if (enc) addKey(matchKey(stem + enc));
  // ة is written ت before a pronoun: "سفارتها" is "سفارة" + ها
  if (enc && stem.endsWith("ت")) addKey(matchKey(`${stem.slice(0, -1)}ه`));
  let kept = "";
  for (const p of seg.proclitics) if (!CONJ_PREP.has(p.norm)) kept += p.norm;
  addKey(matchKey(kept + stem + enc));
  addKey(matchKey(norm));
  return scratch.slice(0, scratchCount);
}

/** At most five keys: room for them, filled with strings so that the array stays packed. */
const scratch: string[] = ["", "", "", "", ""];
let scratchCount = 0;

function addKey(key: string): void {
  if (!key) return;
  for (let k = 0; k < scratchCount; k++) if (scratch[k] === key) return;
  scratch[scratchCount++] = key;
}

/** No keys: what a token that is not a word matches as (one shared array, never a new one per call). */
export const NO_KEYS: readonly string[] = [];

/** The keys a token may match as (set by the tokens stage; computed here for tokens made elsewhere). */
export function tokenKeys(t: WorkToken): readonly string[] {
  if (!t.keys) t.keys = wordKeys(t.seg, t.norm);
  return t.keys;
}

/** Finds lexicon mentions in tokens [from, to). */
export function findMentions(tokens: WorkToken[], from: number, to: number, lexicon: Lexicon): Mention[] {
  const out: Mention[] = [];
  const alt = (j: number) => {
    const t = tokens[j];
    return t && t.kind === "word" ? tokenKeys(t) : NO_KEYS;
  };
  let i = from;
  while (i < to) {
    const m = mayStart(tokens[i], lexicon, ENTITIES) ? lexicon.entities.longest(i, to, alt) : null;
    if (!m) {
      i++;
      continue;
    }
    // "الوزيران", "الطرفين": a dual that points back to a pair is a pointer (actors.ts), not a new role
    if (m.length === 1 && lexicon.cueTries.pointers.longest(i, i + 1, alt)?.values[0]?.kind === "dual") {
      i++;
      continue;
    }
    const first = tokens[i]!;
    const last = tokens[i + m.length - 1]!;
    out.push({
      tokStart: i,
      tokEnd: i + m.length,
      sentence: first.sentence,
      start: first.start,
      end: last.end,
      forms: m.values as EntryForm[],
    });
    i += m.length;
  }
  return out;
}

export const mentionsStage: Stage<{ lexicon: Lexicon }> = {
  name: "mentions",
  needs: ["tokens", "sentenceTokens"],
  adds: ["mentions"],
  run(doc: ArticleDoc, ctx) {
    const bounds = doc.sentenceTokens ?? [];
    const tokens = doc.tokens ?? [];
    const mentions: Mention[] = [];
    for (let s = 0; s + 1 < bounds.length; s++)
      mentions.push(...findMentions(tokens, bounds[s]!, bounds[s + 1]!, ctx.lexicon));
    doc.mentions = mentions;
  },
};
