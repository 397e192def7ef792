import { normalize, normalizeWithMap, oneToOne } from "./normalize.js";

/**
 * Clitic segmentation: a token is split into proclitics (و ف ب ل ك س ال لل),
 * a stem and enclitic pronouns (ه ها هم هما هن ك كم نا ي), conservatively —
 * a split is only offered when the remaining stem is plausible (long enough,
 * known, or shaped like an inflected verb or a definite noun).
 *
 *   "وبالحكومة" → و + ب + ال + حكومة
 *   "للسلطة"    → ل + ال + سلطة        (لل = ل + ال with the alef dropped)
 *   "سيناقش"    → س + يناقش
 *   "رغبتها"    → رغبت + ها            (ة is written ت before a pronoun)
 *   "وزير"      → وزير                 (و is part of the stem: known word)
 */

export interface Piece {
  /** The original text of the piece (a slice of the token). */
  text: string;
  /** Normalised form ("لل" yields pieces ل and ال: the second is virtual). */
  norm: string;
  start: number;
  end: number;
}

export interface Segmentation {
  proclitics: Piece[];
  stem: Piece;
  enclitics: Piece[];
}

export type KnownWords = ReadonlySet<string>;

const ENCLITICS = ["هما", "هم", "هن", "ها", "كم", "نا", "ني", "ه", "ك", "ي"];
const NO_ENCLITICS: string[] = [];
/** The letters a pronoun ends with (most words end with none of them). */
const PRONOUN_LAST = new Set(ENCLITICS.map((e) => e.charCodeAt(e.length - 1)));
/** Prepositions and particles that take pronoun suffixes: عليه، لديها، منهم، إنه. */
const PARTICLE_HOSTS = new Set(
  [
    "عل",
    "علي",
    "لدي",
    "من",
    "عن",
    "في",
    "الي",
    "ل",
    "ب",
    "ان",
    "لكن",
    "مع",
    "بين",
    "عند",
    "حول",
    "ضد",
    "نحو",
    "لدى",
  ].map((w) => normalizeWithMap(w).text),
);

interface Candidate {
  pro: string[];
  stem: string;
  enc: string;
  score: number;
}

/**
 * How plausible is `stem` (normalised) as a word of its own? 0 = implausible. `isKnown` and
 * `isHost` are `known.has(stem)` and `PARTICLE_HOSTS.has(stem)`, looked up once by the caller.
 */
function stemScore(stem: string, isKnown: boolean, isHost: boolean, hadArticle: boolean): number {
  if (isKnown || isHost) return 3;
  if (hadArticle) return stem.length >= 3 ? 2 : 0;
  if (stem.length >= 4 && stem.startsWith("ال")) return 2;
  if (stem.length >= 3) return 1;
  return 0;
}

/** First letters of an inflected verb (its prefix: يـ تـ نـ أـ), normalised. */
function verbPrefixed(stem: string): boolean {
  const c = stem.charCodeAt(0);
  return c === 0x064a || c === 0x062a || c === 0x0646 || c === 0x0627;
}

/**
 * Shapes of derived nouns and verbs (مـ / تـ / ا / استـ patterns) that follow a bare preposition:
 * بمحاولة، لتطوير، باطراد (at least two letters after the pattern's prefix).
 */
function derived(stem: string): boolean {
  const c = stem.charCodeAt(0);
  if (c === 0x0645 || c === 0x062a) return stem.length >= 3;
  return stem.length >= 5 && stem.startsWith("است");
}

/** The pronouns a one-letter preposition takes as a word of its own: له، بها، لهم، بنا. */
const PREP_PRONOUNS = new Set(["ه", "ها", "هم", "هما", "هن", "نا", "ك", "كم", "كما", "ي"]);

/** A one-letter preposition with a pronoun (ب or ل and one of PREP_PRONOUNS). */
function isPrepPronoun(w: string): boolean {
  const c = w.charCodeAt(0);
  return w.length >= 2 && w.length <= 4 && (c === 0x0628 || c === 0x0644) && PREP_PRONOUNS.has(w.slice(1));
}

/** The longest particle host (a pronoun's host is looked up only when it can be one). */
const HOST_MAX = Math.max(...[...PARTICLE_HOSTS].map((h) => h.length));

