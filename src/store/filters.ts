import type { EventFilter } from "./types.js";

/**
 * WHERE clauses for event filters, with bound parameters only (never string
 * concatenation of values). `param(i)` renders the i-th placeholder in the
 * driver's syntax: "?" for SQLite, "$1" for PostgreSQL.
 */

/** The smallest string greater than every string starting with `prefix` (an index-friendly prefix range). */
function prefixEnd(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

export interface Where {
  sql: string;
  params: unknown[];
}

export function eventWhere(f: EventFilter, param: (i: number) => string, ftsIds?: string): Where {
  const parts: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return param(params.length);
  };
  const prefix = (col: string, v: string) => `(${col} >= ${p(v)} AND ${col} < ${p(prefixEnd(v))})`;
  if (f.source) parts.push(prefix("e.source_code", f.source));
  if (f.target) parts.push(prefix("e.target_code", f.target));
  if (f.actor) parts.push(`(${prefix("e.source_code", f.actor)} OR ${prefix("e.target_code", f.actor)})`);
  if (f.cameo) parts.push(prefix("e.cameo", f.cameo));
  if (f.plover) parts.push(`e.plover = ${p(f.plover)}`);
  if (f.quad !== undefined) parts.push(`e.quad = ${p(f.quad)}`);
  if (f.from) parts.push(`e.date >= ${p(f.from)}`);
  if (f.to) parts.push(`e.date <= ${p(f.to)} AND e.date <> ''`);
  if (f.modality)
    parts.push(
      `EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id AND m.modality = ${p(f.modality)})`,
    );
  if (f.topic)
    parts.push(
      `EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id AND m.topics LIKE ${p(`%"${f.topic.replace(/[\\%_"]/g, "")}"%`)})`,
    );
  if (f.article)
    parts.push(
      `EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id AND m.article_id = ${p(f.article)})`,
    );
  if (ftsIds)
    parts.push(
      `EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id AND m.article_id IN (${ftsIds}))`,
    );
  return { sql: parts.length ? `WHERE ${parts.join(" AND ")}` : "", params };
}

/** Cursor over (date, id) in descending order: opaque base64 of the last row's key. */
export function encodeCursor(date: string | null, id: number): string {
  return Buffer.from(JSON.stringify([date, id])).toString("base64url");
}

export function decodeCursor(cursor: string): { date: string | null; id: number } | null {
  try {
    const [date, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    if ((date === null || typeof date === "string") && typeof id === "number" && Number.isInteger(id))
      return { date, id };
  } catch {
    // fall through
  }
  return null;
}

/** Dates within a day of each other count as the same event's date (YYYY-MM-DD ± 1). */
export function dayRange(date: string): [string, string] {
  const d = new Date(`${date}T00:00:00Z`);
  const lo = new Date(d.getTime() - 86_400_000).toISOString().slice(0, 10);
  const hi = new Date(d.getTime() + 86_400_000).toISOString().slice(0, 10);
  return [lo, hi];
}
