import type { EntityType } from "../document.js";

/** What the loader builds from lexicon/: entries, event patterns and code tables. */

export type EntryKind = "country" | "capital" | "nationality" | "place" | "person" | "org" | "agent";

export interface Entry {
  id: string;
  kind: EntryKind;
  file: string;
  line: number;
  /** Actor code (country, organisation, person's office) or place code; the role code for agents. */
  code: string;
  type: EntityType | null;
  en: string;
  /** The surface forms written in the file (un-normalised). */
  forms: string[];
  /** people: the office, the code outside it, and its dates */
  role?: string;
  nationality?: string;
  from?: string | null;
  to?: string | null;
  /** countries: ISO3 (also for capitals and nationality adjectives derived from them) */
  iso3?: string;
}

export type PatternToken =
  | { kind: "word"; key: string; text: string }
  | { kind: "slot"; prep: string | null }
  | { kind: "gap" };

/** `participle`: a circumstantial participle (مطالبا، متهما): no subject of its own. */
/** `inverse`: the subject receives ("تلقى الأسد اتصالا من بن زايد"): source and target swap. */
export type PatternForm = "verb" | "passive" | "noun" | "participle" | "inverse";

export interface EventPattern {
  id: string;
  cameo: string;
  form: PatternForm;
  /**
   * Written with form `negated` or `future`: a verb that codes this event only in that modality,
   * and then as asserted — "لن تقبل بأي شروط إسرائيلية" is a rejection (12), not a negated
   * acceptance; "الاتحاد سيرد بقوة على …" is a threat (13), not a future response.
   */
  only?: "negated" | "future";
  tokens: PatternToken[];
  text: string;
  file: string;
  line: number;
  note: string;
}

export interface CameoCode {
  code: string;
  label: string;
  quad: number;
  goldstein: number;
  plover: string;
}

export interface Topic {
  id: string;
  topic: string;
  forms: string[];
  keys: string[][];
}
