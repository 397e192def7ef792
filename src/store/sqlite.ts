import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import type { ArticleDocument, ArticleInput } from "../document.js";
import { MarsadError } from "../errors.js";
import { PACKAGE_ROOT } from "../paths.js";
import { dayRange, decodeCursor, encodeCursor, eventWhere } from "./filters.js";
import { ResultCache } from "./result-cache.js";
import {
  type EventRow,
  eventValues,
  hydrateEvents,
  type MentionRow,
  pageText,
  type SearchRow,
  searchHit,
} from "./rows.js";
import { fillListings, pageQuery, refreshListings, staleListings } from "./sqlite-listing.js";
import { contentHash, ftsQuery, indexText } from "./text-index.js";
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
 * The embedded default store: one SQLite file (WAL), schema migrations
 * versioned in migrations/sqlite/NNN_*.sql, every article saved in one
 * transaction so a crash never leaves it half-stored.
 */

/** Applies the migrations not yet applied; returns the versions it applied. */
export function migrate(
  db: Database.Database,
  folder = join(PACKAGE_ROOT, "migrations", "sqlite"),
): number[] {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
  );
  const done = new Set(
    (db.prepare("SELECT version FROM schema_migrations").all() as Array<{ version: number }>).map(
      (r) => r.version,
    ),
  );
  const files = readdirSync(folder)
    .filter((f) => /^\d{3}_.*\.sql$/.test(f))
    .sort();
  const applied: number[] = [];
  for (const f of files) {
    const version = Number(f.slice(0, 3));
    if (done.has(version)) continue;
    applied.push(version);
    db.transaction(() => {
      db.exec(readFileSync(join(folder, f), "utf8"));
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        version,
        f,
        new Date().toISOString(),
      );
    })();
  }
  return applied;
}

export class SqliteStore implements Store {
  readonly kind = "sqlite" as const;
  private readonly db: Database.Database;

  private readonly statements = new Map<string, Database.Statement>();

