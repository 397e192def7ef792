import type Database from "better-sqlite3";
import type { MentionRow, ReportCounts } from "./rows.js";

/**
 * The reports listed with a page of events (SQLite): each event's first
 * `perEvent` mentions in (published, article, insertion) order, and how many
 * articles and sources report it.
 *
 * Nearly every event has a handful of reports, so those events' mentions come
 * in one indexed query; only events with more reports than are listed take a
 * query of their own with a LIMIT (cheaper than numbering every mention of the
 * page with a window function, and bounded however often an event is reported).
 * Ids are bound as one JSON array so that every page size shares one statement.
 */

const MENTION = `SELECT m.*, a.published, a.source, a.title FROM event_mentions m JOIN articles a ON a.id = m.article_id`;
const ORDER = "ORDER BY a.published, m.article_id, m.rowid";

export function pageMentions(
  stmt: (sql: string) => Database.Statement,
  ids: number[],
  perEvent: number,
): { mentions: MentionRow[]; counts: ReportCounts } {
  const counts: ReportCounts = new Map();
  if (!ids.length) return { mentions: [], counts };
  const found = stmt(
    `SELECT m.event_id AS id, COUNT(*) AS n, COUNT(DISTINCT m.article_id) AS articles, COUNT(DISTINCT COALESCE(a.source, a.id)) AS sources
     FROM event_mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id IN (SELECT value FROM json_each(?)) GROUP BY m.event_id`,
  ).all(JSON.stringify(ids)) as Array<{ id: number; n: number; articles: number; sources: number }>;
  const few: number[] = [];
  const many: number[] = [];
  for (const c of found) {
    counts.set(Number(c.id), { articles: c.articles, sources: c.sources });
    (c.n <= perEvent ? few : many).push(Number(c.id));
  }
  const mentions = few.length
    ? (stmt(`${MENTION} WHERE m.event_id IN (SELECT value FROM json_each(?)) ${ORDER}`).all(
        JSON.stringify(few),
      ) as MentionRow[])
    : [];
  const first = stmt(`${MENTION} WHERE m.event_id = ? ${ORDER} LIMIT ?`);
  for (const id of many) mentions.push(...(first.all(id, perEvent) as MentionRow[]));
  return { mentions, counts };
}
