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
 * What a word's text gives: its normal form, its segmentation (relative to the token's start) and
 * its match keys, computed once per distinct word of an article and shared by its tokens ("في",
 * "الرئيس" and the story's names recur), one lookup serving all three.
 *
 * The table lives as long as its article. A table kept across articles was measured slower on
 * the ANT corpus (in-process, eight alternating rounds: 10–15 % fewer articles/s than with one
 * table per article), though it segmented far fewer words (two generations of 8,000 words: 218,000
 * misses for 1.1 million words; 2,048 frequent words kept for good was slower still): a miss costs
 * ≈ 1.3 µs, while its lookups, in a table too big for the processor's caches, and its entries,
 * promoted to the old heap and later collected there, cost more than they saved. It also held
 * 7 MB per analysis thread (≈ 440 bytes a word).
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
type WordTable = Map<string, WordInfo>;
const NONE: Piece[] = [];

/** What the word `text` gives, from the article's table, or computed and added to it. */
function wordInfo(text: string, words: WordTable, known: KnownWords): WordInfo {
  let info = words.get(text);
  if (!info) {
    const norm = normalize(text);
    // a word that normalises to itself keeps one string for both
    const n = norm === text ? text : norm;
    const arabic = isArabic(text);
    const seg = arabic ? segment(text, 0, known, n) : null;
    info = { text, norm: n, arabic, seg, keys: wordKeys(seg, n), memoOf: null, memo: 0 };
    words.set(text, info);
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
    const words: WordTable = new Map();
    for (const s of doc.sentences ?? []) {
      bounds.push(tokens.length);
      scanSpans(text, s.start, s.end, (start, end, kind) => {
        const slice = text.slice(start, end);
        if (kind === "word") {
          const info = wordInfo(slice, words, ctx.known);
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
