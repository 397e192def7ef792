import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import type { ArticleDocument, ArticleInput } from "../document.js";
import { MarsadError } from "../errors.js";
import { PACKAGE_ROOT } from "../paths.js";
import { dayRange, decodeCursor, encodeCursor, eventWhere } from "./filters.js";
import { FILL_LISTINGS, pageQuery, REFRESH_LISTINGS, STALE_LISTINGS } from "./postgres-listing.js";
import {
  type EventRow,
  eventValues,
  hydrateEvents,
  type MentionRow,
  pageText,
  type SearchRow,
  searchHit,
} from "./rows.js";
import { contentHash, indexText, stems } from "./text-index.js";
import type {
  ActorCount,
  EventFilter,
  GraphEdge,
  IngestStatus,
  Page,
  SearchHit,
  Store,
  StoredEvent,
  TimelineBucket,
} from "./types.js";

/**
 * The PostgreSQL store, for many workers on one database: the same behaviour
 * as the SQLite store, schema migrations versioned in
 * migrations/postgres/NNN_*.sql, every article saved in one transaction.
 *
 * URL: postgres://user:pass@host:5432/db, with an optional `?schema=NAME`
 * (lower-case letters, digits, _): the schema is created if missing and used
 * as the connection's search_path (through the startup `options`, which
 * a URL may also set itself: `?options=-c%20search_path%3Dname`).
 *
 * Concurrency: a save takes transaction-level advisory locks (in one global
 * order, so they cannot deadlock) on its article id, its content hash and
 * the dyad of each of its events, then locks the rows it replaces; two
 * workers saving the same article, or two reports of the same event, are
 * serialised instead of storing duplicates. The unique hash constraint stays
 * the last guard; deadlocks and conflicts are retried.
 */

const { Pool, escapeIdentifier } = pg;
type Db = pg.Pool | pg.PoolClient;

/** Advisory-lock namespace (the two-key form): "mars". Key 0 guards migrations. */
const LOCK_SPACE = 0x6d617273;
const MIGRATION_LOCK = 0;
/** Serialization failure, deadlock, unique and foreign-key violations: a concurrent writer won; try again. */
const RETRYABLE = new Set(["40001", "40P01", "23505", "23503"]);
const ATTEMPTS = 5;
/** Saves by one store after which its tables are analysed on close. */
const BULK_LOAD = 1000;

/** PostgreSQL text cannot hold U+0000: it becomes U+FFFD (one UTF-16 unit too, so offsets hold). */
function clean(v: unknown): unknown {
  if (typeof v === "string") return v.includes("\u0000") ? v.replace(/\u0000/g, "\uFFFD") : v;
  if (Array.isArray(v)) return v.map(clean);
  return v;
}

async function rows<R>(db: Db, sql: string, params: unknown[] = []): Promise<R[]> {
  return (await db.query(sql, params.map(clean))).rows as R[];
}

function lockKey(name: string): number {
  return createHash("sha256").update(name).digest().readInt32BE(0);
}

/** Takes the transaction's advisory locks, sorted so that every writer takes them in the same order. */
async function lockAll(c: pg.PoolClient, names: string[]): Promise<void> {
  const keys = [...new Set(names.map(lockKey))].sort((a, b) => a - b);
  await c.query(
    "SELECT pg_advisory_xact_lock($1, k) FROM unnest($2::int[]) WITH ORDINALITY AS u (k, n) ORDER BY n",
    [LOCK_SPACE, keys],
  );
}

function eventLock(code: { source: string | null; target: string | null; cameo: string }): string {
  return `event\u0000${code.source ?? ""}\u0000${code.target ?? ""}\u0000${code.cameo}`;
}

/** `(phraseto_tsquery('simple', $n) && …)`: every stem present, each parsed like the indexed body. */
function tsQuery(terms: string[], first: number): string {
  return `(${terms.map((_, i) => `phraseto_tsquery('simple', $${first + i})`).join(" && ")})`;
}

function reason(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length)
    return err.errors.map((e: unknown) => reason(e)).join("; ");
  if (err instanceof Error) return err.message || (err as { code?: string }).code || err.name;
  return String(err);
}

