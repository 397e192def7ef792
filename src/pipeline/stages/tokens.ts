import { type KnownWords, type Piece, type Segmentation, segment } from "../../lang/ar/clitics.js";
import { scanTokens, type TokenKind } from "../../lang/ar/tokenize.js";
import type { ArticleDoc, WorkToken } from "../doc.js";
import type { Stage } from "../stage.js";
import { wordKeys } from "./mentions.js";

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
 * memory stays under 2 × GENERATION entries (≈ 6 MB per analysis thread;
 * clearing everything at once re-segmented the commonest words).
 */
interface WordInfo {
  seg: Segmentation | null;
  keys: string[];
}
const GENERATION = 8_000;
let young = new Map<string, WordInfo>();
let old = new Map<string, WordInfo>();
const NONE: Piece[] = [];

function wordInfo(text: string, norm: string, arabic: boolean, known: KnownWords): WordInfo {
  let info = young.get(text);
  if (!info) {
    info = old.get(text);
    if (!info) {
      const seg = arabic ? segment(text, 0, known) : null;
      info = { seg, keys: wordKeys(seg, norm) };
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
    private readonly rel: Segmentation | null,
    public keys: string[] | undefined,
  ) {
    this.stem = rel ? rel.stem.norm : norm;
  }

  get seg(): Segmentation | null {
    if (this.placedSeg === undefined) this.placedSeg = this.rel ? placed(this.rel, this.start) : null;
    return this.placedSeg;
  }

  /** The plain object the token stands for (what JSON and structured clone see). */
  toJSON(): WorkToken {
    const { index, start, end, text, norm, kind, arabic, sentence, seg, stem, keys } = this;
    return { index, start, end, text, norm, kind, arabic, sentence, seg, stem, keys };
  }
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
      scanTokens(doc.text, s.start, s.end, (start, end, text, norm, kind, arabic) => {
        const info = kind === "word" ? wordInfo(text, norm, arabic, ctx.known) : null;
        tokens.push(
          new DocToken(
            tokens.length,
            start,
            end,
            text,
            norm,
            kind,
            arabic,
            s.index,
            info?.seg ?? null,
            info?.keys,
          ),
        );
      });
    }
    bounds.push(tokens.length);
    doc.tokens = tokens;
    doc.sentenceTokens = bounds;
  },
};
