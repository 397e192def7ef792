import { type KnownWords, type Piece, type Segmentation, segment } from "../../lang/ar/clitics.js";
import { tokenize } from "../../lang/ar/tokenize.js";
import type { ArticleDoc, WorkToken } from "../doc.js";
import type { Stage } from "../stage.js";

export interface TokenContext {
  known: KnownWords;
}

/**
 * Tokens of every sentence with their clitic segmentation:
 * "وبالحكومة" → proclitics و ب ال, stem حكومه.
 */
/**
 * Segmentations by token text, relative to the token's start: words repeat, so most lookups
 * hit. Two generations: when the young one fills it becomes the old one, and words found there
 * move back, so frequent words survive while memory stays under 2 × GENERATION entries
 * (≈ 10 MB per analysis thread; clearing everything at once re-segmented the commonest words).
 */
const GENERATION = 10_000;
let young = new Map<string, Segmentation>();
let old = new Map<string, Segmentation>();
const NONE: Piece[] = [];

function segmentCached(text: string, start: number, known: KnownWords): Segmentation {
  let rel = young.get(text);
  if (!rel) {
    rel = old.get(text) ?? segment(text, 0, known);
    if (young.size >= GENERATION) {
      old = young;
      young = new Map();
    }
    young.set(text, rel);
  }
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

export const tokensStage: Stage<TokenContext> = {
  name: "tokens",
  needs: ["sentences"],
  adds: ["tokens", "sentenceTokens"],
  run(doc: ArticleDoc, ctx: TokenContext) {
    const tokens: WorkToken[] = [];
    const bounds: number[] = [];
    for (const s of doc.sentences ?? []) {
      bounds.push(tokens.length);
      for (const t of tokenize(doc.text, s.start, s.end, tokens.length)) {
        const seg = t.kind === "word" && t.arabic ? segmentCached(t.text, t.start, ctx.known) : null;
        // every field set at once, in one order: tokens share one object shape (adding fields
        // one by one later made each token a slow dictionary-like object)
        tokens.push({
          index: t.index,
          start: t.start,
          end: t.end,
          text: t.text,
          norm: t.norm,
          kind: t.kind,
          arabic: t.arabic,
          sentence: s.index,
          seg,
          stem: seg ? seg.stem.norm : t.norm,
          keys: undefined,
        });
      }
    }
    bounds.push(tokens.length);
    doc.tokens = tokens;
    doc.sentenceTokens = bounds;
  },
};