/**
 * Proclitic sequences, built once and shared by every candidate (never mutated): [conjunction][kind],
 * the conjunction none, و or ف; the kinds below.
 */
const CONJ_PRO = [[], ["و"], ["ف"]] as const;
const ALONE = 0; // the conjunction alone
const PREP_ARTICLE = 3; // + 1..3: ب ال, ل ال, ك ال (and لل, written without the article's alef)
const FUTURE = 7; // س
const ARTICLE = 8; // ال
const SEQUENCES: ReadonlyArray<ReadonlyArray<string[]>> = CONJ_PRO.map((conj) => [
  [...conj],
  [...conj, "ب"],
  [...conj, "ل"],
  [...conj, "ك"],
  [...conj, "ب", "ال"],
  [...conj, "ل", "ال"],
  [...conj, "ك", "ال"],
  [...conj, "س"],
  [...conj, "ال"],
]);

/**
 * Chooses the best segmentation of a normalised word. `rawLast` is the
 * original last letter (ة is never a pronoun). Every split and pronoun is
 * scored in turn and the first best wins; the tests that rule a candidate out
 * whatever its score come before the stem is looked up. The splits, in order:
 * the whole word; then with no conjunction, then with the word's و or ف: the conjunction alone,
 * each preposition ب ل ك (for ل first لل = ل + ال, then ل, then ل + ال), the future س before an
 * inflected verb, the article ال.
 */
export function segmentNorm(w: string, known: KnownWords, rawLast = ""): Candidate {
  if (isPrepPronoun(w)) return { pro: [w[0]!], stem: w.slice(1), enc: "", score: 4 };
  if (known.has(w) || w.length < 3) return { pro: [], stem: w, enc: "", score: 4 };
  // the pronouns the word ends with (a split's rest is a suffix of the word: it ends with the
  // same pronoun when it is long enough), found once instead of once per split
  let encs = NO_ENCLITICS;
  if (rawLast !== "\u0629" && PRONOUN_LAST.has(w.charCodeAt(w.length - 1)))
    for (const e of ENCLITICS) if (w.endsWith(e)) encs = encs === NO_ENCLITICS ? [e] : [...encs, e];
  let best: Candidate = { pro: SEQUENCES[0]![ALONE]!, stem: w, enc: "", score: 0.5 };
  best = scoreSplit(best, SEQUENCES[0]![ALONE]!, w, false, encs, known);
  const c0 = w.charCodeAt(0);
  const conjs = c0 === 0x0648 ? 1 : c0 === 0x0641 ? 2 : 0;
  for (let k = 0; k < (conjs ? 2 : 1); k++) {
    const conj = k === 0 ? 0 : conjs;
    const seqs = SEQUENCES[conj]!;
    const r1 = conj ? w.slice(1) : w;
    if (conj) best = scoreSplit(best, seqs[ALONE]!, r1, false, encs, known);
    const p = r1.charCodeAt(0);
    const prep = p === 0x0628 ? 1 : p === 0x0644 ? 2 : p === 0x0643 ? 3 : 0;
    if (prep) {
      const r2 = r1.slice(1);
      // للسلطة: ل + ال with the article's alef not written
      if (prep === 2 && r2.charCodeAt(0) === 0x0644 && r2.length > 3)
        best = scoreSplit(best, seqs[PREP_ARTICLE + 2]!, r2.slice(1), true, encs, known);
      best = scoreSplit(best, seqs[prep]!, r2, false, encs, known);
      if (r2.startsWith("ال"))
        best = scoreSplit(best, seqs[PREP_ARTICLE + prep]!, r2.slice(2), true, encs, known);
    }
    if (p === 0x0633 && r1.length >= 4 && verbPrefixed(r1.slice(1)))
      best = scoreSplit(best, seqs[FUTURE]!, r1.slice(1), false, encs, known);
    if (r1.startsWith("ال")) best = scoreSplit(best, seqs[ARTICLE]!, r1.slice(2), true, encs, known);
  }
  return best;
}

