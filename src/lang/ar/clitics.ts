import { normalize, normalizeWithMap } from "./normalize.js";

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

const CONJ = ["و", "ف"];
const PREP = ["ب", "ل", "ك"];
const ENCLITICS = ["هما", "هم", "هن", "ها", "كم", "نا", "ني", "ه", "ك", "ي"];
const VERB_PREFIX = /^[يتنا]/;
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

/** A one-letter preposition with a pronoun: له، بها، لهم، بنا. */
const PREP_PRONOUN = /^[بل](ه|ها|هم|هما|هن|نا|ك|كم|كما|ي)$/;

/** Enumerates proclitic sequences: (و|ف)? (س | ب|ل|ك)? (ال)? — and لل. */
function procliticSplits(w: string): Array<{ pro: string[]; rest: string; article: boolean }> {
  const out: Array<{ pro: string[]; rest: string; article: boolean }> = [
    { pro: [], rest: w, article: false },
  ];
  const conjs = [[] as string[], ...CONJ.filter((c) => w.startsWith(c)).map((c) => [c])];
  for (const conj of conjs) {
    const r1 = w.slice(conj.length);
    if (conj.length) out.push({ pro: conj, rest: r1, article: false });
    for (const p of PREP) {
      if (!r1.startsWith(p)) continue;
      const r2 = r1.slice(1);
      if (p === "ل" && r2.startsWith("ل") && r2.length > 3) {
        out.push({ pro: [...conj, "ل", "ال"], rest: r2.slice(1), article: true }); // للسلطة
      }
      out.push({ pro: [...conj, p], rest: r2, article: false });
      if (r2.startsWith("ال")) out.push({ pro: [...conj, p, "ال"], rest: r2.slice(2), article: true });
    }
    if (r1.startsWith("س") && VERB_PREFIX.test(r1.slice(1)) && r1.length >= 4) {
      out.push({ pro: [...conj, "س"], rest: r1.slice(1), article: false });
    }
    if (r1.startsWith("ال")) out.push({ pro: [...conj, "ال"], rest: r1.slice(2), article: true });
  }
  return out;
}

/**
 * Chooses the best segmentation of a normalised word. `rawLast` is the
 * original last letter (ة is never a pronoun). Every split and pronoun is
 * scored in turn and the first best wins; the tests that rule a candidate out
 * whatever its score come before the stem is looked up.
 */
export function segmentNorm(w: string, known: KnownWords, rawLast = ""): Candidate {
  if (PREP_PRONOUN.test(w)) return { pro: [w[0]!], stem: w.slice(1), enc: "", score: 4 };
  if (known.has(w) || w.length < 3) return { pro: [], stem: w, enc: "", score: 4 };
  let best: Candidate = { pro: [], stem: w, enc: "", score: 0.5 };
  const pronouns = rawLast !== "\u0629";
  for (const split of procliticSplits(w)) {
    const rest = split.rest;
    const last = split.pro[split.pro.length - 1];
    for (let e = -1; e < ENCLITICS.length; e++) {
      const enc = e < 0 ? "" : ENCLITICS[e]!;
      if (enc && (!pronouns || !rest.endsWith(enc))) continue;
      const stem = enc ? rest.slice(0, rest.length - enc.length) : rest;
      // a definite noun takes no pronoun (الوطني is not الوط + ني)
      if (enc && (split.article || stem.startsWith("ال"))) continue;
      const isKnown = known.has(stem);
      const isHost = PARTICLE_HOSTS.has(stem);
      const verbLikeStem = verbPrefixed(stem);
      let tMarbuta = false;
      if (enc) {
        if ((enc === "ني" || enc === "ي") && !isHost && !verbLikeStem) continue;
        tMarbuta = stem.endsWith("ت") && stem.length >= 3 && enc !== "ي";
        const verbHost = verbLikeStem && stem.length >= 3 && enc !== "ي" && enc !== "ك";
        if (!(isHost || isKnown || tMarbuta || verbHost)) continue;
        if (enc === "ي" && !isHost) continue;
      }
      let score = stemScore(stem, isKnown, isHost, split.article);
      if (score === 0) continue;
      if (last !== undefined) {
        // a bare conjunction/preposition needs a known or clearly shaped stem
        if (last === "س") score = verbLikeStem && stem.length >= 3 && stem.length <= 8 ? score + 0.5 : 0;
        else if (!split.article && !isKnown) {
          const conj = last === "و" || last === "ف";
          const c = stem.charCodeAt(0);
          const verbLike = conj && (c === 0x064a || c === 0x062a || c === 0x0646) && stem.length >= 4;
          score = verbLike || (derived(stem) && stem.length >= 4) ? 1.1 : 0;
        }
      }
      // ت before a pronoun is a ta marbuta (رغبتها); an inflected verb takes object pronouns (يدفعهم)
      if (enc) score += isHost || isKnown ? 0.5 : tMarbuta ? 0.4 : enc.length > 1 ? 0.3 : 0.1;
      if (score > 0) score -= 0.01 * (split.pro.length + (enc ? 1 : 0)); // prefer fewer pieces on ties
      if (score > best.score) best = { pro: split.pro, stem, enc, score };
    }
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
  const { map } = normalizeWithMap(text, start);
  // piece boundaries in normalised positions; the first and last are the token's own ends
  const parts: Array<{ from: number; to: number; norm: string }> = [];
  let pos = 0;
  for (const p of cand.pro) {
    // the article of لل is written without its alef: ل + (ا)ل
    const prev = parts[parts.length - 1];
    const len = p === "ال" && prev?.norm === "ل" && norm.slice(pos, pos + 2) !== "ال" ? 1 : p.length;
    parts.push({ from: pos, to: pos + len, norm: p });
    pos += len;
  }
  const stemEnd = norm.length - cand.enc.length;
  parts.push({ from: pos, to: stemEnd, norm: cand.stem });
  if (cand.enc) parts.push({ from: stemEnd, to: norm.length, norm: cand.enc });
  const pieces = parts.map((p, i) => {
    const s = i === 0 ? start : (map[p.from] ?? start);
    const e = i === parts.length - 1 ? start + text.length : (map[p.to] ?? start + text.length);
    return { text: text.slice(s - start, e - start), norm: p.norm, start: s, end: e };
  });
  const stemIndex = cand.pro.length;
  return {
    proclitics: stemIndex ? pieces.slice(0, stemIndex) : NO_PIECES,
    stem: pieces[stemIndex]!,
    enclitics: cand.enc ? pieces.slice(stemIndex + 1) : NO_PIECES,
  };
}
