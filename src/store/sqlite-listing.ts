import type Database from "better-sqlite3";
import { MENTIONS_PER_EVENT } from "./rows.js";

/**
 * An event as a page of /api/events lists it, kept as JSON text (SQLite's
 * `event_listings`, one row per event): its fields, how many articles and sources
 * report it, and its first `MENTIONS_PER_EVENT` reports in (published,
 * article, insertion) order; /api/events/:id has them all.
 *
 * A page is then one indexed query that joins finished text, instead of
 * reading every report's seventeen columns into objects and serialising them
 * again on every request: reading rows into objects was most of a page's
 * cost. The text is built by SQLite's json_object, whose output for these
 * values is exactly JSON.stringify's (same key order; whole Goldstein scores
 * as integers, "-2" not "-2.0"), so `JSON.parse` gives the StoredEvent.
 *
 * Every write that adds or removes a report refreshes the listings of the
 * events it touched, in the same transaction.
 */

const MENTION = `json_object(
  'article_id', m.article_id, 'modality', m.modality, 'date_text', m.date_text,
  'location', CASE WHEN COALESCE(m.location_name, '') = '' THEN NULL
    ELSE json_object('name', m.location_name, 'code', m.location_code, 'text', COALESCE(m.location_text, '')) END,
  'attribution', CASE WHEN COALESCE(m.attribution_code, '') = '' AND COALESCE(m.attribution_name, '') = '' THEN NULL
    ELSE json_object('code', m.attribution_code, 'name', m.attribution_name) END,
  'topics', json(m.topics), 'sentences', json(m.sentences), 'evidence', m.evidence,
  'evidence_start', m.evidence_start, 'evidence_end', m.evidence_end,
  'source_text', m.source_text, 'target_text', m.target_text, 'rules', json(m.rules),
  'published', a.published, 'source', a.source, 'title', a.title)`;

/** The listing of the event row `e` (an unknown date is stored as '' and listed as null). */
const LISTING = `json_object(
  'id', e.id, 'source_code', e.source_code, 'source_name', e.source_name,
  'target_code', e.target_code, 'target_name', e.target_name, 'cameo', e.cameo, 'plover', e.plover, 'quad', e.quad,
  'goldstein', CASE WHEN e.goldstein = CAST(e.goldstein AS INTEGER) THEN CAST(e.goldstein AS INTEGER) ELSE e.goldstein END,
  'date', NULLIF(e.date, ''),
  'num_articles', (SELECT COUNT(DISTINCT m.article_id) FROM event_mentions m WHERE m.event_id = e.id),
  'num_sources', (SELECT COUNT(DISTINCT COALESCE(a.source, a.id)) FROM event_mentions m JOIN articles a ON a.id = m.article_id
    WHERE m.event_id = e.id),
  'mentions', (SELECT json_group_array(json(j)) FROM (SELECT ${MENTION} AS j FROM event_mentions m
    JOIN articles a ON a.id = m.article_id WHERE m.event_id = e.id
    ORDER BY a.published, m.article_id, m.rowid LIMIT ${MENTIONS_PER_EVENT})))`;

type Prepare = (sql: string) => Database.Statement;

/** Rebuilds the listings of these events (after their reports changed). */
export function refreshListings(stmt: Prepare, ids: Iterable<number>): void {
  const update = stmt(
    `INSERT OR REPLACE INTO event_listings (event_id, json) SELECT e.id, ${LISTING} FROM events e WHERE e.id = ?`,
  );
  for (const id of ids) update.run(id);
}

/** Builds every listing still missing (the events of a database made before listings were kept). */
export function fillListings(stmt: Prepare): number {
  return stmt(
    `INSERT INTO event_listings (event_id, json) SELECT e.id, ${LISTING} FROM events e
     WHERE NOT EXISTS (SELECT 1 FROM event_listings l WHERE l.event_id = e.id)`,
  ).run().changes;
}

/** How many events have no listing or one that is not what their rows now give (for integrity checks). */
export function staleListings(stmt: Prepare): number {
  return (
    stmt(
      `SELECT COUNT(*) AS n FROM events e LEFT JOIN event_listings l ON l.event_id = e.id WHERE l.json IS NOT ${LISTING}`,
    ).get() as { n: number }
  ).n;
}

/**
 * The page query: the matching events' keys first (in an index's order where one serves), then
 * the listings of only the page's events.
 */
export function pageQuery(filteredKeys: string): string {
  return `SELECT p.date, p.id, l.json FROM (${filteredKeys}) AS p JOIN event_listings l ON l.event_id = p.id
    ORDER BY p.date DESC, p.id DESC`;
}
