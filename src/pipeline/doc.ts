import type { ArticleInput, EntityOut, EventOut } from "../document.js";
import type { Segmentation } from "../lang/ar/clitics.js";
import type { SentenceUnit } from "../lang/ar/sentences.js";
import type { Token } from "../lang/ar/tokenize.js";
import type { EntryForm } from "../lexicon/load.js";
import type { ActorPhrase } from "./phrases.js";

/**
 * The working document that pipeline stages read and extend. Each stage
 * declares which fields it needs and which it adds (see stage.ts).
 */
export interface WorkToken extends Token {
  sentence: number;
  seg: Segmentation | null;
  /** Normalised stem (the token's norm without clitics). */
  stem: string;
  /** Match keys, computed on first use (see stages/mentions.ts). */
  keys?: string[];
}

/** A lexicon match: tokens [tokStart, tokEnd) and the entries whose forms matched. */
export interface Mention {
  tokStart: number;
  tokEnd: number;
  sentence: number;
  start: number;
  end: number;
  forms: EntryForm[];
  /** A person's name found by a given name, not by the lexicon ("عبد القادر المرتضى"). */
  name?: boolean;
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
  mentions?: Mention[];
  dates?: DateMention[];
  /** Attribution per sentence: the speaker and where the reported content starts. */
  attributions?: Attribution[];
  /** Actor phrases in text order (see phrases.ts). */
  actors?: ActorPhrase[];
  entities?: EntityOut[];
  events?: EventOut[];
  /** Free-form notes from stages (warnings), reported on stderr by the CLI. */
  warnings: string[];
}

export type DocField = keyof ArticleDoc;

/** A date expression; resolved per event (a future event takes the next weekday). */
export interface DateMention {
  tokStart: number;
  tokEnd: number;
  sentence: number;
  start?: number;
  end?: number;
  text: string;
  kind: "explicit" | "hijri" | "weekday" | "relative" | "week" | "monthrel";
  day?: number;
  month?: number;
  year?: number | null;
  weekday?: number;
  offset?: number;
  /** "منذ 7 أكتوبر": the latest such date before publication. */
  since: boolean;
}

/** Who said what: events whose trigger lies in [tokStart, tokEnd) are attributed to the speaker. */
export interface Attribution {
  sentence: number;
  tokStart: number;
  tokEnd: number;
  speaker: ActorPhrase;
  /** The cue tokens (speech verb or "وفقا لـ"), never coded as events themselves. */
  cueStart: number;
  cueEnd: number;
  rule: string;
}
