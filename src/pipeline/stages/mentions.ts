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
 * word by the tokens stage, which caches them with the segmentation.
 */
export function wordKeys(seg: Segmentation | null, norm: string): string[] {
  // distinct and non-empty, in this order (one small array: no Set, no intermediate arrays)
  const keys: string[] = [];
  if (seg) {
    const stem = seg.stem.norm;
    addKey(keys, matchKey(stem));
    let enc = "";
    for (const e of seg.enclitics) enc += e.norm;
    if (enc) addKey(keys, matchKey(stem + enc));
    // ة is written ت before a pronoun: "سفارتها" is "سفارة" + ها
    if (enc && stem.endsWith("ت")) addKey(keys, matchKey(`${stem.slice(0, -1)}ه`));
    let kept = "";
    for (const p of seg.proclitics) if (!CONJ_PREP.has(p.norm)) kept += p.norm;
    addKey(keys, matchKey(kept + stem + enc));
  }
  addKey(keys, matchKey(norm));
  // (a copy holds exactly its keys: a pushed-to array keeps room for 17, and words' keys are cached)
  return keys.slice();
}

function addKey(keys: string[], key: string): void {
  if (key && !keys.includes(key)) keys.push(key);
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
