import { readFileSync } from "node:fs";
import type { EntityOut } from "../document.js";
import type { Pipeline } from "../pipeline/index.js";

/**
 * Entity evaluation on CoNLL NER files ("token TAG" a line, blank line between
 * sentences; B-/I- PERS, LOC, ORG, MISC). Sentences are analysed in batches as
 * articles; predicted entities are mapped to the tokens they cover and scored
 * as exact spans per type (PER→PERS, GPE and LOC→LOC, ORG→ORG).
 */

export interface TypeScore {
  type: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

const MAP: Record<string, string | undefined> = { PER: "PERS", GPE: "LOC", LOC: "LOC", ORG: "ORG" };

interface Sentence {
  tokens: string[];
  tags: string[];
}

export function readConll(path: string): Sentence[] {
  const out: Sentence[] = [];
  let cur: Sentence = { tokens: [], tags: [] };
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
    const m = line.trim().match(/^(\S+)\s+(\S+)$/);
    if (!m) {
      if (cur.tokens.length) out.push(cur);
      cur = { tokens: [], tags: [] };
      continue;
    }
    cur.tokens.push(m[1]!);
    cur.tags.push(m[2]!);
  }
  if (cur.tokens.length) out.push(cur);
  return out;
}

function spans(tags: string[], offset: number): string[] {
  const out: string[] = [];
  let start = -1;
  let type = "";
  const close = (end: number) => {
    if (start >= 0) out.push(`${type}:${offset + start}:${offset + end}`);
    start = -1;
  };
  tags.forEach((tag, i) => {
    const [bio, t = ""] = tag.split("-");
    if (bio === "B" || (bio === "I" && t !== type) || bio === "O") close(i);
    if (bio === "B" || (bio === "I" && start < 0)) {
      start = i;
      type = t;
    }
  });
  close(tags.length);
  return out;
}

export function scoreConll(path: string, pipeline: Pipeline, batch = 50): TypeScore[] {
  const sentences = readConll(path);
  const gold = new Set<string>();
  const predicted = new Set<string>();
  let tokenBase = 0;
  for (let b = 0; b < sentences.length; b += batch) {
    const group = sentences.slice(b, b + batch);
    // one line per sentence, tokens joined by spaces; remember each token's offset
    const starts: number[] = [];
    let text = "";
    group.forEach((s, k) => {
      for (const g of spans(s.tags, tokenBase + starts.length)) gold.add(g);
      s.tokens.forEach((tok, i) => {
        if (i > 0) text += " ";
        starts.push(text.length);
        text += tok;
      });
      if (k < group.length - 1) text += "\n";
    });
    const doc = pipeline.run({ id: `conll-${b}`, text, published: null });
    for (const e of doc.entities as EntityOut[]) {
      const type = MAP[e.type];
      if (!type) continue;
      // the tokens the entity covers: from the one holding its start to the one holding its end
      let first = -1;
      let last = -1;
      for (let i = 0; i < starts.length; i++) {
        if (starts[i]! <= e.start) first = i;
        if (starts[i]! < e.end) last = i;
      }
      if (first >= 0 && last >= first) predicted.add(`${type}:${tokenBase + first}:${tokenBase + last + 1}`);
    }
    tokenBase += starts.length;
  }
  const types = ["PERS", "LOC", "ORG"];
  const rows = types.map((type) => {
    const g = [...gold].filter((x) => x.startsWith(`${type}:`));
    const p = [...predicted].filter((x) => x.startsWith(`${type}:`));
    const tp = p.filter((x) => gold.has(x)).length;
    return row(type, tp, p.length - tp, g.length - tp);
  });
  const sum = (k: "tp" | "fp" | "fn") => rows.reduce((n, r) => n + r[k], 0);
  rows.push(row("ALL", sum("tp"), sum("fp"), sum("fn")));
  return rows;
}

function row(type: string, tp: number, fp: number, fn: number): TypeScore {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    type,
    tp,
    fp,
    fn,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}