function retryable(err: unknown): boolean {
  return RETRYABLE.has(String((err as { code?: unknown } | null)?.code ?? ""));
}

/** The URL to connect to (the schema turned into startup options), the schema, and the URL without its password. */
export function parsePostgresUrl(url: string): {
  connectionString: string;
  schema: string | null;
  shown: string;
} {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new MarsadError("E_USAGE", "not a valid postgres:// URL", "postgres URL");
  }
  const original = new URL(url);
  if (original.password) original.password = "***";
  const shown = original.toString();
  const schema = u.searchParams.get("schema");
  if (schema !== null) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
      throw new MarsadError(
        "E_USAGE",
        `schema "${schema}" must be lower-case letters, digits and _ (at most 63)`,
        "postgres URL",
      );
    u.searchParams.delete("schema");
    const options = [u.searchParams.get("options"), `-c search_path=${schema}`].filter(Boolean).join(" ");
    u.searchParams.set("options", options);
  }
  return { connectionString: u.toString(), schema, shown };
}

/** Applies the pending migrations in one transaction, under an advisory lock (two processes starting at once wait, not race). */
export async function migrate(
  pool: pg.Pool,
  schema: string | null,
  folder = join(PACKAGE_ROOT, "migrations", "postgres"),
): Promise<number> {
  const files = readdirSync(folder)
    .filter((f) => /^\d{3}_.*\.sql$/.test(f))
    .sort();
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    await c.query("SELECT pg_advisory_xact_lock($1, $2)", [LOCK_SPACE, MIGRATION_LOCK]);
    if (schema) await c.query(`CREATE SCHEMA IF NOT EXISTS ${escapeIdentifier(schema)}`);
    await c.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    );
    const done = new Set(
      (await rows<{ version: number }>(c, "SELECT version FROM schema_migrations")).map((r) => r.version),
    );
    for (const f of files) {
      const version = Number(f.slice(0, 3));
      if (done.has(version)) continue;
      await c.query(readFileSync(join(folder, f), "utf8"));
      await c.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [version, f]);
      // version 2 added the events' listings: built here for the events an older database holds
      if (version === 2) await c.query(FILL_LISTINGS);
    }
    await c.query("COMMIT");
  } catch (err) {
    await c.query("ROLLBACK").catch(() => undefined);
    c.release();
    throw err;
  }
  c.release();
  return files.length;
}

interface MentionCols {
  event_id: number[];
  modality: string[];
  date_text: (string | null)[];
  location_code: (string | null)[];
  location_name: (string | null)[];
  location_text: (string | null)[];
  attribution_code: (string | null)[];
  attribution_name: (string | null)[];
  topics: string[];
  sentences: string[];
  evidence: string[];
  evidence_start: (number | null)[];
  evidence_end: (number | null)[];
  source_text: (string | null)[];
  target_text: (string | null)[];
  rules: string[];
}

export class PostgresStore implements Store {
  readonly kind = "postgres" as const;
  private closed = false;
  /** Articles this store saved (a bulk load is analysed on close: see `close`). */
  private saved = 0;

  private constructor(private readonly pool: pg.Pool) {}

  static async open(url: string): Promise<PostgresStore> {
    const { connectionString, schema, shown } = parsePostgresUrl(url);
    const pool = new Pool({ connectionString });
    // an idle connection dropped by the server: the pool discards it and opens another when needed
    pool.on("error", () => undefined);
    try {
      await migrate(pool, schema);
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new MarsadError("E_DB", `cannot open the PostgreSQL database (${reason(err)})`, shown);
    }
    return new PostgresStore(pool);
  }

