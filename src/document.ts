/**
 * The article document: marsad's output contract (../shared/spec/OUTPUT.md).
 * Every consumer (CLI JSON, HTTP API, exports, evaluation) sees this shape.
 */

export interface ArticleInput {
  id: string;
  text: string;
  title?: string | null;
  /** YYYY-MM-DD */
  published?: string | null;
  url?: string | null;
  source?: string | null;
}

export interface SentenceOut {
  index: number;
  start: number;
  end: number;
  heading: boolean;
  text: string;
}

export type EntityType = "PER" | "ORG" | "GPE" | "LOC" | "NORP" | "DATE";

export interface EntityOut {
  text: string;
  type: EntityType;
  start: number;
  end: number;
  sentence: number;
  actor: string | null;
  /** Lexicon entry or rule that found it (debuggable output). */
  rule?: string;
  name?: string | null;
}

export interface ActorRef {
  code: string | null;
  name: string | null;
  text: string | null;
}

export type Modality = "asserted" | "future" | "negated" | "hypothetical";

export interface EventOut {
  source: ActorRef | null;
  target: ActorRef | null;
  cameo: string;
  plover: string;
  quad?: number;
  goldstein?: number;
  modality: Modality;
  date: string | null;
  date_text: string | null;
  location: { name: string; code: string | null; text: string } | null;
  attribution: { code: string | null; name: string | null; text?: string | null } | null;
  topics: string[];
  sentences: number[];
  evidence: string;
  /** Offsets of the evidence (trigger) in the original text. */
  evidence_start?: number;
  evidence_end?: number;
  /** Ids of the lexicon patterns and rules that produced the event. */
  rules: string[];
}

export interface ArticleDocument {
  id: string;
  published: string | null;
  language: string;
  title: string | null;
  url?: string | null;
  source?: string | null;
  sentences: SentenceOut[];
  entities: EntityOut[];
  events: EventOut[];
  /** Who says what: each speech or source cue with its speaker (an addition to the contract). */
  attributions?: AttributionOut[];
}

export interface AttributionOut {
  speaker: ActorRef;
  sentence: number;
  /** Offsets of the reported content. */
  start: number;
  end: number;
  rule: string;
}
