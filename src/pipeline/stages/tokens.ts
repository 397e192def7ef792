import { type KnownWords, segment } from "../../lang/ar/clitics.js";
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
        const seg = t.kind === "word" && t.arabic ? segment(t.text, t.start, ctx.known) : null;
        tokens.push({ ...t, sentence: s.index, seg, stem: seg ? seg.stem.norm : t.norm });
      }
    }
    bounds.push(tokens.length);
    doc.tokens = tokens;
    doc.sentenceTokens = bounds;
  },
};
