import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LEXICON_DIR } from "../../paths.js";
import { normalize } from "./normalize.js";

/**
 * Known Arabic stems (lexicon/ar/stems.tsv): words whose first or last letters
 * look like clitics but belong to the word (وزير, بيان, سياسة, اتجاه). The
 * segmenter only strips a clitic when what remains is known or clearly shaped.
 */

let cached: Set<string> | null = null;
let common: ReadonlySet<string> | null = null;

/** The stems file alone: common words, never names (used to tell unknown names from ordinary words). */
export function commonWords(): ReadonlySet<string> {
  if (!common) {
    const file = join(LEXICON_DIR, "ar", "stems.tsv");
    common = new Set(existsSync(file) ? parseStems(readFileSync(file, "utf8")) : []);
  }
  return common;
}

/** Parses a stems file: header `word\tpos`, one word a line. */
export function parseStems(text: string): string[] {
  const words: string[] = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (!line || line.startsWith("#")) continue;
    const word = line.split("\t")[0];
    if (word) words.push(normalize(word));
  }
  return words;
}

/** The known-stem set, loaded once per process; extra words (lexicon surface forms) may be added. */
export function knownStems(extra: Iterable<string> = []): Set<string> {
  cached ??= new Set(commonWords());
  for (const w of extra) cached.add(w);
  return cached;
}
