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
  // a small young generation keeps each thread's memory near its lexicon's size
  const workers = Array.from(
    { length: jobs },
    () =>
      new Worker(new URL("./worker.js", import.meta.url), {
        resourceLimits: { maxYoungGenerationSizeMb: 16 },
      }),
  );
  const pending = new Map<
    number,
    { item: T; resolve: (r: Analysed<T>) => void; promise: Promise<Analysed<T>> }
  >();
  for (const w of workers) {
    w.on("message", (msg: { seq: number; doc?: ArticleDocument; error?: string }) => {
      const p = pending.get(msg.seq);
      p?.resolve({ item: p.item, doc: msg.doc, error: msg.error });
    });
  }
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
      if (article) workers[n % jobs]!.postMessage({ seq: n, article });
      else resolve({ item });
      while (queue.length >= limit) yield await take(queue, pending);
    }
    while (queue.length) yield await take(queue, pending);
  } finally {
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
