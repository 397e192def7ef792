import type { ArticleDocument } from "../../src/document.js";
import type {
  ActorCount,
  GraphEdge,
  Page,
  SearchHit,
  StoredEvent,
  TimelineBucket,
} from "../../src/store/types.js";

export type { ActorCount, ArticleDocument, GraphEdge, Page, SearchHit, StoredEvent, TimelineBucket };

/** The API is served by the same origin as the UI. */
export const API = "/api";

export interface GraphNode {
  id: string;
  name: string | null;
  count: number;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The event filters every list view shares (the API's filter parameters). */
export const FILTER_KEYS = [
  "q",
  "source",
  "target",
  "actor",
  "cameo",
  "plover",
  "quad",
  "modality",
  "from",
  "to",
  "topic",
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export function filtersFrom(params: URLSearchParams): Filters {
  const f: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k)?.trim();
    if (v) f[k] = v;
  }
  return f;
}

/** Query string of the filters plus extra parameters; empty values are left out (the API rejects them). */
export function query(
  filters: Filters,
  extra: Record<string, string | number | null | undefined> = {},
): string {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = filters[k]?.trim();
    if (v) p.set(k, v);
  }
  for (const [k, v] of Object.entries(extra))
    if (v !== null && v !== undefined && v !== "") p.set(k, String(v));
  return p.toString();
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${API}${path}`, { headers: { accept: "application/json" }, signal });
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    throw new ApiError(0, `network error: ${(err as Error).message}`);
  }
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { error?: unknown; message?: unknown };
      const m = body.error ?? body.message;
      if (typeof m === "string" && m) message = m;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(res.status, message);
  }
  return (await res.json()) as T;
}

export const api = {
  events: (f: Filters, limit: number, cursor: string | null, signal?: AbortSignal) =>
    getJson<Page<StoredEvent>>(`/events?${query(f, { limit, cursor })}`, signal),
  article: (id: string, signal?: AbortSignal) =>
    getJson<ArticleDocument & { hash?: string }>(`/articles/${encodeURIComponent(id)}`, signal),
  graph: (f: Filters, limit: number, signal?: AbortSignal) =>
    getJson<Graph>(`/graph?${query(f, { limit })}`, signal),
  timeline: (f: Filters, bucket: string, by: string, signal?: AbortSignal) =>
    getJson<TimelineBucket[]>(`/timeline?${query(f, { bucket, by })}`, signal),
  search: (q: string, limit: number, signal?: AbortSignal) =>
    getJson<SearchHit[]>(`/search?${new URLSearchParams({ q, limit: String(limit) })}`, signal),
  exportUrl: (f: Filters, format: "csv" | "jsonl" | "gdelt") => `${API}/export?${query(f, { format })}`,
};
