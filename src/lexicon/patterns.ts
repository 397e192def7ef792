import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { normalize } from "../lang/ar/normalize.js";
import type { CodeTables } from "./codes.js";
import { formKeys, matchKey } from "./keys.js";
import { type LexiconProblem, readTsv, values } from "./tsv.js";
import type { EventPattern, PatternForm, PatternToken, Topic } from "./types.js";

/**
 * Event patterns (ar/events/NN-*.tsv) and topics (ar/topics.tsv).
 *
 *   فرض عقوبات على {T}   → word فرض, word عقوبات, word على, slot
 *   استدعى سفير * لدى {T} → … gap (0–3 words) …
 *   ب{T}                  → slot marked by the joined preposition ب
 */

const FORMS = new Set<string>(["verb", "passive", "noun", "participle", "inverse", "negated", "future"]);
const ID = /^[a-z0-9_.-]+$/;

export function parsePattern(text: string): PatternToken[] | string {
  const tokens: PatternToken[] = [];
  for (const raw of text.split(/\s+/).filter(Boolean)) {
    if (raw === "*") tokens.push({ kind: "gap" });
    else if (/^[بلك]?\{T\}$/.test(raw))
      tokens.push({ kind: "slot", prep: raw.length > 3 ? normalize(raw[0]!) : null });
    else if (/^[\u0621-\u064A\u0670\u0671]+$/.test(raw))
      tokens.push({ kind: "word", key: matchKey(normalize(raw)), text: raw });
    else return `bad pattern token "${raw}" (an Arabic word, {T}, ب{T}, ل{T}, ك{T} or *)`;
  }
  if (!tokens.some((t) => t.kind === "word")) return "a pattern needs at least one Arabic word";
  if (tokens[0]?.kind !== "word") return "a pattern must start with an Arabic word";
  if (tokens.filter((t) => t.kind === "slot").length > 1) return "at most one {T} slot";
  if (tokens[tokens.length - 1]?.kind === "gap") return "a pattern cannot end with *";
  return tokens;
}

export function loadPatterns(dir: string, codes: CodeTables, problems: LexiconProblem[]): EventPattern[] {
  const folder = join(dir, "ar/events");
  if (!existsSync(folder)) return [];
  const patterns: EventPattern[] = [];
  const ids = new Map<string, string>();
  const texts = new Map<string, string>();
  for (const name of readdirSync(folder)
    .filter((f) => f.endsWith(".tsv"))
    .sort()) {
    const file = `ar/events/${name}`;
    const root = name.slice(0, 2);
    for (const { line, fields } of readTsv(
      join(dir, file),
      file,
      ["id", "cameo", "form", "pattern", "note"],
      problems,
    )) {
      const at = (message: string) => problems.push({ file, line, message });
      const { id = "", cameo = "", form = "", pattern = "", note = "" } = fields;
      if (!ID.test(id)) at(`id "${id}" must match [a-z0-9_.-]+`);
      const seen = ids.get(id);
      if (seen) at(`duplicate pattern id "${id}" (first at ${seen})`);
      ids.set(id, `${file}:${line}`);
      if (!codes.cameo.has(cameo)) at(`unknown CAMEO code "${cameo}"`);
      else if (/^\d\d-/.test(name) && !cameo.startsWith(root))
        at(`CAMEO code "${cameo}" is not in root ${root} of this file`);
      if (!FORMS.has(form))
        at(`form must be verb, passive, noun, participle, inverse, negated or future, found "${form}"`);
      const tokens = parsePattern(pattern);
      if (typeof tokens === "string") {
        at(tokens);
        continue;
      }
      const key = `${form}|${tokens.map((t) => (t.kind === "word" ? t.key : t.kind === "gap" ? "*" : `${t.prep ?? ""}{T}`)).join(" ")}`;
      const other = texts.get(key);
      if (other) at(`pattern "${pattern}" (${form}) is already defined at ${other}`);
      texts.set(key, `${file}:${line} (${cameo})`);
      // `negated` / `future`: a verb read only in that modality ("لا تعترف ب…" is a rejection)
      const only = form === "negated" || form === "future" ? form : undefined;
      const entry: EventPattern = {
        id,
        cameo,
        form: only ? "verb" : (form as PatternForm),
        tokens,
        text: pattern,
        file,
        line,
        note,
        // written on every pattern (undefined when none), so that all have one shape to the engine
        only,
      };
      patterns.push(entry);
    }
  }
  return patterns;
}

export function loadTopics(dir: string, problems: LexiconProblem[]): Topic[] {
  const file = "ar/topics.tsv";
  if (!existsSync(join(dir, file))) return [];
  const topics: Topic[] = [];
  const ids = new Set<string>();
  for (const { line, fields } of readTsv(join(dir, file), file, ["id", "topic", "names"], problems)) {
    const { id = "", topic = "" } = fields;
    if (!ID.test(id)) problems.push({ file, line, message: `id "${id}" must match [a-z0-9_.-]+` });
    if (ids.has(id)) problems.push({ file, line, message: `duplicate id "${id}"` });
    ids.add(id);
    if (!/^[a-z_]+$/.test(topic))
      problems.push({ file, line, message: `topic "${topic}" must be lowercase English` });
    const forms = values(fields.names);
    if (!forms.length) problems.push({ file, line, message: "no names given" });
    topics.push({ id, topic, forms, keys: forms.map(formKeys) });
  }
  return topics;
}