  /** Prepared statements are compiled once and reused (preparing is a large part of a small query's cost). */
  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** `cache: false` turns the result caches off (to measure the queries themselves). */
  constructor(path: string, opts: { cache?: boolean } = {}) {
    this.aggregates = new ResultCache(opts.cache === false ? 0 : 500);
    this.pages = new ResultCache(opts.cache === false ? 0 : 100);
    try {
      if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path);
    } catch (err) {
      throw new MarsadError("E_DB", `cannot open the database (${(err as Error).message})`, path);
    }
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 5000");
    // version 2 added the events' listings: built here for the events an older database holds
    if (migrate(this.db).includes(2))
      this.db.transaction(() => fillListings((q) => this.stmt(q))).immediate();
    // table statistics for the query planner, as SQLite advises on opening a connection (cheap: it
    // analyses only what changed a lot, within a bounded effort). Without them a filter on a common
    // actor ("source=TUN") sorted every matching event instead of walking the date index.
    this.db.pragma("optimize = 0x10002");
  }

  async hasHash(hash: string): Promise<boolean> {
    return !!this.stmt("SELECT 1 FROM articles WHERE hash = ?").get(hash);
  }

  async saveArticle(
    input: ArticleInput,
    doc: ArticleDocument,
    opts: { replace?: boolean } = {},
  ): Promise<IngestStatus> {
    const hash = contentHash(input.text, input.title);
    const db = this.db;
    const existing = this.stmt("SELECT id, hash FROM articles WHERE id = ? OR hash = ?").get(doc.id, hash) as
      | { id: string; hash: string }
      | undefined;
    if (existing && existing.hash === hash && !opts.replace) return "unchanged";
    const write = db.transaction(() => {
      // the events whose reports change, their listings rebuilt once at the end (a replaced article's
      // events are mostly its new version's too)
      const touched = new Set<number>(existing ? this.deleteRows(existing.id) : []);
      this.stmt(
        "INSERT INTO articles (id, hash, title, url, source, published, language, text, doc, analysed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      ).run(
        doc.id,
        hash,
        doc.title,
        input.url ?? null,
        input.source ?? null,
        doc.published,
        doc.language,
        input.text,
        JSON.stringify(doc),
        new Date().toISOString(),
      );
      const sent = this.stmt(
        'INSERT INTO sentences (article_id, idx, start, "end", heading, text) VALUES (?, ?, ?, ?, ?, ?)',
      );
      const fts = this.stmt("INSERT INTO sentences_fts (body, article_id, idx) VALUES (?, ?, ?)");
      for (const s of doc.sentences) {
        sent.run(doc.id, s.index, s.start, s.end, s.heading ? 1 : 0, s.text);
        fts.run(indexText(s.text), doc.id, s.index);
      }
      const ent = this.stmt(
        'INSERT INTO entities (article_id, idx, type, text, start, "end", sentence, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      doc.entities.forEach((e, i) => {
        ent.run(doc.id, i, e.type, e.text, e.start, e.end, e.sentence, e.actor);
      });
      for (const e of doc.events) touched.add(this.saveEvent(doc, e));
      refreshListings((q) => this.stmt(q), touched);
    });
    write.immediate();
    this.writes++;
    return existing ? "replaced" : "new";
  }

  /** One event, many reports: an event with the same dyad and code within a day is the same event. */
  private saveEvent(doc: ArticleDocument, e: ArticleDocument["events"][number]): number {
    const date = e.date ?? doc.published ?? null;
    let id: number | undefined;
    if (date) {
      const [lo, hi] = dayRange(date);
      const row = this.stmt(
        "SELECT id FROM events WHERE source_code IS ? AND target_code IS ? AND cameo = ? AND date BETWEEN ? AND ? ORDER BY id LIMIT 1",
      ).get(e.source?.code ?? null, e.target?.code ?? null, e.cameo, lo, hi) as { id: number } | undefined;
      id = row?.id;
    }
    if (id === undefined) {
      const info = this.stmt(
        "INSERT INTO events (source_code, source_name, target_code, target_name, cameo, root, plover, quad, goldstein, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      ).run(
        ...eventValues(e),
        date ?? "", // an unknown date sorts last; the (date, id) index serves every page
      );
      id = Number(info.lastInsertRowid);
    }
    this.stmt(
      "INSERT INTO event_mentions (event_id, article_id, modality, date_text, location_code, location_name, location_text, attribution_code, attribution_name, topics, sentences, evidence, evidence_start, evidence_end, source_text, target_text, rules) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ).run(
      id,
      doc.id,
      e.modality,
      e.date_text,
      e.location?.code ?? null,
      e.location?.name ?? null,
      e.location?.text ?? null,
      e.attribution?.code ?? null,
      e.attribution?.name ?? null,
      JSON.stringify(e.topics),
      JSON.stringify(e.sentences),
      e.evidence,
      e.evidence_start ?? null,
      e.evidence_end ?? null,
      e.source?.text ?? null,
      e.target?.text ?? null,
      JSON.stringify(e.rules),
    );
    return id;
  }

  /** Deletes an article's rows and the events only it reported; returns the events other articles still report. */
  private deleteRows(id: string): number[] {
    const events = this.stmt("SELECT DISTINCT event_id FROM event_mentions WHERE article_id = ?").all(
      id,
    ) as Array<{ event_id: number }>;
    this.stmt("DELETE FROM sentences_fts WHERE article_id = ?").run(id);
    this.stmt("DELETE FROM articles WHERE id = ?").run(id);
    const orphan = this.stmt(
      "DELETE FROM events WHERE id = ? AND NOT EXISTS (SELECT 1 FROM event_mentions WHERE event_id = ?)",
    );
    return events
      .filter(({ event_id }) => orphan.run(event_id, event_id).changes === 0)
      .map((r) => r.event_id);
  }

  async deleteArticle(id: string): Promise<boolean> {
    const found = !!this.stmt("SELECT 1 FROM articles WHERE id = ?").get(id);
    if (found) {
      // events other articles still report lose this one's reports from their listings
      this.db.transaction(() => refreshListings((q) => this.stmt(q), this.deleteRows(id))).immediate();
      this.writes++;
    }
    return found;
  }

  async getArticle(id: string): Promise<(ArticleDocument & { hash: string }) | null> {
    const row = this.stmt("SELECT doc, hash FROM articles WHERE id = ?").get(id) as
      | { doc: string; hash: string }
      | undefined;
    return row ? { ...(JSON.parse(row.doc) as ArticleDocument), hash: row.hash } : null;
  }

  async getArticleInput(id: string): Promise<ArticleInput | null> {
    const row = this.stmt("SELECT id, text, title, published, url, source FROM articles WHERE id = ?").get(
      id,
    ) as ArticleInput | undefined;
    return row ?? null;
  }

  async listArticleIds(): Promise<string[]> {
    return (this.stmt("SELECT id FROM articles ORDER BY id").all() as Array<{ id: string }>).map((r) => r.id);
  }

  async countArticles(): Promise<number> {
    return (this.stmt("SELECT COUNT(*) AS n FROM articles").get() as { n: number }).n;
  }

  private ftsArticles(q: string | undefined): { sql?: string; params: unknown[] } {
    if (!q) return { params: [] };
    const query = ftsQuery(q);
    if (!query) return { params: [] };
    return { sql: "SELECT article_id FROM sentences_fts WHERE sentences_fts MATCH ?", params: [query] };
  }

  async events(filter: EventFilter, limit: number, cursor?: string | null): Promise<Page<StoredEvent>> {
    return JSON.parse(await this.eventsJson(filter, limit, cursor)) as Page<StoredEvent>;
  }

  async eventsJson(filter: EventFilter, limit: number, cursor?: string | null): Promise<string> {
    if (limit > 100) return this.eventPage(filter, limit, cursor);
    const key = JSON.stringify([filter, limit, cursor ?? null]);
    return this.pages.get(key, this.version(), () => this.eventPage(filter, limit, cursor));
  }

  /** A page of events, newest first: the listings of the matching events (see sqlite-listing.ts). */
  private eventPage(filter: EventFilter, limit: number, cursor?: string | null): string {
    const fts = this.ftsArticles(filter.q);
    const where = eventWhere(filter, () => "?", fts.sql);
    const params = [...where.params, ...fts.params];
    let sql = `SELECT e.date, e.id FROM events e ${where.sql}`;
    const after = cursor ? decodeCursor(cursor) : null;
    if (cursor && !after) throw new MarsadError("E_USAGE", `cursor "${cursor}" is not valid`);
    if (after) {
      sql += `${where.sql ? " AND" : " WHERE"} (e.date < ? OR (e.date = ? AND e.id < ?))`;
      params.push(after.date ?? "", after.date ?? "", after.id);
    }
    sql += " ORDER BY e.date DESC, e.id DESC LIMIT ?";
    params.push(limit + 1);
    const rows = this.stmt(pageQuery(sql))
      .raw(true)
      .all(...params) as Array<[string, number, string]>;
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return pageText(
      page.map((r) => r[2]),
      rows.length > limit && last ? encodeCursor(last[0], last[1]) : null,
    );
  }

  async event(id: number): Promise<StoredEvent | null> {
    const row = this.stmt("SELECT * FROM events WHERE id = ?").get(id) as EventRow | undefined;
    if (!row) return null;
    const mentions = this.stmt(
      "SELECT m.*, a.published, a.source, a.title FROM event_mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? ORDER BY a.published, m.article_id",
    ).all(id) as MentionRow[];
    return hydrateEvents([row], mentions)[0] ?? null;
  }

  /**
   * Aggregates (actors, graph, timeline) scan every matching event, and a page
   * of events reads its reports too; their results are kept until the data
   * changes — in this connection (a write counter) or in another process
   * (SQLite's data_version) — so a dashboard with many viewers computes each
   * one once. Only pages of up to 100 events are kept (exports page through
   * everything once), at most 100 of them.
   */
  private readonly aggregates: ResultCache;
  private readonly pages: ResultCache;
  private writes = 0;

  private version(): string {
    return `${this.writes}:${this.stmt("PRAGMA data_version").pluck().get()}`;
  }

  private cached(sql: string, params: unknown[]): unknown[] {
    return this.aggregates.get(`${sql}\u0000${JSON.stringify(params)}`, this.version(), () =>
      this.stmt(sql).all(...params),
    );
  }

  async actors(filter: EventFilter, limit: number): Promise<ActorCount[]> {
    const where = eventWhere(filter, () => "?");
    const sql = `SELECT code, MAX(name) AS name, SUM(s) AS as_source, SUM(t) AS as_target FROM (
      SELECT e.source_code AS code, e.source_name AS name, 1 AS s, 0 AS t FROM events e ${where.sql}
      UNION ALL SELECT e.target_code, e.target_name, 0, 1 FROM events e ${where.sql}) WHERE code IS NOT NULL
      GROUP BY code ORDER BY as_source + as_target DESC, code LIMIT ?`;
    return this.cached(sql, [...where.params, ...where.params, limit]) as ActorCount[];
  }

  async graph(filter: EventFilter, limit: number): Promise<GraphEdge[]> {
    const where = eventWhere(filter, () => "?");
    const cond = `e.source_code IS NOT NULL AND e.target_code IS NOT NULL`;
    const sql = `SELECT e.source_code AS source, e.target_code AS target, COUNT(*) AS weight,
      SUM(CASE WHEN e.quad IN (1, 2) THEN 1 ELSE 0 END) AS cooperation, SUM(CASE WHEN e.quad IN (3, 4) THEN 1 ELSE 0 END) AS conflict
      FROM events e ${where.sql ? `${where.sql} AND ${cond}` : `WHERE ${cond}`} GROUP BY e.source_code, e.target_code ORDER BY weight DESC LIMIT ?`;
    return this.cached(sql, [...where.params, limit]) as GraphEdge[];
  }

  async timeline(
    filter: EventFilter,
    bucket: "day" | "week" | "month",
    by: "root" | "quad",
  ): Promise<TimelineBucket[]> {
    const where = eventWhere(filter, () => "?");
    const period =
      bucket === "day"
        ? "e.date"
        : bucket === "month"
          ? "substr(e.date, 1, 7)"
          : "strftime('%Y-W%W', e.date)";
    const key = by === "root" ? "e.root" : "CAST(e.quad AS TEXT)";
    const cond = "e.date <> ''";
    const sql = `SELECT ${period} AS period, ${key} AS key, COUNT(*) AS count FROM events e ${where.sql ? `${where.sql} AND ${cond}` : `WHERE ${cond}`} GROUP BY period, key ORDER BY period, key`;
    return this.cached(sql, where.params) as TimelineBucket[];
  }

  async search(q: string, limit: number): Promise<SearchHit[]> {
    const query = ftsQuery(q);
    if (!query) return [];
    const rows = this.stmt(
      `SELECT f.article_id, f.idx, f.rank, s.text, a.title, a.published FROM sentences_fts f JOIN sentences s ON s.article_id = f.article_id AND s.idx = f.idx
         JOIN articles a ON a.id = f.article_id WHERE sentences_fts MATCH ? ORDER BY f.rank LIMIT ?`,
    ).all(query, limit) as SearchRow[];
    return rows.map((r) => searchHit(r, q));
  }

  async getFeedState(url: string): Promise<{ etag: string | null; modified: string | null } | null> {
    return (
      (this.stmt("SELECT etag, modified FROM feeds WHERE url = ?").get(url) as
        | { etag: string | null; modified: string | null }
        | undefined) ?? null
    );
  }

  async setFeedState(url: string, etag: string | null, modified: string | null): Promise<void> {
    this.stmt(
      "INSERT INTO feeds (url, etag, modified, checked_at) VALUES (?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, modified = excluded.modified, checked_at = excluded.checked_at",
    ).run(url, etag, modified, new Date().toISOString());
  }

  async isSeen(feed: string, item: string): Promise<boolean> {
    return !!this.stmt("SELECT 1 FROM feed_items WHERE feed = ? AND item = ?").get(feed, item);
  }

  async markSeen(feed: string, item: string): Promise<boolean> {
    const info = this.stmt("INSERT OR IGNORE INTO feed_items (feed, item, seen_at) VALUES (?, ?, ?)").run(
      feed,
      item,
      new Date().toISOString(),
    );
    return info.changes > 0;
  }

  async integrityCheck(): Promise<string> {
    const result = String((this.db.pragma("integrity_check", { simple: true }) as string) ?? "");
    if (result !== "ok") return result;
    const stale = staleListings((q) => this.stmt(q));
    return stale ? `events with a missing or stale listing: ${stale}` : "ok";
  }

  async close(): Promise<void> {
    // statistics for the next connection, after the writes of this one (SQLite's advice on closing);
    // the events table fully, since its plans hang on them (its sample-limited statistics still sent
    // "source=TUN" through the actor index and a sort) and it is small beside the article text
    if (this.db.open && !this.db.readonly) {
      if (this.writes > 0) this.db.exec("ANALYZE events");
      this.db.pragma("optimize");
    }
    this.db.close();
  }
}
