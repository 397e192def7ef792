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
/** Segmentations by token text, relative to the token's start: words repeat, so most lookups hit. */
const cache = new Map<string, Segmentation>();
// 20,000 words cover most running text (Zipf) at ≈ 10 MB per analysis thread; 50,000 cost ≈ 30 MB
const CACHE_MAX = 20_000;

function segmentCached(text: string, start: number, known: KnownWords): Segmentation {
  let rel = cache.get(text);
  if (!rel) {
    if (cache.size >= CACHE_MAX) cache.clear();
    rel = segment(text, 0, known);
    cache.set(text, rel);
  }
  if (start === 0) return rel;
  const shift = (p: Piece): Piece => ({
    text: p.text,
    norm: p.norm,
    start: p.start + start,
    end: p.end + start,
  });
  return {
    proclitics: rel.proclitics.map(shift),
    stem: shift(rel.stem),
    enclitics: rel.enclitics.map(shift),
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
        const w = t as WorkToken;
        w.sentence = s.index;
        w.seg = seg;
        w.stem = seg ? seg.stem.norm : t.norm;
        tokens.push(w);
      }
    }
    bounds.push(tokens.length);
    doc.tokens = tokens;
    doc.sentenceTokens = bounds;
  },
};
