import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { normalize } from "../lang/ar/normalize.js";
import { actorCodeProblem, type CodeTables, isPlaceCode } from "./codes.js";
import { adjectiveForms } from "./keys.js";
import { type LexiconProblem, readTsv, values } from "./tsv.js";
import type { Entry } from "./types.js";

/**
 * Actor and place entries: countries (with capitals as government metonyms
 * and nationality adjectives), places, people (one line per office, with
 * dates), organisations and agents (role words).
 */

const ID = /^[a-z0-9_.-]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

function filesOf(dir: string, rel: string): string[] {
  const full = join(dir, rel);
  if (!existsSync(full)) return [];
  if (rel.endsWith(".tsv")) return [rel];
  return readdirSync(full)
    .filter((f) => f.endsWith(".tsv"))
    .sort()
    .map((f) => `${rel}/${f}`);
}

/**
 * An entry with every field written, in one order, by one object literal: entries made by
 * spreading a country's common fields ({ ...base, kind: "capital" }) each had a shape of their
 * own to the engine (452 shapes for 3,800 entries), so every read of an entry's code or kind
 * was a slow lookup. Fields an entry's kind does not have are undefined.
 */
export function lexiconEntry(e: Entry): Entry {
  return {
    id: e.id,
    kind: e.kind,
    file: e.file,
    line: e.line,
    code: e.code,
    type: e.type,
    en: e.en,
    forms: e.forms,
    role: e.role,
    nationality: e.nationality,
    from: e.from,
    to: e.to,
    iso3: e.iso3,
  };
}

export function loadEntries(dir: string, codes: CodeTables, problems: LexiconProblem[]): Entry[] {
  const entries: Entry[] = [];
  const ids = new Map<string, string>();
  const add = (e: Entry) => {
    const key = `${e.kind === "capital" || e.kind === "nationality" ? "country" : e.kind}:${e.id}`;
    const seen = ids.get(key);
    if (seen)
      problems.push({ file: e.file, line: e.line, message: `duplicate id "${e.id}" (first at ${seen})` });
    else ids.set(key, `${e.file}:${e.line}`);
    if (!ID.test(e.id))
      problems.push({ file: e.file, line: e.line, message: `id "${e.id}" must match [a-z0-9_.-]+` });
    if (e.forms.length === 0) problems.push({ file: e.file, line: e.line, message: "no names given" });
    entries.push(lexiconEntry(e));
  };

  // countries first: their ISO3 codes make the actor-code grammar
  const cFile = "ar/countries.tsv";
  const countryRows = existsSync(join(dir, cFile))
    ? readTsv(join(dir, cFile), cFile, ["id", "iso3", "en", "names", "capital", "adjectives"], problems)
    : [];
  for (const { fields } of countryRows)
    if (/^[A-Z]{3}$/.test(fields.iso3 ?? "")) codes.countries.add(fields.iso3!);
  // a generated adjective form that is a country or capital name is that name (برازيليا is Brasília)
  const names = new Set(
    countryRows.flatMap(({ fields }) => [...values(fields.names), ...values(fields.capital)]).map(normalize),
  );
  for (const { line, fields } of countryRows) {
    const iso3 = fields.iso3 ?? "";
    const base = { file: cFile, line, en: fields.en ?? "", iso3 };
    if (!/^[A-Z]{3}$/.test(iso3)) problems.push({ file: cFile, line, message: `bad ISO3 code "${iso3}"` });
    add({
      ...base,
      id: fields.id ?? "",
      kind: "country",
      code: iso3,
      type: "GPE",
      forms: values(fields.names),
    });
    const capital = values(fields.capital);
    if (capital.length)
      add({
        ...base,
        id: `${fields.id}.capital`,
        kind: "capital",
        code: `${iso3}GOV`,
        type: "GPE",
        forms: capital,
      });
    const adjectives = values(fields.adjectives)
      .flatMap(adjectiveForms)
      .filter((f) => !names.has(normalize(f)));
    if (adjectives.length)
      add({
        ...base,
        id: `${fields.id}.adj`,
        kind: "nationality",
        code: iso3,
        type: "NORP",
        forms: adjectives,
      });
  }

  for (const file of filesOf(dir, "ar/places.tsv")) {
    for (const { line, fields } of readTsv(
      join(dir, file),
      file,
      ["id", "code", "type", "en", "names"],
      problems,
    )) {
      const code = fields.code ?? "";
      if (!isPlaceCode(code, codes))
        problems.push({ file, line, message: `unknown place code "${code}" (a country ISO3 or a region)` });
      if (fields.type !== "GPE" && fields.type !== "LOC")
        problems.push({ file, line, message: `type must be GPE or LOC, found "${fields.type}"` });
      add({
        id: fields.id ?? "",
        kind: "place",
        file,
        line,
        code,
        type: fields.type === "LOC" ? "LOC" : "GPE",
        en: fields.en ?? "",
        forms: values(fields.names),
      });
    }
  }

  for (const file of filesOf(dir, "ar/people")) {
    const cols = ["id", "en", "names", "nationality", "actor", "from", "to", "role"];
    for (const { line, fields } of readTsv(join(dir, file), file, cols, problems)) {
      const at = (message: string) => problems.push({ file, line, message });
      const actor = fields.actor ?? "";
      const nationality = fields.nationality ?? "";
      const from = fields.from || null;
      const to = fields.to || null;
      const why = actorCodeProblem(actor, codes);
      if (why) at(why);
      if (!codes.countries.has(nationality) && !codes.roles.has(nationality))
        at(`unknown nationality "${nationality}"`);
      if (from && !validDate(from)) at(`"from" date "${from}" does not parse (YYYY-MM-DD)`);
      if (to && !validDate(to)) at(`"to" date "${to}" does not parse (YYYY-MM-DD)`);
      if (from && to && validDate(from) && validDate(to) && from > to)
        at(`"from" ${from} is after "to" ${to}`);
      add({
        id: fields.id ?? "",
        kind: "person",
        file,
        line,
        code: actor,
        type: "PER",
        en: fields.en ?? "",
        forms: values(fields.names),
        role: fields.role ?? "",
        nationality,
        from,
        to,
      });
    }
  }

  for (const file of filesOf(dir, "ar/organisations.tsv")) {
    for (const { line, fields } of readTsv(
      join(dir, file),
      file,
      ["id", "code", "type", "en", "names"],
      problems,
    )) {
      const why = actorCodeProblem(fields.code ?? "", codes);
      if (why) problems.push({ file, line, message: why });
      if (fields.type !== "ORG")
        problems.push({ file, line, message: `type must be ORG, found "${fields.type}"` });
      add({
        id: fields.id ?? "",
        kind: "org",
        file,
        line,
        code: fields.code ?? "",
        type: "ORG",
        en: fields.en ?? "",
        forms: values(fields.names),
      });
    }
  }

  for (const file of filesOf(dir, "ar/agents.tsv")) {
    for (const { line, fields } of readTsv(join(dir, file), file, ["id", "role", "names"], problems)) {
      const role = fields.role ?? "";
      const kind = codes.roles.get(role)?.kind;
      if (kind !== "role" && kind !== "intl")
        problems.push({ file, line, message: `unknown role code "${role}"` });
      add({
        id: fields.id ?? "",
        kind: "agent",
        file,
        line,
        code: role,
        type: null,
        en: fields.id ?? "",
        forms: values(fields.names),
      });
    }
  }
  return entries;
}
