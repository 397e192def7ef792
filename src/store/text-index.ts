import { createHash } from "node:crypto";
import { segment } from "../lang/ar/clitics.js";
import { knownStems } from "../lang/ar/stems.js";
import { tokenize } from "../lang/ar/tokenize.js";
import { matchKey } from "../lexicon/keys.js";

/**
 * Search text: each word reduced to its normalised stem without clitics or
 * article, so that "بغزة", "وغزة" and "غزة" all index and query as "غزه".
 */

/** Stems of a text, one per word token, in order. */
export function stems(text: string): string[] {
  const known = knownStems();
  const out: string[] = [];
  for (const t of tokenize(text)) {
    if (t.kind === "punct" || t.kind === "symbol") continue;
    const stem = t.kind === "word" && t.arabic ? segment(t.text, t.start, known).stem.norm : t.norm;
    const key = matchKey(stem);
    if (key) out.push(key);
  }
  return out;
}

export function indexText(text: string): string {
  return stems(text).join(" ");
}

/** An FTS5 query matching every word of `q` (each quoted, so no operator injection). */
export function ftsQuery(q: string): string | null {
  const words = stems(q).map((w) => `"${w.replace(/"/g, '""')}"`);
  return words.length ? words.join(" AND ") : null;
}

/** The sentence with each word whose stem the query names wrapped in <mark>, all text HTML-escaped. */
export function highlight(sentence: string, q: string): string {
  const wanted = new Set(stems(q));
  const known = knownStems();
  let out = "";
  let last = 0;
  for (const t of tokenize(sentence)) {
    const stem = t.kind === "word" && t.arabic ? segment(t.text, t.start, known).stem.norm : t.norm;
    if (!wanted.has(matchKey(stem))) continue;
    out += escapeHtml(sentence.slice(last, t.start)) + "<mark>" + escapeHtml(t.text) + "</mark>";
    last = t.end;
  }
  return out + escapeHtml(sentence.slice(last));
}

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

/** The content hash that makes re-ingest idempotent: the article's text (and title). */
export function contentHash(text: string, title?: string | null): string {
  return createHash("sha256")
    .update(title ?? "")
    .update("\u0000")
    .update(text)
    .digest("hex");
}