  /** Runs `fn` in a transaction on one connection, again (a few times) when a concurrent writer forced a rollback. */
  private async transaction<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const c = await this.pool.connect();
      let out: T;
      try {
        await c.query("BEGIN");
        out = await fn(c);
        await c.query("COMMIT");
      } catch (err) {
        const broken = await c.query("ROLLBACK").then(
          () => false,
          () => true,
        );
        c.release(broken);
        if (attempt < ATTEMPTS && retryable(err)) {
          await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
          continue;
        }
        throw err;
      }
      c.release();
      return out;
    }
  }

  async hasHash(hash: string): Promise<boolean> {
    return (await rows(this.pool, "SELECT 1 FROM articles WHERE hash = $1", [hash])).length > 0;
  }

  async saveArticle(
    input: ArticleInput,
    doc: ArticleDocument,
    opts: { replace?: boolean } = {},
  ): Promise<IngestStatus> {
    const hash = contentHash(input.text, input.title);
    // the common case of a feed seen again, without a transaction
    if (!opts.replace && (await this.hasHash(hash))) return "unchanged";
    return this.transaction(async (c) => {
      await lockAll(c, [
        `article\u0000${doc.id}`,
        `hash\u0000${hash}`,
        ...doc.events.map((e) =>
          eventLock({ source: e.source?.code ?? null, target: e.target?.code ?? null, cameo: e.cameo }),
        ),
      ]);
      const existing = await rows<{ id: string; hash: string }>(
        c,
        "SELECT id, hash FROM articles WHERE id = $1 OR hash = $2 ORDER BY id FOR UPDATE",
        [doc.id, hash],
      );
      if (!opts.replace && existing.some((r) => r.hash === hash)) return "unchanged";
      // the events whose reports change, their listings rebuilt once at the end (a replaced article's
      // events are mostly its new version's too)
      const touched = new Set<number>();
      for (const r of existing) for (const e of await this.deleteRows(c, r.id)) touched.add(e);
      await rows(
        c,
        "INSERT INTO articles (id, hash, title, url, source, published, language, text, doc) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        [
          doc.id,
          hash,
          doc.title,
          input.url ?? null,
          input.source ?? null,
          doc.published,
          doc.language,
          input.text,
          JSON.stringify(doc),
        ],
      );
      if (doc.sentences.length)
        await rows(
          c,
          `INSERT INTO sentences (article_id, idx, start, "end", heading, text, body)
           SELECT $1::text, * FROM unnest($2::int[], $3::int[], $4::int[], $5::boolean[], $6::text[], $7::text[])`,
          [
            doc.id,
            doc.sentences.map((s) => s.index),
            doc.sentences.map((s) => s.start),
            doc.sentences.map((s) => s.end),
            doc.sentences.map((s) => !!s.heading),
            doc.sentences.map((s) => s.text),
            doc.sentences.map((s) => indexText(s.text)),
          ],
        );
      if (doc.entities.length)
        await rows(
          c,
          `INSERT INTO entities (article_id, idx, type, text, start, "end", sentence, actor)
           SELECT $1::text, n - 1, type, text, start, "end", sentence, actor
           FROM unnest($2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::text[]) WITH ORDINALITY
             AS u (type, text, start, "end", sentence, actor, n)`,
          [
            doc.id,
            doc.entities.map((e) => e.type),
            doc.entities.map((e) => e.text),
            doc.entities.map((e) => e.start),
            doc.entities.map((e) => e.end),
            doc.entities.map((e) => e.sentence),
            doc.entities.map((e) => e.actor),
          ],
        );
      const m: MentionCols = {
        event_id: [],
        modality: [],
        date_text: [],
        location_code: [],
        location_name: [],
        location_text: [],
        attribution_code: [],
        attribution_name: [],
        topics: [],
        sentences: [],
        evidence: [],
        evidence_start: [],
        evidence_end: [],
        source_text: [],
        target_text: [],
        rules: [],
      };
      for (const e of doc.events) {
        m.event_id.push(await this.eventId(c, doc, e));
        m.modality.push(e.modality);
        m.date_text.push(e.date_text);
        m.location_code.push(e.location?.code ?? null);
        m.location_name.push(e.location?.name ?? null);
        m.location_text.push(e.location?.text ?? null);
        m.attribution_code.push(e.attribution?.code ?? null);
        m.attribution_name.push(e.attribution?.name ?? null);
        m.topics.push(JSON.stringify(e.topics));
        m.sentences.push(JSON.stringify(e.sentences));
        m.evidence.push(e.evidence);
        m.evidence_start.push(e.evidence_start ?? null);
        m.evidence_end.push(e.evidence_end ?? null);
        m.source_text.push(e.source?.text ?? null);
        m.target_text.push(e.target?.text ?? null);
        m.rules.push(JSON.stringify(e.rules));
      }
      if (doc.events.length)
        await rows(
          c,
          `INSERT INTO event_mentions (article_id, event_id, modality, date_text, location_code, location_name, location_text,
             attribution_code, attribution_name, topics, sentences, evidence, evidence_start, evidence_end, source_text, target_text, rules)
           SELECT $1::text, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
             $10::text[], $11::text[], $12::text[], $13::int[], $14::int[], $15::text[], $16::text[], $17::text[])`,
          [
            doc.id,
            m.event_id,
            m.modality,
            m.date_text,
            m.location_code,
            m.location_name,
            m.location_text,
            m.attribution_code,
            m.attribution_name,
            m.topics,
            m.sentences,
            m.evidence,
            m.evidence_start,
            m.evidence_end,
            m.source_text,
            m.target_text,
            m.rules,
          ],
        );
      for (const e of m.event_id) touched.add(e);
      if (touched.size) await rows(c, REFRESH_LISTINGS, [[...touched]]);
      this.saved++;
      return existing.length ? "replaced" : "new";
    });
  }

  /** One event, many reports: an event with the same dyad and code within a day is the same event (its dyad is locked). */
  private async eventId(
    c: pg.PoolClient,
    doc: ArticleDocument,
    e: ArticleDocument["events"][number],
  ): Promise<number> {
    const source = e.source?.code ?? null;
    const target = e.target?.code ?? null;
    const date = e.date ?? doc.published ?? null;
    if (date) {
      const [lo, hi] = dayRange(date);
      const params: unknown[] = [e.cameo, lo, hi];
      // "= $n" or "IS NULL" (not IS NOT DISTINCT FROM) so that the dyad index serves the lookup
      const same = (col: string, v: string | null) => {
        if (v === null) return `${col} IS NULL`;
        params.push(v);
        return `${col} = $${params.length}`;
      };
      const found = await rows<{ id: string }>(
        c,
        `SELECT id FROM events WHERE ${same("source_code", source)} AND ${same("target_code", target)}
         AND cameo = $1 AND date BETWEEN $2 AND $3 ORDER BY id LIMIT 1`,
        params,
      );
      if (found[0]) return Number(found[0].id);
    }
    const made = await rows<{ id: string }>(
      c,
      `INSERT INTO events (source_code, source_name, target_code, target_name, cameo, root, plover, quad, goldstein, date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [...eventValues(e), date],
    );
    return Number(made[0]!.id);
  }

  /**
   * Deletes an article (its sentences, entities and mentions cascade) and the
   * events no other article reports. The events are row-locked first and the
   * orphan test runs in a later statement, so it sees a mention another
   * writer committed meanwhile; a writer that reuses an event deleted here
   * fails its foreign key and retries.
   */
  private async deleteRows(c: pg.PoolClient, id: string): Promise<number[]> {
    const events = [
      ...new Set(
        (
          await rows<{ event_id: string }>(
            c,
            "DELETE FROM event_mentions WHERE article_id = $1 RETURNING event_id",
            [id],
          )
        ).map((r) => r.event_id),
      ),
    ];
    await rows(c, "DELETE FROM articles WHERE id = $1", [id]);
    if (!events.length) return [];
    await rows(c, "SELECT id FROM events WHERE id = ANY ($1::bigint[]) ORDER BY id FOR UPDATE", [events]);
    await rows(
      c,
      "DELETE FROM events e WHERE e.id = ANY ($1::bigint[]) AND NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id)",
      [events],
    );
    // its events, for their listings to be rebuilt (REFRESH_LISTINGS passes over those deleted here)
    return events.map(Number);
  }

  async deleteArticle(id: string): Promise<boolean> {
    return this.transaction(async (c) => {
      await lockAll(c, [`article\u0000${id}`]);
      const found = await rows(c, "SELECT 1 FROM articles WHERE id = $1 FOR UPDATE", [id]);
      if (!found.length) return false;
      // events other articles still report lose this one's reports from their listings
      await rows(c, REFRESH_LISTINGS, [await this.deleteRows(c, id)]);
      return true;
    });
  }

  async getArticle(id: string): Promise<(ArticleDocument & { hash: string }) | null> {
    const row = (
      await rows<{ doc: string; hash: string }>(this.pool, "SELECT doc, hash FROM articles WHERE id = $1", [
        id,
      ])
    )[0];
    return row ? { ...(JSON.parse(row.doc) as ArticleDocument), hash: row.hash } : null;
  }

  async getArticleInput(id: string): Promise<ArticleInput | null> {
    const found = await rows<ArticleInput>(
      this.pool,
      "SELECT id, text, title, published, url, source FROM articles WHERE id = $1",
      [id],
    );
    return found[0] ?? null;
  }

  async listArticleIds(): Promise<string[]> {
    return (await rows<{ id: string }>(this.pool, "SELECT id FROM articles ORDER BY id")).map((r) => r.id);
  }

  async countArticles(): Promise<number> {
    return Number((await rows<{ n: string }>(this.pool, "SELECT COUNT(*) AS n FROM articles"))[0]?.n ?? 0);
  }

  async events(filter: EventFilter, limit: number, cursor?: string | null): Promise<Page<StoredEvent>> {
    return JSON.parse(await this.eventsJson(filter, limit, cursor)) as Page<StoredEvent>;
  }

  /** A page of events, newest first: the listings of the matching events (see postgres-listing.ts). */
  async eventsJson(filter: EventFilter, limit: number, cursor?: string | null): Promise<string> {
    const $ = (i: number) => `$${i}`;
    const terms = filter.q ? stems(filter.q) : [];
    // the full-text subquery's parameters follow the filter's own
    const fts = terms.length
      ? `SELECT s.article_id FROM sentences s WHERE s.tsv @@ ${tsQuery(terms, eventWhere(filter, $).params.length + 1)}`
      : undefined;
    const where = eventWhere(filter, $, fts);
    const params = [...where.params, ...terms];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    let sql = `SELECT e.date, e.id FROM events e ${where.sql}`;
    const after = cursor ? decodeCursor(cursor) : null;
    if (cursor && !after) throw new MarsadError("E_USAGE", `cursor "${cursor}" is not valid`);
    if (after) {
      const d = after.date ?? "";
      sql += `${where.sql ? " AND" : " WHERE"} (COALESCE(e.date, '') < ${p(d)} OR (COALESCE(e.date, '') = ${p(d)} AND e.id < ${p(after.id)}))`;
    }
    sql += ` ORDER BY COALESCE(e.date, '') DESC, e.id DESC LIMIT ${p(limit + 1)}`;
    const found = await rows<{ date: string | null; id: string; json: string }>(
      this.pool,
      pageQuery(sql),
      params,
    );
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    return pageText(
      page.map((r) => r.json),
      found.length > limit && last ? encodeCursor(last.date, Number(last.id)) : null,
    );
  }

  async event(id: number): Promise<StoredEvent | null> {
    const found = (await rows<EventRow>(this.pool, "SELECT * FROM events WHERE id = $1", [id])).map((r) => ({
      ...r,
      id: Number(r.id),
    }));
    const row = found[0];
    if (!row) return null;
    const mentions = await rows<MentionRow>(
      this.pool,
      `SELECT m.event_id, m.article_id, m.modality, m.date_text, m.location_code, m.location_name, m.location_text,
         m.attribution_code, m.attribution_name, m.topics, m.sentences, m.evidence, m.evidence_start, m.evidence_end,
         m.source_text, m.target_text, m.rules, a.published, a.source, a.title
       FROM event_mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = $1
       ORDER BY a.published NULLS FIRST, m.article_id, m.id`,
      [id],
    );
    return hydrateEvents([row], mentions)[0] ?? null;
  }

  async actors(filter: EventFilter, limit: number): Promise<ActorCount[]> {
    // both halves use the same parameters $1…$n
    const where = eventWhere(filter, (i) => `$${i}`);
    const sql = `SELECT code, MAX(name) AS name, SUM(s) AS as_source, SUM(t) AS as_target FROM (
      SELECT e.source_code AS code, e.source_name AS name, 1 AS s, 0 AS t FROM events e ${where.sql}
      UNION ALL SELECT e.target_code, e.target_name, 0, 1 FROM events e ${where.sql}) AS sides WHERE code IS NOT NULL
      GROUP BY code ORDER BY SUM(s) + SUM(t) DESC, code LIMIT $${where.params.length + 1}`;
    const found = await rows<{ code: string; name: string | null; as_source: string; as_target: string }>(
      this.pool,
      sql,
      [...where.params, limit],
    );
    return found.map((r) => ({
      code: r.code,
      name: r.name,
      as_source: Number(r.as_source),
      as_target: Number(r.as_target),
    }));
  }

  async graph(filter: EventFilter, limit: number): Promise<GraphEdge[]> {
    const where = eventWhere(filter, (i) => `$${i}`);
    const cond = "e.source_code IS NOT NULL AND e.target_code IS NOT NULL";
    const sql = `SELECT e.source_code AS source, e.target_code AS target, COUNT(*) AS weight,
      SUM(CASE WHEN e.quad IN (1, 2) THEN 1 ELSE 0 END) AS cooperation, SUM(CASE WHEN e.quad IN (3, 4) THEN 1 ELSE 0 END) AS conflict
      FROM events e ${where.sql ? `${where.sql} AND ${cond}` : `WHERE ${cond}`} GROUP BY e.source_code, e.target_code
      ORDER BY weight DESC, source, target LIMIT $${where.params.length + 1}`;
    const found = await rows<{
      source: string;
      target: string;
      weight: string;
      cooperation: string;
      conflict: string;
    }>(this.pool, sql, [...where.params, limit]);
    return found.map((r) => ({
      source: r.source,
      target: r.target,
      weight: Number(r.weight),
      cooperation: Number(r.cooperation),
      conflict: Number(r.conflict),
    }));
  }

  async timeline(
    filter: EventFilter,
    bucket: "day" | "week" | "month",
    by: "root" | "quad",
  ): Promise<TimelineBucket[]> {
    const where = eventWhere(filter, (i) => `$${i}`);
    // the same buckets as SQLite: YYYY-MM-DD, YYYY-MM, strftime('%Y-W%W') (marsad_week, migration 001)
    const period =
      bucket === "day" ? "e.date" : bucket === "month" ? "substr(e.date, 1, 7)" : "marsad_week(e.date)";
    const key = by === "root" ? "e.root" : "CAST(e.quad AS TEXT)";
    const cond = "e.date IS NOT NULL";
    const sql = `SELECT ${period} COLLATE "C" AS period, ${key} COLLATE "C" AS key, COUNT(*) AS count
      FROM events e ${where.sql ? `${where.sql} AND ${cond}` : `WHERE ${cond}`}
      GROUP BY 1, 2 ORDER BY 1 NULLS FIRST, 2 NULLS FIRST`;
    const found = await rows<{ period: string; key: string; count: string }>(this.pool, sql, where.params);
    return found.map((r) => ({ period: r.period, key: r.key, count: Number(r.count) }));
  }

  /** Sentences holding every stem of `q`; `rank` is the negated ts_rank, so that lower is better as with SQLite FTS5. */
  async search(q: string, limit: number): Promise<SearchHit[]> {
    const terms = stems(q);
    if (!terms.length) return [];
    const query = tsQuery(terms, 1);
    const found = await rows<SearchRow>(
      this.pool,
      `SELECT s.article_id, s.idx, -ts_rank(s.tsv, ${query}, 1) AS rank, s.text, a.title, a.published
       FROM sentences s JOIN articles a ON a.id = s.article_id
       WHERE s.tsv @@ ${query} ORDER BY rank, s.article_id, s.idx LIMIT $${terms.length + 1}`,
      [...terms, limit],
    );
    return found.map((r) => searchHit(r, q));
  }

  async getFeedState(url: string): Promise<{ etag: string | null; modified: string | null } | null> {
    return (
      (
        await rows<{ etag: string | null; modified: string | null }>(
          this.pool,
          "SELECT etag, modified FROM feeds WHERE url = $1",
          [url],
        )
      )[0] ?? null
    );
  }

  async setFeedState(url: string, etag: string | null, modified: string | null): Promise<void> {
    await rows(
      this.pool,
      "INSERT INTO feeds (url, etag, modified, checked_at) VALUES ($1, $2, $3, now()) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, modified = excluded.modified, checked_at = excluded.checked_at",
      [url, etag, modified],
    );
  }

  async isSeen(feed: string, item: string): Promise<boolean> {
    const res = await this.pool.query(
      "SELECT 1 FROM feed_items WHERE feed = $1 AND item = $2",
      [feed, item].map(clean),
    );
    return (res.rowCount ?? 0) > 0;
  }

  async markSeen(feed: string, item: string): Promise<boolean> {
    const res = await this.pool.query(
      "INSERT INTO feed_items (feed, item) VALUES ($1, $2) ON CONFLICT DO NOTHING",
      [feed, item].map(clean),
    );
    return (res.rowCount ?? 0) > 0;
  }

  /**
   * "ok", or what is wrong: mentions without their event or article, events
   * no article reports, articles whose stored sentences, entities or mentions
   * differ from their document, a schema behind the migrations.
   */
  async integrityCheck(): Promise<string> {
    const checks: Array<[string, string]> = [
      [
        "mentions point at a missing event",
        "SELECT COUNT(*) AS n FROM event_mentions m WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = m.event_id)",
      ],
      [
        "mentions point at a missing article",
        "SELECT COUNT(*) AS n FROM event_mentions m WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = m.article_id)",
      ],
      ["events with a missing or stale listing", STALE_LISTINGS],
      [
        "events have no mention",
        "SELECT COUNT(*) AS n FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id)",
      ],
      ...(["sentences", "entities"] as const).map((t): [string, string] => [
        `articles lack some of their ${t}`,
        `SELECT COUNT(*) AS n FROM articles a WHERE (SELECT COUNT(*) FROM ${t} x WHERE x.article_id = a.id)
           <> COALESCE(jsonb_array_length(CASE WHEN jsonb_typeof(a.doc::jsonb -> '${t}') = 'array' THEN a.doc::jsonb -> '${t}' END), 0)`,
      ]),
      [
        "articles lack some of their event mentions",
        `SELECT COUNT(*) AS n FROM articles a WHERE (SELECT COUNT(*) FROM event_mentions m WHERE m.article_id = a.id)
           <> COALESCE(jsonb_array_length(CASE WHEN jsonb_typeof(a.doc::jsonb -> 'events') = 'array' THEN a.doc::jsonb -> 'events' END), 0)`,
      ],
    ];
    const problems: string[] = [];
    try {
      for (const [what, sql] of checks) {
        const n = Number((await rows<{ n: string }>(this.pool, sql))[0]?.n ?? 0);
        if (n) problems.push(`${n} ${what}`);
      }
      const files = readdirSync(join(PACKAGE_ROOT, "migrations", "postgres")).filter((f) =>
        /^\d{3}_.*\.sql$/.test(f),
      );
      const applied = await rows<{ version: number }>(this.pool, "SELECT version FROM schema_migrations");
      const versions = new Set(applied.map((r) => r.version));
      const missing = files.filter((f) => !versions.has(Number(f.slice(0, 3))));
      if (missing.length) problems.push(`migrations not applied: ${missing.join(", ")}`);
    } catch (err) {
      problems.push(`check failed: ${reason(err)}`);
    }
    return problems.length ? problems.join("; ") : "ok";
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // after a bulk load, statistics for the planner, as the SQLite store keeps them on close (autovacuum
    // would gather them later, if it runs: without them a filter on a report's modality scanned every
    // report for each event, 7 ms instead of 0.9 ms on the ANT database)
    if (this.saved >= BULK_LOAD)
      await this.pool
        .query("ANALYZE articles, sentences, entities, events, event_mentions, event_listings")
        .catch(() => undefined);
    await this.pool.end();
  }
}
