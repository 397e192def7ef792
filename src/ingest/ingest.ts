import type { MarsadError } from "../errors.js";
import { formatError } from "../errors.js";
import { readInputs } from "../input/read.js";
import type { Pipeline } from "../pipeline/index.js";
import { contentHash } from "../store/text-index.js";
import type { Store } from "../store/types.js";
import { expandPaths } from "./paths.js";

/**
 * Ingest: read articles from files and folders, analyse each and store it.
 * Already-stored text (same content hash) is skipped before analysis; a bad
 * file or line is reported and skipped; every article is saved atomically.
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
  onArticle?: (counts: IngestCounts) => void;
  onError?: (err: MarsadError | Error, where: string) => void;
}

export async function ingestPaths(
  paths: string[],
  store: Store,
  pipeline: Pipeline,
  opts: IngestOptions = {},
): Promise<IngestCounts> {
  const counts: IngestCounts = { new: 0, unchanged: 0, replaced: 0, failed: 0 };
  for await (const item of readInputs(expandPaths(paths), { published: opts.published ?? null })) {
    if ("error" in item) {
      counts.failed++;
      opts.onError?.(item.error, "");
      opts.onArticle?.(counts);
      continue;
    }
    try {
      const a = item.article;
      if (!opts.replace && (await store.hasHash(contentHash(a.text, a.title)))) {
        counts.unchanged++;
      } else {
        const status = await store.saveArticle(a, pipeline.run(a), { replace: opts.replace });
        counts[status]++;
      }
    } catch (err) {
      counts.failed++;
      opts.onError?.(err as Error, item.where);
    }
    opts.onArticle?.(counts);
  }
  return counts;
}

export function describeError(err: MarsadError | Error, where: string): string {
  const text = formatError(err);
  return where && !text.includes(where) ? `${where}: ${text}` : text;
}
