import { performance } from "node:perf_hooks";
import { MarsadError } from "../errors.js";
import { FUNCTION_WORDS } from "../lang/ar/function-words.js";
import { normalize } from "../lang/ar/normalize.js";
import { LEXICON_DIR } from "../paths.js";
import { type CodeTables, loadCodes } from "./codes.js";
import { type Cue, type CueSets, loadCues } from "./cues.js";
import { loadEntries } from "./entries.js";
import { formKeys } from "./keys.js";
import { loadPatterns, loadTopics } from "./patterns.js";
import { TokenTrie } from "./trie.js";
import { type LexiconProblem, problemText } from "./tsv.js";
import type { Entry, EventPattern, Topic } from "./types.js";

/**
 * Loads, validates and compiles the whole lexicon once per process: entries
 * into one token trie of surface forms, event patterns indexed by their first
 * word, topics into their own trie.
 */

export interface EntryForm {
  entry: Entry;
  form: string;
}

export interface Lexicon {
  dir: string;
  codes: CodeTables;
  entries: Entry[];
  patterns: EventPattern[];
  topics: Topic[];
  /** Surface forms of actors, places and agents, by match keys. */
  entities: TokenTrie<EntryForm>;
  /** Event patterns by the match key of their first word. */
  patternsByFirst: Map<string, EventPattern[]>;
  topicTrie: TokenTrie<Topic>;
  cues: Cue[];
  cueTries: CueSets;
  countries: Map<string, Entry>;
  /** Every word of every form, for the clitic segmenter's known stems. */
  words: Set<string>;
  loadMs: number;
}

function category(e: Entry): string {
  return e.kind === "capital" || e.kind === "nationality" || e.kind === "country" ? "country" : e.kind;
}

/** Do two offices overlap? One person's consecutive offices may share their hand-over day. */
function overlaps(a: Entry, b: Entry): boolean {
  const aFrom = a.from ?? "0000";
  const aTo = a.to ?? "9999";
  const bFrom = b.from ?? "0000";
  const bTo = b.to ?? "9999";
  if (a.en === b.en) return aFrom < bTo && bFrom < aTo;
  return aFrom <= bTo && bFrom <= aTo;
}

/** Same surface form, same category, different meaning: a conflict (people only when their offices overlap). */
function conflictProblems(entries: Entry[], problems: LexiconProblem[]): void {
  const seen = new Map<string, Entry[]>();
  for (const e of entries) {
    for (const form of new Set(e.forms.map((f) => formKeys(f).join(" ")))) {
      const key = `${category(e)}|${form}`;
      const list = seen.get(key) ?? [];
      for (const other of list) {
        if (other === e) continue;
        const differ = other.code !== e.code || (e.kind === "person" && other.en !== e.en);
        if (differ && (e.kind !== "person" || overlaps(e, other))) {
          problems.push({
            file: e.file,
            line: e.line,
            message: `form "${form}" of "${e.id}" (${e.code}) conflicts with "${other.id}" (${other.code}) at ${other.file}:${other.line}`,
          });
        }
      }
      list.push(e);
      seen.set(key, list);
    }
  }
}

/** A one-word form that reads as a function word ("ألبان" keys as "بأن") would fire on every sentence. */
function functionWordProblems(entries: Entry[], problems: LexiconProblem[]): void {
  for (const e of entries) {
    for (const form of e.forms) {
      const keys = formKeys(form);
      if (keys.length === 1 && FUNCTION_WORDS.has(keys[0]!))
        problems.push({
          file: e.file,
          line: e.line,
          message: `form "${form}" of "${e.id}" reads as the function word "${keys[0]}"`,
        });
    }
  }
}

export function compileLexicon(dir = LEXICON_DIR): { lexicon: Lexicon; problems: LexiconProblem[] } {
  const t0 = performance.now();
  const problems: LexiconProblem[] = [];
  const codes = loadCodes(dir, problems);
  const entries = loadEntries(dir, codes, problems);
  const patterns = loadPatterns(dir, codes, problems);
  const topics = loadTopics(dir, problems);
  const { cues, tries: cueTries } = loadCues(dir, problems);
  conflictProblems(entries, problems);
  functionWordProblems(entries, problems);

  const entities = new TokenTrie<EntryForm>();
  const words = new Set<string>();
  const countries = new Map<string, Entry>();
  for (const entry of entries) {
    if (entry.kind === "country") countries.set(entry.code, entry);
    for (const form of entry.forms) {
      const keys = formKeys(form);
      entities.add(keys, { entry, form });
      for (const k of keys) words.add(k);
    }
  }
  const patternsByFirst = new Map<string, EventPattern[]>();
  for (const p of patterns) {
    const first = p.tokens[0];
    if (first?.kind !== "word") continue;
    const list = patternsByFirst.get(first.key) ?? [];
    list.push(p);
    patternsByFirst.set(first.key, list);
    for (const t of p.tokens) if (t.kind === "word") words.add(t.key);
  }
  const topicTrie = new TokenTrie<Topic>();
  for (const t of topics) for (const keys of t.keys) topicTrie.add(keys, t);
  for (const c of cues) for (const f of c.forms) for (const k of formKeys(f)) words.add(k);
  for (const w of [...words]) if (w.length >= 2) words.add(normalize(`ال${w}`));
  // a form's inner word may carry a clitic ("المكتب السياسي لحزب الله"): that is not a stem of its own
  for (const w of [...words]) {
    const rest = w.slice(1);
    if ("وفبلك".includes(w[0] ?? "") && (words.has(rest) || (w.startsWith("لل") && words.has(`ا${rest}`))))
      words.delete(w);
  }
  const lexicon: Lexicon = {
    dir,
    codes,
    entries,
    patterns,
    topics,
    entities,
    patternsByFirst,
    topicTrie,
    cues,
    cueTries,
    countries,
    words,
    loadMs: 0,
  };
  lexicon.loadMs = performance.now() - t0;
  return { lexicon, problems };
}

const cache = new Map<string, Lexicon>();

/** The validated lexicon (cached per folder); invalid data is an E_LEXICON error listing the problems. */
export function loadLexicon(dir = LEXICON_DIR): Lexicon {
  const hit = cache.get(dir);
  if (hit) return hit;
  const { lexicon, problems } = compileLexicon(dir);
  if (problems.length) {
    const shown = problems.slice(0, 20).map(problemText).join("\n  ");
    const more = problems.length > 20 ? `\n  … and ${problems.length - 20} more` : "";
    throw new MarsadError(
      "E_LEXICON",
      `${problems.length} problem(s) in the lexicon:\n  ${shown}${more}`,
      dir,
    );
  }
  cache.set(dir, lexicon);
  return lexicon;
}
