import { existsSync } from "node:fs";
import { join } from "node:path";
import { formKeys } from "./keys.js";
import { TokenTrie } from "./trie.js";
import { type LexiconProblem, readTsv, values } from "./tsv.js";

/**
 * Cue lists (ar/cues/*.tsv): modality markers, attribution verbs and
 * phrases, date words, and nouns that point back to earlier actors. Each file
 * declares which kinds it allows and what its value column must be.
 */

export interface Cue {
  id: string;
  file: string;
  kind: string;
  value: string;
  forms: string[];
}

const SPECS: Record<string, Record<string, RegExp>> = {
  modality: { future: /^\d+$/, negated: /^\d+$/, hypothetical: /^\d+$/ },
  attribution: { speech: /^-$/, source: /^-$/ },
  dates: {
    month: /^(1[0-2]|[1-9])$/,
    hijri: /^(1[0-2]|[1-9])$/,
    weekday: /^[0-6]$/,
    relative: /^-?\d+$/,
    week: /^-?\d+$/,
    monthrel: /^-?\d+$/,
  },
  pointers: { role: /^[A-Z]{3}$/, dual: /^2$/, title: /^-$/, body: /^(IGO|NGO)$/ },
};

export interface CueSets {
  modality: TokenTrie<Cue>;
  attribution: TokenTrie<Cue>;
  dates: TokenTrie<Cue>;
  pointers: TokenTrie<Cue>;
}

export function loadCues(dir: string, problems: LexiconProblem[]): { cues: Cue[]; tries: CueSets } {
  const cues: Cue[] = [];
  const tries = {} as CueSets;
  const ids = new Set<string>();
  for (const [name, kinds] of Object.entries(SPECS)) {
    const file = `ar/cues/${name}.tsv`;
    const trie = new TokenTrie<Cue>();
    tries[name as keyof CueSets] = trie;
    if (!existsSync(join(dir, file))) {
      problems.push({ file, line: 0, message: "missing cue file" });
      continue;
    }
    for (const { line, fields } of readTsv(
      join(dir, file),
      file,
      ["id", "kind", "value", "names"],
      problems,
    )) {
      const { id = "", kind = "", value = "" } = fields;
      const at = (message: string) => problems.push({ file, line, message });
      if (!/^[a-z0-9_.-]+$/.test(id)) at(`id "${id}" must match [a-z0-9_.-]+`);
      if (ids.has(`${name}:${id}`)) at(`duplicate id "${id}"`);
      ids.add(`${name}:${id}`);
      const valueRule = kinds[kind];
      if (!valueRule) at(`unknown kind "${kind}" (one of ${Object.keys(kinds).join(", ")})`);
      else if (!valueRule.test(value)) at(`bad value "${value}" for kind "${kind}"`);
      const forms = values(fields.names);
      if (!forms.length) at("no names given");
      const cue: Cue = { id, file, kind, value, forms };
      cues.push(cue);
      for (const f of forms) trie.add(formKeys(f), cue);
    }
  }
  return { cues, tries };
}
