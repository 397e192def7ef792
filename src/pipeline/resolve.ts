import type { EntityType } from "../document.js";
import type { EntryForm, Lexicon } from "../lexicon/load.js";
import type { Entry } from "../lexicon/types.js";

/**
 * Resolution of lexicon entries in context: which of several entries a form
 * stands for, and what actor code a person has on the publication date.
 *
 *   "بلينكن" on 2024-06-27 → USAGOV (Secretary of State 2021-01-26…2025-01-20)
 *   "بلينكن" on 2026-01-01 → USA (a US person without office)
 */

const PRIORITY: Record<Entry["kind"], number> = {
  person: 0,
  org: 1,
  country: 2,
  capital: 3,
  nationality: 4,
  place: 5,
  agent: 6,
};

/** The office a person holds on `date` (YYYY-MM-DD), or null. */
export function officeOn(offices: Entry[], date: string | null): Entry | null {
  const when = date ?? new Date().toISOString().slice(0, 10);
  const holding = offices.filter((e) => (e.from ?? "0000") <= when && when <= (e.to ?? "9999"));
  holding.sort((a, b) => (b.from ?? "").localeCompare(a.from ?? ""));
  return holding[0] ?? null;
}

export interface Resolved {
  entry: Entry;
  kind: Entry["kind"];
  /** The actor code in context (null for agents and places). */
  code: string | null;
  /** The ISO3 or region code the entry belongs to. */
  country: string | null;
  role: string | null;
  name: string;
  type: EntityType | null;
  rule: string;
}

/** Picks the entry a mention stands for and resolves it on the publication date. */
export function resolveForms(
  forms: EntryForm[],
  published: string | null,
  lexicon: Lexicon,
): Resolved | null {
  const entries = [...new Set(forms.map((f) => f.entry))].sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind]);
  const top = entries[0];
  if (!top) return null;
  if (top.kind === "person") {
    const offices = entries.filter((e) => e.kind === "person" && e.en === top.en);
    const office = officeOn(offices, published);
    const nationality = top.nationality ?? null;
    if (office) {
      return {
        entry: office,
        kind: "person",
        code: office.code,
        country: office.code.slice(0, 3),
        role: office.code.slice(3, 6) || null,
        name: office.en,
        type: "PER",
        rule: `person:${office.id}`,
      };
    }
    return {
      entry: top,
      kind: "person",
      code: nationality,
      country: nationality,
      role: null,
      name: top.en,
      type: "PER",
      rule: `person:${top.id}@no-office`,
    };
  }
  const country = countryOf(top, lexicon);
  switch (top.kind) {
    case "org":
      return {
        entry: top,
        kind: "org",
        code: top.code,
        country,
        role: top.code.slice(3, 6) || null,
        name: top.en,
        type: "ORG",
        rule: `org:${top.id}`,
      };
    case "country":
      return {
        entry: top,
        kind: "country",
        code: top.code,
        country: top.code,
        role: null,
        name: top.en,
        type: "GPE",
        rule: `country:${top.id}`,
      };
    case "capital":
      return {
        entry: top,
        kind: "capital",
        code: top.code,
        country,
        role: "GOV",
        name: `${top.en} (government)`,
        type: "GPE",
        rule: `capital:${top.id}`,
      };
    case "nationality":
      return {
        entry: top,
        kind: "nationality",
        code: top.code,
        country: top.code,
        role: null,
        name: top.en,
        type: "NORP",
        rule: `nationality:${top.id}`,
      };
    case "place":
      return {
        entry: top,
        kind: "place",
        code: top.code,
        country: top.code,
        role: null,
        name: top.en,
        type: top.type,
        rule: `place:${top.id}`,
      };
    default:
      return {
        entry: top,
        kind: "agent",
        code: null,
        country: null,
        role: top.code,
        name: top.en,
        type: null,
        rule: `agent:${top.id}`,
      };
  }
}

/** The country (or region) an entry belongs to. */
export function countryOf(e: Entry, lexicon: Lexicon): string | null {
  if (e.kind === "agent") return null;
  if (e.kind === "person") return e.nationality ?? null;
  const head = e.code.slice(0, 3);
  if (lexicon.codes.countries.has(head) || lexicon.codes.roles.get(head)?.kind === "region") return head;
  return null;
}

/** Display name of a code: the country's English name plus its role. */
export function codeName(code: string | null, lexicon: Lexicon): string | null {
  if (!code) return null;
  const country =
    lexicon.countries.get(code.slice(0, 3))?.en ??
    lexicon.codes.roles.get(code.slice(0, 3))?.label ??
    code.slice(0, 3);
  const role = code.slice(3, 6);
  if (!role) return country;
  const label = lexicon.codes.roles.get(role)?.label.split(",")[0] ?? lexicon.codes.groups.get(role) ?? role;
  return `${country} (${label})`;
}
