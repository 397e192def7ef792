import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ArticleDocument, ArticleInput } from "../document.js";
import { createPipeline } from "../pipeline/index.js";
import { heapCap } from "./heap-cap.js";
import { type DocFormat, serialise } from "./serialise.js";

/**
 * Analyses a stream of articles on N threads and yields the results in input
 * order. At most `16 × N` articles are in flight (fewer left threads idle behind
 * one long article while the output waited for it), so memory stays flat for any
 * input size. With N = 1 everything runs on the calling thread, unless
 * `threads` asks for a worker thread anyway (see THREAD_LIMITS).
 */

/**
 * One input with its analysis: the document, or with `format` its JSON text
 * and language only (serialised on the analysis thread), or an error.
 */
export type Analysed<T> = {
  item: T;
  doc?: ArticleDocument;
  text?: string;
  language?: string;
  error?: string;
};

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Heap limits of an analysis thread. V8 sizes a heap's first collection
 * thresholds from its maximum, which by default is a quarter of the machine's
 * memory: analysis garbage then piles up to hundreds of MB before anything is
 * collected. Measured on ANT, a thread's live heap after a collection is
 * ≈ 40 MB (code, the compiled lexicon ≈ 26 MB; then also a word cache of
 * ≈ 6 MB, since replaced by one table per article in stages/tokens.ts), plus one article's working set: a 96 MB old
 * generation leaves V8 room to collect incrementally (at 48 MB threads ran
 * out; at 64 MB collections slow analysis down; 128 MB was no faster and
 * held ≈ 30 MB more per thread at --jobs 2), and a 12 MB young generation
 * keeps short-lived garbage short (8 MB cost ≈ 30 % more CPU in scavenges;
 * 16 MB was no faster and held ≈ 15 MB more per thread). An article that
 * needs more (a book-sized text) is not failed for it: the thread that ran
 * out is replaced by one without the old-generation limit and its articles
 * are tried again there.
 */
export const THREAD_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 12 };
const ROOMY_LIMITS = { maxYoungGenerationSizeMb: 16 };

export async function* analyseInOrder<T>(
  items: AsyncIterable<T>,
  articleOf: (item: T) => ArticleInput | null,
  jobs: number,
  opts: { threads?: boolean; format?: DocFormat } = {},
): AsyncGenerator<Analysed<T>> {
  const { format } = opts;
  if (jobs <= 1 && !opts.threads) {
    const pipeline = createPipeline();
    for await (const item of items) {
      const article = articleOf(item);
      if (!article) {
        yield { item };
        continue;
      }
      try {
        const doc = pipeline.run(article);
        yield format ? { item, text: serialise(doc, format), language: doc.language } : { item, doc };
      } catch (err) {
        yield { item, error: (err as Error).message };
      }
    }
    return;
  }
  const threads = Math.max(1, jobs);
  const pending = new Map<
    number,
    { item: T; resolve: (r: Analysed<T>) => void; promise: Promise<Analysed<T>> }
  >();
  // articles sent to each thread and not yet answered (a thread answers in order): a thread that
  // dies (out of memory…) fails the article it was on, and a fresh thread takes the rest
  const sent: Array<Map<number, ArticleInput>> = Array.from({ length: threads }, () => new Map());
  let closing = false;
  const spawn = (k: number, roomy = false): Worker => {
    const w = new Worker(new URL("./worker.js", import.meta.url), {
      resourceLimits: roomy ? ROOMY_LIMITS : THREAD_LIMITS,
    });
    let failure: string | null = null;
    let outOfMemory = false;
    w.on("message", (msg: Omit<Analysed<T>, "item"> & { seq: number }) => {
      sent[k]!.delete(msg.seq);
      const p = pending.get(msg.seq);
      const { seq: _, ...result } = msg;
      p?.resolve({ item: p.item, ...result });
    });
    w.on("error", (err) => {
      failure = `analysis thread failed: ${err.message}`;
      outOfMemory = (err as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY";
    });
    w.on("exit", (code) => {
      if (closing) return;
      // out of memory under THREAD_LIMITS: every article is retried on a roomy thread
      const retry = outOfMemory && !roomy;
      const [first, ...rest] = [...sent[k]!.keys()].sort((a, b) => a - b);
      if (first !== undefined && !retry) {
        sent[k]!.delete(first);
        const p = pending.get(first);
        p?.resolve({ item: p.item, error: failure ?? `analysis thread exited with code ${code}` });
      }
      const next = spawn(k, roomy || retry);
      workers[k] = next;
      for (const n of retry ? [...sent[k]!.keys()] : rest)
        next.postMessage({ seq: n, article: sent[k]!.get(n), format });
    });
    return w;
  };
  const workers: Worker[] = [];
  for (let k = 0; k < threads; k++) workers.push(spawn(k));
  const queue: number[] = [];
  const cap = heapCap(48);
  let seq = 0;
  const limit = threads * 16;
  try {
    for await (const item of items) {
      cap();
      const n = seq++;
      let resolve!: (r: Analysed<T>) => void;
      const promise = new Promise<Analysed<T>>((r) => {
        resolve = r;
      });
      pending.set(n, { item, resolve, promise });
      queue.push(n);
      const article = articleOf(item);
      if (article) {
        sent[n % threads]!.set(n, article);
        workers[n % threads]!.postMessage({ seq: n, article, format });
      } else resolve({ item });
      while (queue.length >= limit) yield await take(queue, pending);
    }
    while (queue.length) yield await take(queue, pending);
  } finally {
    closing = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

async function take<T>(
  queue: number[],
  pending: Map<number, { promise: Promise<Analysed<T>> }>,
): Promise<Analysed<T>> {
  const n = queue.shift()!;
  const result = await pending.get(n)!.promise;
  pending.delete(n);
  return result;
}
