import { type KnownWords, type Piece, type Segmentation, segment } from "../../lang/ar/clitics.js";
import { normalize } from "../../lang/ar/normalize.js";
import { isArabic, scanSpans, type TokenKind } from "../../lang/ar/tokenize.js";
import type { ArticleDoc, WorkToken } from "../doc.js";
import type { Stage } from "../stage.js";
import { CONJ_PREP, wordKeys } from "./mentions.js";

export interface TokenContext {
  known: KnownWords;
}

/**
 * Tokens of every sentence with their clitic segmentation:
 * "وبالحكومة" → proclitics و ب ال, stem حكومه.
 */
/**
 * What a word's text gives, cached by the text: its segmentation (relative to
 * the token's start) and its match keys. Words repeat, so most lookups hit, and
 * one lookup serves both. Two generations: when the young one fills it becomes
 * the old one, and words found there move back, so frequent words survive while
 * memory stays under 2 × GENERATION entries (≈ 440 bytes each, 7 MB per analysis thread;
 * clearing everything at once re-segmented the commonest words). A miss costs ≈ 6 µs in the
 * pipeline (normalising, segmenting, keys, what the word may start, and promoting the entry out
 * of the young heap), a hit ≈ 0.3 µs. Twice the generation cut the ANT corpus's misses from
 * 218,000 to 149,000 (85,000 distinct words), but raised `marsad extract --jobs 2`'s peak
 * RSS on 100,000 articles from 274 to 366 MB (bench/memory.ts), past its 300 MB budget.
 */
interface WordInfo {
  /**
   * The word and its normalised form, from its first occurrence: tokens share these strings, so
   * each is hashed once for all the Set and Map lookups of later stages, not once per token.
   */
  text: string;
  norm: string;
  arabic: boolean;
  seg: Segmentation | null;
  keys: string[];
  /** A number computed from the keys for one owner (a lexicon: see `wordMemo`). */
  memoOf: object | null;
  memo: number;
}
const GENERATION = 8_000;
let young = new Map<string, WordInfo>();
let old = new Map<string, WordInfo>();
const NONE: Piece[] = [];

/** What the word `text` gives: normalised and segmented only when it is not cached. */
function wordInfo(text: string, known: KnownWords): WordInfo {
  let info = young.get(text);
  if (!info) {
    info = old.get(text);
    if (!info) {
      const norm = normalize(text);
      // a word that normalises to itself keeps one string for both
      const n = norm === text ? text : norm;
      const arabic = isArabic(text);
      const seg = arabic ? segment(text, 0, known, n) : null;
      info = { text, norm: n, arabic, seg, keys: wordKeys(seg, n), memoOf: null, memo: 0 };
    }
    if (young.size >= GENERATION) {
      old = young;
      young = new Map();
    }
    young.set(text, info);
  }
  return info;
}

/** A cached segmentation moved to an offset. */
function placed(rel: Segmentation, start: number): Segmentation {
  if (start === 0) return rel;
  const shift = (p: Piece): Piece => ({
    text: p.text,
    norm: p.norm,
    start: p.start + start,
    end: p.end + start,
  });
  return {
    proclitics: rel.proclitics.length ? rel.proclitics.map(shift) : NONE,
    stem: shift(rel.stem),
    enclitics: rel.enclitics.length ? rel.enclitics.map(shift) : NONE,
  };
}

/**
 * A token of the document. Its segmentation is placed at its offset only when
 * asked for: most tokens' pieces are never read, and placing every one was
 * a tenth of the garbage the pipeline made.
 */
class DocToken implements WorkToken {
  private placedSeg: Segmentation | null | undefined = undefined;
  readonly stem: string;
  constructor(
    readonly index: number,
    readonly start: number,
    readonly end: number,
    readonly text: string,
    readonly norm: string,
    readonly kind: TokenKind,
    readonly arabic: boolean,
    readonly sentence: number,
    /** What the word's text gives (null for other tokens): see `piecesOf` and `wordMemo`. */
    readonly info: WordInfo | null,
  ) {
    this.stem = info?.seg ? info.seg.stem.norm : norm;
    this.keys = info?.keys;
  }

