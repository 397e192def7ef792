import type { ArticleDocument, ArticleInput } from "../document.js";

/**
 * The storage interface every backend implements (SQLite by default,
 * PostgreSQL for scale). One shared test suite runs against each driver.
 */

export interface EventFilter {
  /** Actor code prefix of the source ("USA", "USAGOV"). */
  source?: string;
  target?: string;
  /** Either side. */
  actor?: string;
  /** CAMEO root ("04") or code prefix ("036"). */
  cameo?: string;
  plover?: string;
  quad?: number;
  modality?: string;
  from?: string;
  to?: string;
  topic?: string;
  /** Full-text query over the evidence sentences' articles. */
  q?: string;
  article?: string;
}

export interface StoredEvent {
  id: number;
  source_code: string | null;
  source_name: string | null;
  target_code: string | null;
  target_name: string | null;
  cameo: string;
  plover: string;
  quad: number | null;
  goldstein: number | null;
  date: string | null;
  /** How many articles and sources report this event (GDELT's NumArticles / NumSources, without duplicates). */
  num_articles: number;
  num_sources: number;
  mentions: EventMention[];
}

export interface EventMention {
  article_id: string;
  modality: string;
  date_text: string | null;
  location: { name: string; code: string | null; text: string } | null;
  attribution: { code: string | null; name: string | null } | null;
  topics: string[];
  sentences: number[];
  evidence: string;
  evidence_start: number | null;
  evidence_end: number | null;
  source_text: string | null;
  target_text: string | null;
  rules: string[];
  published: string | null;
  source: string | null;
  title: string | null;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page, or null at the end. */
  next: string | null;
}

export interface SearchHit {
  article_id: string;
  title: string | null;
  published: string | null;
  sentence: number;
  /** The sentence with matches wrapped in <mark>…</mark> (text escaped). */
  snippet: string;
  rank: number;
}

export interface ActorCount {
  code: string;
  name: string | null;
  as_source: number;
  as_target: number;
}

export interface GraphEdge {
  source: string;
  target: string;
  weight: number;
  cooperation: number;
  conflict: number;
}

export interface TimelineBucket {
  period: string;
  key: string;
  count: number;
}

export type IngestStatus = "new" | "unchanged" | "replaced";

export interface Store {
  readonly kind: "sqlite" | "postgres";
  /** Stores an article and its analysis atomically; same content hash → unchanged. */
  saveArticle(input: ArticleInput, doc: ArticleDocument, opts?: { replace?: boolean }): Promise<IngestStatus>;
  hasHash(hash: string): Promise<boolean>;
  getArticle(id: string): Promise<(ArticleDocument & { hash: string }) | null>;
  listArticleIds(): Promise<string[]>;
  /** The stored input of an article (its original text), to analyse it again. */
  getArticleInput(id: string): Promise<ArticleInput | null>;
  countArticles(): Promise<number>;
  deleteArticle(id: string): Promise<boolean>;
  events(filter: EventFilter, limit: number, cursor?: string | null): Promise<Page<StoredEvent>>;
  /** The same page as JSON text (what the API sends), joined from the events' kept entries. */
  eventsJson(filter: EventFilter, limit: number, cursor?: string | null): Promise<string>;
  /** One event with all its mentions, or null. */
  event(id: number): Promise<StoredEvent | null>;
  actors(filter: EventFilter, limit: number): Promise<ActorCount[]>;
  graph(filter: EventFilter, limit: number): Promise<GraphEdge[]>;
  timeline(
    filter: EventFilter,
    bucket: "day" | "week" | "month",
    by: "root" | "quad",
  ): Promise<TimelineBucket[]>;
  search(q: string, limit: number): Promise<SearchHit[]>;
  /** Feed poller state: ETag / Last-Modified per feed and items seen. */
  getFeedState(url: string): Promise<{ etag: string | null; modified: string | null } | null>;
  setFeedState(url: string, etag: string | null, modified: string | null): Promise<void>;
  markSeen(feed: string, itemId: string): Promise<boolean>;
  isSeen(feed: string, itemId: string): Promise<boolean>;
  integrityCheck(): Promise<string>;
  close(): Promise<void>;
}
