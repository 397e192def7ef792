import type { ArticleInput, EntityOut, EventOut } from "../document.js";
import type { Segmentation } from "../lang/ar/clitics.js";
import type { SentenceUnit } from "../lang/ar/sentences.js";
import type { Token } from "../lang/ar/tokenize.js";

/**
 * The working document that pipeline stages read and extend. Each stage
 * declares which fields it needs and which it adds (see stage.ts).
 */
export interface WorkToken extends Token {
  sentence: number;
  seg: Segmentation | null;
  /** Normalised stem (the token's norm without clitics). */
  stem: string;
}

export interface ArticleDoc {
  input: ArticleInput;
  text: string;
  language?: string;
  sentences?: SentenceUnit[];
  /** Tokens of the whole text, in order; `sentence` says which unit each belongs to. */
  tokens?: WorkToken[];
  /** First token index of each sentence (plus one past the end). */
  sentenceTokens?: number[];
  entities?: EntityOut[];
  events?: EventOut[];
  /** Free-form notes from stages (warnings), reported on stderr by the CLI. */
  warnings: string[];
}

export type DocField = keyof ArticleDoc;
