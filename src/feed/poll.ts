import { createHash } from "node:crypto";
import Parser from "rss-parser";
import type { ArticleInput } from "../document.js";
import { formatError, MarsadError } from "../errors.js";
import { decodeBytes } from "../lang/ar/decode.js";
import { extractHtml } from "../lang/ar/html.js";
import type { Pipeline } from "../pipeline/index.js";
import { contentHash } from "../store/text-index.js";
import type { Store } from "../store/types.js";
import { displayUrl, type FetchOptions, safeFetch } from "./fetch.js";

/**
 * The feed poller: fetches an RSS or Atom feed conditionally (ETag /
 * Last-Modified kept in the store), and for each item not seen before
 * fetches its page, extracts the article and analyses and stores it. A page
 * that cannot be fetched falls back to the text the feed itself carries; an
 * item with neither is reported and skipped, and the other items go on.
 */

export interface PollCounts {
  /** Items in the feed (0 when it was not modified). */
  items: number;
  new: number;
  /** Items seen in an earlier poll, or whose text is already stored. */
  unchanged: number;
  /** New items stored over an older article with the same link. */
  replaced: number;
  /** New items that could not be stored (reported through onError). */
  failed: number;
  /** Items stored from the feed's own content because their page could not be fetched. */
  fallback: number;
  /** The server answered 304 Not Modified: nothing was parsed. */
  notModified: boolean;
}

export interface PollOptions {
  allowPrivate?: boolean;
  /** Stops before the next item (the current item finishes). */
  signal?: AbortSignal;
  /** Fetcher settings (timeout, size limit…) for the feed and its pages. */
  fetch?: Omit<FetchOptions, "allowPrivate" | "etag" | "modified" | "signal">;
  /** A problem with one item (page fetch fallback, or an item skipped); polling goes on. */
  onError?: (err: MarsadError | Error, where: string) => void;
  /** Where new articles go instead of being analysed here (e.g. a work queue). */
  sink?: (article: ArticleInput) => Promise<"new" | "unchanged" | "replaced">;
}

type FeedItem = Parser.Item & { id?: string };

const FEED_ACCEPT =
  "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
const PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5, */*;q=0.1";

const parser = new Parser();

/** A string field of a parsed item, trimmed (rss-parser can yield objects for odd markup). */
function str(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const t = v.trim();
  return t || null;
}

/** The key an item is remembered by: its guid (RSS) or id (Atom), else its link, else its title. */
export function itemKey(item: FeedItem): string | null {
  return str(item.guid) ?? str(item.id) ?? str(item.link) ?? str(item.title);
}

/** A stable article id: a hash of the item's link (or of the feed and the item key without one). */
export function feedArticleId(link: string | null, feedUrl: string, key: string): string {
  const basis = link ?? `${feedUrl}\n${key}`;
  return `feed-${createHash("sha256").update(basis).digest("hex").slice(0, 16)}`;
}

