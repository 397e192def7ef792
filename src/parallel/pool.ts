import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ArticleDocument, ArticleInput } from "../document.js";
import { createPipeline } from "../pipeline/index.js";

/**
 * Analyses a stream of articles on N threads and yields the results in input
 * order. At most `4 × N` articles are in flight, so memory stays flat for any
 * input size. With N = 1 everything runs on the calling thread.
 */

export type Analysed<T> = { item: T; doc?: ArticleDocument; error?: string };

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export async function* analyseInOrder<T>(
  items: AsyncIterable<T>,
  articleOf: (item: T) => ArticleInput | null,
  jobs: number,
): AsyncGenerator<Analysed<T>> {
  if (jobs <= 1) {
    const pipeline = createPipeline();
    for await (const item of items) {
      const article = articleOf(item);
      if (!article) {
        yield { item };
        continue;
      }
      try {
        yield { item, doc: pipeline.run(article) };
      } catch (err) {
        yield { item, error: (err as Error).message };
      }
    }
    return;
  }
  const pending = new Map<
    number,
    { item: T; resolve: (r: Analysed<T>) => void; promise: Promise<Analysed<T>> }
  >();
  // articles sent to each thread and not yet answered (a thread answers in order): a thread that
  // dies (out of memory…) fails the article it was on, and a fresh thread takes the rest
  const sent: Array<Map<number, ArticleInput>> = Array.from({ length: jobs }, () => new Map());
  let closing = false;
  const spawn = (k: number): Worker => {
    // a small young generation keeps each thread's memory near its lexicon's size
    const w = new Worker(new URL("./worker.js", import.meta.url), {
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
    });
    let failure: string | null = null;
    w.on("message", (msg: { seq: number; doc?: ArticleDocument; error?: string }) => {
      sent[k]!.delete(msg.seq);
      const p = pending.get(msg.seq);
      p?.resolve({ item: p.item, doc: msg.doc, error: msg.error });
    });
    w.on("error", (err) => {
      failure = `analysis thread failed: ${err.message}`;
    });
    w.on("exit", (code) => {
      if (closing) return;
      const error = failure ?? `analysis thread exited with code ${code}`;
      const [first, ...rest] = [...sent[k]!.keys()].sort((a, b) => a - b);
      if (first !== undefined) {
        sent[k]!.delete(first);
        const p = pending.get(first);
        p?.resolve({ item: p.item, error });
      }
      const next = spawn(k);
      workers[k] = next;
      for (const n of rest) next.postMessage({ seq: n, article: sent[k]!.get(n) });
    });
    return w;
  };
  const workers: Worker[] = [];
  for (let k = 0; k < jobs; k++) workers.push(spawn(k));
  const queue: number[] = [];
  let seq = 0;
  const limit = jobs * 4;
  try {
    for await (const item of items) {
      const n = seq++;
      let resolve!: (r: Analysed<T>) => void;
      const promise = new Promise<Analysed<T>>((r) => {
        resolve = r;
      });
      pending.set(n, { item, resolve, promise });
      queue.push(n);
      const article = articleOf(item);
      if (article) {
        sent[n % jobs]!.set(n, article);
        workers[n % jobs]!.postMessage({ seq: n, article });
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
