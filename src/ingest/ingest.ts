import type { MarsadError } from "../errors.js";
import { formatError } from "../errors.js";
import { type InputItem, readInputs } from "../input/read.js";
import { analyseInOrder } from "../parallel/pool.js";
import { contentHash } from "../store/text-index.js";
import type { Store } from "../store/types.js";
import { expandPaths } from "./paths.js";

/**
 * Ingest: read articles from files and folders, analyse them (on `jobs`
 * threads) and store each. Already-stored text (same content hash) is skipped
 * before analysis; a bad file or line is reported and skipped; every article
 * is saved atomically.
 */

export interface IngestCounts {
  new: number;
  unchanged: number;
  replaced: number;
  failed: number;
}

export interface IngestOptions {
  published?: string | null;
  /** Re-analyse and replace articles already stored (after a lexicon change). */
  replace?: boolean;
  jobs?: number;
  onArticle?: (counts: IngestCounts) => void;
  onError?: (err: MarsadError | Error, where: string) => void;
}

type Tagged = InputItem & { stored?: boolean };

export async function ingestPaths(
  paths: string[],
  store: Store,
  _pipeline: unknown,
  opts: IngestOptions = {},
): Promise<IngestCounts> {
  const counts: IngestCounts = { new: 0, unchanged: 0, replaced: 0, failed: 0 };
  async function* tagged(): AsyncGenerator<Tagged> {
    for await (const item of readInputs(expandPaths(paths), { published: opts.published ?? null })) {
      if ("error" in item || opts.replace) yield item;
      else yield { ...item, stored: await store.hasHash(contentHash(item.article.text, item.article.title)) };
    }
  }
  const toAnalyse = (t: Tagged) => ("error" in t || t.stored ? null : t.article);
  const inFlight = new Set<Promise<void>>();
  const parallelSaves = store.kind === "postgres" ? 8 : 1;
  for await (const { item, doc, error } of analyseInOrder(tagged(), toAnalyse, opts.jobs ?? 1)) {
    if ("error" in item) {
      counts.failed++;
      opts.onError?.(item.error, "");
    } else if (item.stored) {
      counts.unchanged++;
    } else if (error || !doc) {
      counts.failed++;
      opts.onError?.(new Error(error ?? "analysis failed"), item.where);
    } else {
      // a server database takes several transactions at once (their round trips overlap); each
      // article is still saved atomically, and SQLite, in-process, one at a time
      const save = store
        .saveArticle(item.article, doc, { replace: opts.replace })
        .then((status) => {
          counts[status]++;
        })
        .catch((err: Error) => {
          counts.failed++;
          opts.onError?.(err, item.where);
        })
        .finally(() => {
          inFlight.delete(save);
          opts.onArticle?.(counts);
        });
      inFlight.add(save);
      if (inFlight.size >= parallelSaves) await Promise.race(inFlight);
      continue;
    }
    opts.onArticle?.(counts);
  }
  await Promise.all(inFlight);
  return counts;
}

export function describeError(err: MarsadError | Error, where: string): string {
  const text = formatError(err);
  return where && !text.includes(where) ? `${where}: ${text}` : text;
}