function publishedDate(item: FeedItem): string | null {
  const iso = str(item.isoDate);
  const day = iso?.slice(0, 10) ?? null;
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

function resolveLink(link: string | null, base: string): string | null {
  if (!link) return null;
  try {
    return new URL(link, base).href;
  } catch {
    return null;
  }
}

function looksHtml(contentType: string | null, text: string): boolean {
  if (contentType && /html|xml/i.test(contentType)) return true;
  return /^\s*<(!doctype html|html|head|body)/i.test(text.slice(0, 1024));
}

/** The article text and title from an item's page. */
async function fetchPage(
  link: string,
  opts: PollOptions,
): Promise<{ text: string; title: string | null; url: string }> {
  const res = await safeFetch(link, {
    ...opts.fetch,
    allowPrivate: opts.allowPrivate,
    accept: PAGE_ACCEPT,
  });
  const decoded = decodeBytes(res.body, displayUrl(link));
  if (looksHtml(res.contentType, decoded.text)) {
    const page = extractHtml(decoded.text);
    if (!page.text.trim()) throw new MarsadError("E_EMPTY", "the page has no article text", displayUrl(link));
    return { text: page.text, title: page.title, url: res.url };
  }
  if (!decoded.text.trim()) throw new MarsadError("E_EMPTY", "the page holds no text", displayUrl(link));
  return { text: decoded.text.trim(), title: null, url: res.url };
}

/** The text a feed item carries itself: its content (HTML), summary or snippet. */
export function itemText(item: FeedItem): string {
  for (const html of [str(item.content), str(item.summary)]) {
    if (!html) continue;
    const text = /<[a-z!/]/i.test(html)
      ? extractHtml(`<!doctype html><html><body>${html}</body></html>`).text.trim()
      : html.replace(/\s+\n/g, "\n").trim();
    if (text) return text;
  }
  return str(item.contentSnippet) ?? "";
}

async function store1(
  article: ArticleInput,
  store: Store,
  pipeline: Pipeline,
): Promise<"new" | "unchanged" | "replaced"> {
  if (await store.hasHash(contentHash(article.text, article.title))) return "unchanged";
  return store.saveArticle(article, pipeline.run(article));
}

/** Polls one feed once. Throws (E_INPUT) when the feed itself cannot be fetched or parsed. */
export async function pollFeed(
  url: string,
  store: Store,
  pipeline: Pipeline,
  opts: PollOptions = {},
): Promise<PollCounts> {
  const counts: PollCounts = {
    items: 0,
    new: 0,
    unchanged: 0,
    replaced: 0,
    failed: 0,
    fallback: 0,
    notModified: false,
  };
  const where = displayUrl(url);
  const state = await store.getFeedState(url);
  const res = await safeFetch(url, {
    ...opts.fetch,
    allowPrivate: opts.allowPrivate,
    etag: state?.etag ?? null,
    modified: state?.modified ?? null,
    signal: opts.signal,
    accept: FEED_ACCEPT,
  });
  if (res.notModified) {
    counts.notModified = true;
    // a 304 may carry a fresher validator; otherwise keep the old ones
    await store.setFeedState(url, res.etag ?? state?.etag ?? null, res.modified ?? state?.modified ?? null);
    return counts;
  }

  let feed: Parser.Output<FeedItem>;
  try {
    const text = decodeBytes(res.body, where)
      .text.replace(/^\uFEFF/, "")
      .trimStart();
    feed = await parser.parseString(text);
  } catch (err) {
    if (err instanceof MarsadError) throw err;
    const msg = String((err as Error).message ?? err)
      .split("\n")[0]
      ?.trim();
    throw new MarsadError("E_INPUT", `not a valid RSS or Atom feed (${msg})`, where);
  }

  const host = new URL(res.url).hostname;
  const source = str(feed.title) ?? host;
  const items = feed.items ?? [];
  counts.items = items.length;
  for (const item of items) {
    if (opts.signal?.aborted) break;
    const key = itemKey(item);
    if (!key) {
      counts.failed++;
      opts.onError?.(
        new MarsadError("E_INPUT", "an item without guid, link or title was skipped", where),
        "",
      );
      continue;
    }
    // an item counts as seen only once its article is stored (a crash or a failed page means
    // it is fetched again next time; storing is idempotent by content hash)
    if (await store.isSeen(url, key)) {
      counts.unchanged++;
      continue;
    }
    const link = resolveLink(str(item.link), res.url);
    const itemWhere = link ? displayUrl(link) : `${where} item ${JSON.stringify(key)}`;
    const base = {
      id: feedArticleId(link, url, key),
      url: link,
      source,
      published: publishedDate(item),
    };
    let article: ArticleInput | null = null;
    let pageError: Error | null = null;
    if (link) {
      try {
        const page = await fetchPage(link, opts);
        article = { ...base, text: page.text, title: str(item.title) ?? page.title };
      } catch (err) {
        pageError = err as Error;
      }
    } else {
      pageError = new MarsadError("E_INPUT", "the item has no link", itemWhere);
    }
    if (!article) {
      const text = itemText(item);
      if (text) {
        article = { ...base, text, title: str(item.title) };
        counts.fallback++;
        opts.onError?.(
          new MarsadError(
            "E_INPUT",
            `${pageErrorText(pageError)}; stored the feed's own text instead`,
            itemWhere,
          ),
          itemWhere,
        );
      } else {
        counts.failed++;
        opts.onError?.(
          new MarsadError(
            "E_INPUT",
            `${pageErrorText(pageError)}, and the feed has no text for it`,
            itemWhere,
          ),
          itemWhere,
        );
        continue;
      }
    }
    try {
      counts[await (opts.sink ? opts.sink(article) : store1(article, store, pipeline))]++;
      await store.markSeen(url, key);
    } catch (err) {
      counts.failed++;
      opts.onError?.(err as Error, itemWhere);
    }
  }
  // stopped half-way: keep the old validators so the next poll sees the rest
  if (!opts.signal?.aborted) await store.setFeedState(url, res.etag, res.modified);
  return counts;
}

/** The reason a page fetch failed, without the URL repeated. */
function pageErrorText(err: Error | null): string {
  if (!err) return "the page could not be fetched";
  let reason = err.message;
  if (err instanceof MarsadError && err.where && reason.startsWith(`${err.where}: `)) {
    reason = reason.slice(err.where.length + 2);
  }
  return `the page could not be fetched (${reason})`;
}

// ---------------------------------------------------------------------------
// Polling forever

export interface RunOptions {
  /** Pause between polls of a feed. */
  everyMs: number;
  /** Stops the loop (and a feed fetch in flight). */
  signal?: AbortSignal;
  allowPrivate?: boolean;
  /** One line per poll round, one per problem (no trailing newline). */
  log?: (line: string) => void;
  fetch?: PollOptions["fetch"];
  /** Poll every feed once and return (no waiting, no backoff). */
  once?: boolean;
  /** Longest wait after repeated failures (default 1 hour, or everyMs if longer). */
  maxBackoffMs?: number;
  /** Called after each round with its totals (for tests and monitoring). */
  onRound?: (round: RoundSummary) => void;
  sink?: PollOptions["sink"];
}

export interface RoundSummary {
  round: number;
  feeds: number;
  items: number;
  new: number;
  unchanged: number;
  replaced: number;
  failed: number;
  fallback: number;
  notModified: number;
  /** Feeds that could not be fetched or parsed. */
  feedErrors: number;
  ms: number;
}

export const HOUR_MS = 3_600_000;

/** Sleeps, waking early when the signal fires. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

function formatDelay(ms: number): string {
  if (ms >= HOUR_MS && ms % HOUR_MS === 0) return `${ms / HOUR_MS}h`;
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms >= 1000) return `${Math.round(ms / 1000)}s`;
  return `${ms}ms`;
}

export function describeRound(r: RoundSummary): string {
  const parts = [
    `poll ${r.round}: ${r.feeds} feed${r.feeds === 1 ? "" : "s"} in ${(r.ms / 1000).toFixed(1)} s`,
    `${r.items} items`,
    `${r.new} new`,
    `${r.unchanged} unchanged`,
    `${r.failed} failed`,
  ];
  if (r.replaced) parts.push(`${r.replaced} replaced`);
  if (r.fallback) parts.push(`${r.fallback} from feed text`);
  parts.push(`${r.notModified} not modified`);
  if (r.feedErrors) parts.push(`${r.feedErrors} feed error${r.feedErrors === 1 ? "" : "s"}`);
  return parts.join(", ");
}

const SUMMED = [
  "feeds",
  "items",
  "new",
  "unchanged",
  "replaced",
  "failed",
  "fallback",
  "notModified",
  "feedErrors",
  "ms",
] as const;

function emptyRound(round: number): RoundSummary {
  const r = { round } as RoundSummary;
  for (const k of SUMMED) r[k] = 0;
  return r;
}

interface FeedSchedule {
  url: string;
  nextAt: number;
  failures: number;
}

/**
 * Polls every feed, then waits `everyMs`, until the signal fires. A feed
 * that fails waits longer each time (doubling up to an hour), and is back
 * to the normal pace after its next success. Returns the totals.
 */
export async function runFeeds(
  urls: string[],
  store: Store,
  pipeline: Pipeline,
  opts: RunOptions,
): Promise<RoundSummary> {
  const log = opts.log ?? (() => {});
  const maxBackoff = Math.max(opts.maxBackoffMs ?? HOUR_MS, opts.everyMs);
  const feeds: FeedSchedule[] = urls.map((url) => ({ url, nextAt: 0, failures: 0 }));
  const total = emptyRound(0);
  while (!opts.signal?.aborted && feeds.length > 0) {
    const t0 = Date.now();
    const round = emptyRound(total.round + 1);
    for (const feed of feeds) {
      if (opts.signal?.aborted) break;
      if (feed.nextAt > Date.now()) continue;
      round.feeds++;
      try {
        const c = await pollFeed(feed.url, store, pipeline, {
          allowPrivate: opts.allowPrivate,
          signal: opts.signal,
          fetch: opts.fetch,
          sink: opts.sink,
          onError: (err) => log(formatError(err)),
        });
        round.items += c.items;
        round.new += c.new;
        round.unchanged += c.unchanged;
        round.replaced += c.replaced;
        round.failed += c.failed;
        round.fallback += c.fallback;
        if (c.notModified) round.notModified++;
        feed.failures = 0;
        feed.nextAt = Date.now() + opts.everyMs;
      } catch (err) {
        if (opts.signal?.aborted) break;
        feed.failures++;
        round.feedErrors++;
        const wait = Math.min(opts.everyMs * 2 ** feed.failures, maxBackoff);
        feed.nextAt = Date.now() + wait;
        log(`${formatError(err)} (retrying in ${formatDelay(wait)})`);
      }
    }
    round.ms = Date.now() - t0;
    if (round.feeds > 0) {
      total.round = round.round;
      for (const k of SUMMED) total[k] += round[k];
      log(describeRound(round));
      opts.onRound?.(round);
    }
    if (opts.once || opts.signal?.aborted) break;
    const next = Math.min(...feeds.map((f) => f.nextAt));
    await sleep(Math.max(0, next - Date.now()), opts.signal);
  }
  return total;
}
