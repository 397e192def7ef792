import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LEXICON_DIR } from "../../paths.js";
import { normalize } from "./normalize.js";

/**
 * Given names (lexicon/ar/given-names.tsv): a person the lexicon does not
 * know is still found when a given name opens a run of name words:
 *   "عبد القادر المرتضى", "مساعد بن محمد العيبان", "جو بايدن".
 */

let cached: { single: Set<string>; double: Set<string> } | null = null;

export function givenNames(): { single: ReadonlySet<string>; double: ReadonlySet<string> } {
  if (cached) return cached;
  const single = new Set<string>();
  const double = new Set<string>();
  const file = join(LEXICON_DIR, "ar", "given-names.tsv");
  if (existsSync(file)) {
    for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
      if (!line || line.startsWith("#") || line.startsWith("name\t")) continue;
      const name = normalize(line.split("\t")[0] ?? "").trim();
      if (!name) continue;
      if (name.includes(" ")) double.add(name);
      else single.add(name);
    }
  }
  cached = { single, double };
  return cached;
}
