import { givenNames } from "../lang/ar/names.js";
import { formKeys } from "../lexicon/keys.js";
import type { Lexicon } from "../lexicon/load.js";
import type { WorkToken } from "./doc.js";
import { tokenKeys } from "./stages/mentions.js";
import { piecesOf, wordMemo } from "./stages/tokens.js";

/**
 * What may start at a token, one bit per kind of match, asked once per distinct word of an article (see
 * `wordMemo`): most tokens start nothing, and each stage used to ask its trie about every
 * token's keys again. For a trie, a clear bit means its `longest` at that token, with the usual
 * alternatives (the token's keys, none for a token that is not a word), is null.
 */
export const ENTITIES = 1;
export const POINTERS = 2;
export const DATES = 4;
export const ATTRIBUTION = 8;
/** An event pattern's first word (events.ts). */
export const PATTERNS = 16;
/** A person's name without a title (phrases.ts `nameAt`). */
export const NAME = 32;
/** The first word of a month name, of any month-name system (date-entities.ts). */
export const MONTH = 64;

const monthWords = new WeakMap<Lexicon, Set<string>>();

function monthFirstWords(lexicon: Lexicon): Set<string> {
  let set = monthWords.get(lexicon);
  if (!set) {
    set = new Set();
    for (const c of lexicon.cues)
      if (c.kind === "month" || c.kind === "hijri")
        for (const f of c.forms) {
          const first = formKeys(f)[0];
          if (first) set.add(first);
        }
    monthWords.set(lexicon, set);
  }
  return set;
}

/** Is the last letter of `text`, past any diacritics (U+064B–U+0652), an alef maqsura (ى)? */
function endsInAlefMaqsura(text: string): boolean {
  for (let k = text.length - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c < 0x064b || c > 0x0652) return c === 0x0649;
  }
  return false;
}

/**
 * May a person's name open at this word? An Arabic word, with no proclitic but و, whose stem is a
 * given name or عبد ("عبد القادر"); "على" (on) is not "علي" (Ali): the written alef maqsura tells
 * them apart.
 */
function opensName(t: WorkToken): boolean {
  if (!t.arabic || endsInAlefMaqsura(t.text)) return false;
  const pro = piecesOf(t)?.proclitics;
  if (pro?.some((p) => p.norm !== "و")) return false;
  const stem = pro?.length ? t.stem : t.norm;
  return stem === "عبد" || givenNames().single.has(stem);
}

/**
 * The bits of ENTITIES, POINTERS, DATES, ATTRIBUTION, PATTERNS and MONTH that each key sets: the keys
 * that start a trie's entries, a pattern or a month name, gathered once per lexicon, so that what a
 * word starts is one lookup per key (asking each trie in turn hashed every key six times).
 */
const keyBits = new WeakMap<Lexicon, Map<string, number>>();

function keyBitsOf(lexicon: Lexicon): Map<string, number> {
  const cached = keyBits.get(lexicon);
  if (cached) return cached;
  const map = new Map<string, number>();
  const add = (keys: Iterable<string>, bit: number) => {
    for (const k of keys) map.set(k, (map.get(k) ?? 0) | bit);
  };
  add(lexicon.entities.firstWords(), ENTITIES);
  add(lexicon.cueTries.pointers.firstWords(), POINTERS);
  add(lexicon.cueTries.dates.firstWords(), DATES);
  add(lexicon.cueTries.attribution.firstWords(), ATTRIBUTION);
  add(lexicon.patternsByFirst.keys(), PATTERNS);
  add(monthFirstWords(lexicon), MONTH);
  keyBits.set(lexicon, map);
  return map;
}

function startMask(t: WorkToken, lexicon: Lexicon): number {
  const bits = keyBitsOf(lexicon);
  let mask = opensName(t) ? NAME : 0;
  for (const k of tokenKeys(t)) mask |= bits.get(k) ?? 0;
  return mask;
}

/** May a match of kind `which` (ENTITIES, POINTERS…) start at token `t`? */
export function mayStart(t: WorkToken | undefined, lexicon: Lexicon, which: number): boolean {
  return !!t && (wordMemo(t, lexicon, startMask) & which) !== 0;
}