/** Scores one split (proclitics `pro`, the rest `rest`) with no pronoun and with each of `encs`. */
function scoreSplit(
  best: Candidate,
  pro: string[],
  rest: string,
  article: boolean,
  encs: readonly string[],
  known: KnownWords,
): Candidate {
  const last = pro[pro.length - 1];
  for (let e = -1; e < encs.length; e++) {
    const enc = e < 0 ? "" : encs[e]!;
    if (enc && rest.length < enc.length) continue;
    const stem = enc ? rest.slice(0, rest.length - enc.length) : rest;
    // a definite noun takes no pronoun (الوطني is not الوط + ني)
    if (enc && (article || stem.startsWith("ال"))) continue;
    const isKnown = known.has(stem);
    const isHost = stem.length <= HOST_MAX && PARTICLE_HOSTS.has(stem);
    const verbLikeStem = verbPrefixed(stem);
    let tMarbuta = false;
    if (enc) {
      if ((enc === "ني" || enc === "ي") && !isHost && !verbLikeStem) continue;
      tMarbuta = stem.endsWith("ت") && stem.length >= 3 && enc !== "ي";
      const verbHost = verbLikeStem && stem.length >= 3 && enc !== "ي" && enc !== "ك";
      if (!(isHost || isKnown || tMarbuta || verbHost)) continue;
      if (enc === "ي" && !isHost) continue;
    }
    let score = stemScore(stem, isKnown, isHost, article);
    if (score === 0) continue;
    if (last !== undefined) {
      // a bare conjunction/preposition needs a known or clearly shaped stem
      if (last === "س") score = verbLikeStem && stem.length >= 3 && stem.length <= 8 ? score + 0.5 : 0;
      else if (!article && !isKnown) {
        const conj = last === "و" || last === "ف";
        const c = stem.charCodeAt(0);
        const verbLike = conj && (c === 0x064a || c === 0x062a || c === 0x0646) && stem.length >= 4;
        score = verbLike || (derived(stem) && stem.length >= 4) ? 1.1 : 0;
      }
    }
    // ت before a pronoun is a ta marbuta (رغبتها); an inflected verb takes object pronouns (يدفعهم)
    if (enc) score += isHost || isKnown ? 0.5 : tMarbuta ? 0.4 : enc.length > 1 ? 0.3 : 0.1;
    if (score > 0) score -= 0.01 * (pro.length + (enc ? 1 : 0)); // prefer fewer pieces on ties
    if (score > best.score) best = { pro, stem, enc, score };
  }
  return best;
}

/** No pieces: one shared array for the clitics of the many words without any (never mutated). */
const NO_PIECES: Piece[] = [];

/** Segments a token of the original text into pieces with exact offsets (`norm`: its normal form, if known). */
export function segment(
  text: string,
  start: number,
  known: KnownWords,
  norm = normalize(text),
): Segmentation {
  const cand = segmentNorm(norm, known, text[text.length - 1] ?? "");
  // most words are one piece ("وزير"): no offset map is needed
  if (!cand.pro.length && !cand.enc)
    return {
      proclitics: NO_PIECES,
      stem: { text, norm: cand.stem, start, end: start + text.length },
      enclitics: NO_PIECES,
    };
  // a word whose every letter normalises to one letter needs no offset map ("وبالحكومة")
  const map = oneToOne(text) ? null : normalizeWithMap(text, start).map;
  const end = start + text.length;
  // piece boundaries, from normalised positions to the original's (the token's own ends are its ends)
  const pieces: Piece[] = [];
  let pos = 0;
  let from = start;
  for (const p of cand.pro) {
    // the article of لل is written without its alef: ل + (ا)ل
    const len = p === "ال" && pieces.at(-1)?.norm === "ل" && norm.slice(pos, pos + 2) !== "ال" ? 1 : p.length;
    pos += len;
    const to = map ? (map[pos] ?? end) : start + pos;
    pieces.push({ text: text.slice(from - start, to - start), norm: p, start: from, end: to });
    from = to;
  }
  const stemEnd = norm.length - cand.enc.length;
  const stemTo = !cand.enc ? end : map ? (map[stemEnd] ?? end) : start + stemEnd;
  pieces.push({ text: text.slice(from - start, stemTo - start), norm: cand.stem, start: from, end: stemTo });
  if (cand.enc) pieces.push({ text: text.slice(stemTo - start), norm: cand.enc, start: stemTo, end });
  const stemIndex = cand.pro.length;
  return {
    proclitics: stemIndex ? pieces.slice(0, stemIndex) : NO_PIECES,
    stem: pieces[stemIndex]!,
    enclitics: cand.enc ? pieces.slice(stemIndex + 1) : NO_PIECES,
  };
}