  /** Match keys (set here for words; `tokenKeys` computes them for tokens made elsewhere). */
  keys: string[] | undefined;

  get seg(): Segmentation | null {
    if (this.placedSeg === undefined) {
      const rel = this.info?.seg;
      this.placedSeg = rel ? placed(rel, this.start) : null;
    }
    return this.placedSeg;
  }

  /** The plain object the token stands for (what JSON and structured clone see). */
  toJSON(): WorkToken {
    const { index, start, end, text, norm, kind, arabic, sentence, seg, stem, keys } = this;
    return { index, start, end, text, norm, kind, arabic, sentence, seg, stem, keys };
  }
}

/**
 * A token's segmentation for reading what its pieces are (their norms and texts), not where
 * they stand: a document token's cached one, whose offsets are relative to the token's start.
 * Reading `seg` places a copy at the token's offset, which most readers of a piece's norm
 * never need (nearly every token was placed only to have its proclitics looked at).
 */
export function piecesOf(t: WorkToken | undefined): Segmentation | null {
  if (!t) return null;
  return t instanceof DocToken ? (t.info?.seg ?? null) : t.seg;
}

/**
 * `compute(t, owner)` for a word token, memoised with its word for one owner at a time (a
 * lexicon), so what a word starts in the lexicon is asked once per word, not once per token.
 * `compute` may read only what the word's text decides (keys, norm, stem, pieces, script); it
 * is not called for other tokens, which start nothing (0).
 */
export function wordMemo<O extends object>(
  t: WorkToken,
  owner: O,
  compute: (t: WorkToken, owner: O) => number,
): number {
  if (t.kind !== "word") return 0;
  const info = t instanceof DocToken ? t.info : null;
  if (!info || t.keys !== info.keys) return compute(t, owner);
  if (info.memoOf !== owner) {
    info.memo = compute(t, owner);
    info.memoOf = owner;
  }
  return info.memo;
}

/**
 * Where a token's content starts once a leading conjunction or preposition is
 * left out: "وقطر" → "قطر", "بمسؤولين" → "مسؤولين"; "للولايات" keeps its
 * ل + (ا)ل whole, since the article's alef is not written.
 */
export function contentStart(t: WorkToken): number {
  const pro = piecesOf(t)?.proclitics;
  if (!pro?.length) return t.start;
  // the pieces' offsets may be relative to the token's start (piecesOf); the first piece starts it
  const shift = t.start - pro[0]!.start;
  let start = t.start;
  for (let k = 0; k < pro.length; k++) {
    const p = pro[k]!;
    if (!CONJ_PREP.has(p.norm) || p.norm === "س") break;
    if (pro[k + 1]?.norm === "ال" && pro[k + 1]?.text !== "ال") break;
    start = p.end + shift;
  }
  return start;
}

export const tokensStage: Stage<TokenContext> = {
  name: "tokens",
  needs: ["sentences"],
  adds: ["tokens", "sentenceTokens"],
  run(doc: ArticleDoc, ctx: TokenContext) {
    const tokens: WorkToken[] = [];
    const bounds: number[] = [];
    const text = doc.text;
    for (const s of doc.sentences ?? []) {
      bounds.push(tokens.length);
      scanSpans(text, s.start, s.end, (start, end, kind) => {
        const slice = text.slice(start, end);
        if (kind === "word") {
          const info = wordInfo(slice, ctx.known);
          tokens.push(
            new DocToken(tokens.length, start, end, info.text, info.norm, kind, info.arabic, s.index, info),
          );
        } else {
          const norm = normalize(slice);
          tokens.push(
            new DocToken(tokens.length, start, end, slice, norm, kind, isArabic(slice), s.index, null),
          );
        }
      });
    }
    bounds.push(tokens.length);
    doc.tokens = tokens;
    doc.sentenceTokens = bounds;
  },
};
