import { MENTIONS_PER_EVENT } from "./rows.js";

/**
 * The events' page entries in PostgreSQL (`event_listings`), as SQLite keeps
 * them (see sqlite-listing.ts): one event's fields, report counts and first
 * reports as JSON text, refreshed in the transaction of every write that
 * changes its reports, so that a page is one query joining finished text.
 *
 * The text is concatenated from to_json() values rather than built by
 * json_build_object, whose output puts spaces around ":" (and jsonb reorders
 * keys): this way it is exactly what JSON.stringify writes and what SQLite
 * keeps, so both backends send the same bytes.
 *
 * Writers of one event are serialised (a save holds its events' dyad locks;
 * a delete row-locks the events it touches, which waits for a save's foreign
 * key lock), and a refresh is a statement after those locks, so under READ
 * COMMITTED it sees every report committed before it.
 */

/** A value as JSON text (null for SQL NULL). */
const j = (sql: string) => `COALESCE(to_json(${sql})::text, 'null')`;

const MENTION = `'{"article_id":' || ${j("m.article_id")} || ',"modality":' || ${j("m.modality")}
  || ',"date_text":' || ${j("m.date_text")}
  || ',"location":' || CASE WHEN COALESCE(m.location_name, '') = '' THEN 'null' ELSE '{"name":' || ${j("m.location_name")}
    || ',"code":' || ${j("m.location_code")} || ',"text":' || ${j("COALESCE(m.location_text, '')")} || '}' END
  || ',"attribution":' || CASE WHEN COALESCE(m.attribution_code, '') = '' AND COALESCE(m.attribution_name, '') = ''
    THEN 'null' ELSE '{"code":' || ${j("m.attribution_code")} || ',"name":' || ${j("m.attribution_name")} || '}' END
  || ',"topics":' || m.topics || ',"sentences":' || m.sentences || ',"evidence":' || ${j("m.evidence")}
  || ',"evidence_start":' || ${j("m.evidence_start")} || ',"evidence_end":' || ${j("m.evidence_end")}
  || ',"source_text":' || ${j("m.source_text")} || ',"target_text":' || ${j("m.target_text")} || ',"rules":' || m.rules
  || ',"published":' || ${j("a.published")} || ',"source":' || ${j("a.source")} || ',"title":' || ${j("a.title")} || '}'`;

/** The listing of the event row `e`. */
const LISTING = `'{"id":' || e.id || ',"source_code":' || ${j("e.source_code")} || ',"source_name":' || ${j("e.source_name")}
  || ',"target_code":' || ${j("e.target_code")} || ',"target_name":' || ${j("e.target_name")}
  || ',"cameo":' || ${j("e.cameo")} || ',"plover":' || ${j("e.plover")} || ',"quad":' || ${j("e.quad")}
  || ',"goldstein":' || ${j("e.goldstein")} || ',"date":' || ${j("NULLIF(e.date, '')")}
  || ',"num_articles":' || (SELECT COUNT(DISTINCT m.article_id) FROM event_mentions m WHERE m.event_id = e.id)
  || ',"num_sources":' || (SELECT COUNT(DISTINCT COALESCE(a.source, a.id)) FROM event_mentions m
    JOIN articles a ON a.id = m.article_id WHERE m.event_id = e.id)
  || ',"mentions":[' || COALESCE((SELECT string_agg(r.j, ',' ORDER BY r.n) FROM (
    SELECT ${MENTION} AS j, ROW_NUMBER() OVER (ORDER BY a.published NULLS FIRST, m.article_id, m.id) AS n
    FROM event_mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = e.id
    ORDER BY n LIMIT ${MENTIONS_PER_EVENT}) AS r), '') || ']}'`;

/** Rebuilds the listings of the events `$1` (bigint[]) names that still exist. */
export const REFRESH_LISTINGS = `INSERT INTO event_listings (event_id, json)
  SELECT e.id, ${LISTING} FROM events e WHERE e.id = ANY ($1::bigint[])
  ON CONFLICT (event_id) DO UPDATE SET json = EXCLUDED.json`;

/** Builds every listing still missing (the events of a database made before listings were kept). */
export const FILL_LISTINGS = `INSERT INTO event_listings (event_id, json)
  SELECT e.id, ${LISTING} FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_listings l WHERE l.event_id = e.id)`;

/** How many events have no listing or one that is not what their rows now give. */
export const STALE_LISTINGS = `SELECT COUNT(*) AS n FROM events e LEFT JOIN event_listings l ON l.event_id = e.id
  WHERE l.json IS DISTINCT FROM ${LISTING}`;

/** A page: the matching events' keys in page order (`keys` selects date and id), then their listings. */
export function pageQuery(keys: string): string {
  return `SELECT p.date, p.id, l.json FROM (${keys}) AS p JOIN event_listings l ON l.event_id = p.id
    ORDER BY COALESCE(p.date, '') DESC, p.id DESC`;
}
