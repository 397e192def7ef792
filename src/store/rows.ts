import type { ArticleDocument } from "../document.js";
import { highlight } from "./text-index.js";
import type { EventMention, SearchHit, StoredEvent } from "./types.js";

/** Database rows of events and mentions, and their assembly into API objects (shared by drivers). */

export interface EventRow {
  id: number;
  source_code: string | null;
  source_name: string | null;
  target_code: string | null;
  target_name: string | null;
  cameo: string;
  root: string;
  plover: string;
  quad: number | null;
  goldstein: number | null;
  date: string | null;
}

export interface MentionRow {
  event_id: number;
  article_id: string;
  modality: string;
  date_text: string | null;
  location_code: string | null;
  location_name: string | null;
  location_text: string | null;
  attribution_code: string | null;
  attribution_name: string | null;
  topics: string;
  sentences: string;
  evidence: string;
  evidence_start: number | null;
  evidence_end: number | null;
  source_text: string | null;
  target_text: string | null;
  rules: string;
  published: string | null;
  source: string | null;
  title: string | null;
}

function mention(m: MentionRow): EventMention {
  return {
    article_id: m.article_id,
    modality: m.modality,
    date_text: m.date_text,
    location: m.location_name
      ? { name: m.location_name, code: m.location_code, text: m.location_text ?? "" }
      : null,
    attribution:
      m.attribution_code || m.attribution_name
        ? { code: m.attribution_code, name: m.attribution_name }
        : null,
    topics: JSON.parse(m.topics) as string[],
    sentences: JSON.parse(m.sentences) as number[],
    evidence: m.evidence,
    evidence_start: m.evidence_start === null ? null : Number(m.evidence_start),
    evidence_end: m.evidence_end === null ? null : Number(m.evidence_end),
    source_text: m.source_text,
    target_text: m.target_text,
    rules: JSON.parse(m.rules) as string[],
    published: m.published,
    source: m.source,
    title: m.title,
  };
}

/** How many reports of an event a page of events lists (all of them: /api/events/:id). */
export const MENTIONS_PER_EVENT = 5;

/** Events with all their mentions, as /api/events/:id lists one (pages keep their entries: sqlite-listing.ts). */
export function hydrateEvents(rows: EventRow[], mentions: MentionRow[]): StoredEvent[] {
  const byEvent = new Map<number, EventMention[]>();
  for (const m of mentions) {
    const id = Number(m.event_id);
    byEvent.set(id, [...(byEvent.get(id) ?? []), mention(m)]);
  }
  return rows.map((r) => {
    const ms = byEvent.get(Number(r.id)) ?? [];
    return {
      id: Number(r.id),
      source_code: r.source_code,
      source_name: r.source_name,
      target_code: r.target_code,
      target_name: r.target_name,
      cameo: r.cameo,
      plover: r.plover,
      quad: r.quad === null ? null : Number(r.quad),
      goldstein: r.goldstein === null ? null : Number(r.goldstein),
      date: r.date || null,
      num_articles: new Set(ms.map((m) => m.article_id)).size,
      num_sources: new Set(ms.map((m) => m.source ?? m.article_id)).size,
      mentions: ms,
    };
  });
}

/** A sentence the full-text index matched, as every driver selects it. */
export interface SearchRow {
  article_id: string;
  idx: number;
  rank: number;
  text: string;
  title: string | null;
  published: string | null;
}

/**
 * The values of a new events row, in the column order every driver inserts:
 * source_code, source_name, target_code, target_name, cameo, root, plover, quad, goldstein
 * (the date, stored differently per driver, follows).
 */
export function eventValues(e: ArticleDocument["events"][number]): unknown[] {
  return [
    e.source?.code ?? null,
    e.source?.name ?? null,
    e.target?.code ?? null,
    e.target?.name ?? null,
    e.cameo,
    e.cameo.slice(0, 2),
    e.plover,
    e.quad ?? null,
    e.goldstein ?? null,
  ];
}

/** A matching sentence as a search hit, its query words marked (same in every driver). */
export function searchHit(r: SearchRow, q: string): SearchHit {
  return {
    article_id: r.article_id,
    title: r.title,
    published: r.published,
    sentence: r.idx,
    snippet: highlight(r.text, q),
    rank: r.rank,
  };
}

/** A page's JSON text from its events' listings: `{"items":[…],"next":…}`, as JSON.stringify writes a Page. */
export function pageText(listings: string[], next: string | null): string {
  return `{"items":[${listings.join(",")}],"next":${JSON.stringify(next)}}`;
}
