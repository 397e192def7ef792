import { type Job, Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { ArticleInput } from "../document.js";
import { MarsadError } from "../errors.js";
import type { Pipeline } from "../pipeline/index.js";
import { contentHash } from "../store/text-index.js";
import type { Store } from "../store/types.js";

/**
 * Distributed work on BullMQ + Redis: `marsad ingest --queue` enqueues
 * articles (job id = content hash, so enqueueing twice adds one job);
 * `marsad worker` processes them on any number of machines. Delivery is at
 * least once — a worker killed mid-job leaves its job stalled, and BullMQ
 * hands it to another worker — and storing is idempotent by content hash, so
 * nothing is lost and nothing is stored twice. Failed jobs keep their error.
 */

export const QUEUE_NAME = "marsad-articles";

export function connect(url: string): Redis {
  if (!/^rediss?:\/\//.test(url)) throw new MarsadError("E_USAGE", `--queue "${url}" must be a redis:// URL`);
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}

export interface QueueHandle {
  queue: Queue;
  close(): Promise<void>;
}

export function openQueue(url: string, name = QUEUE_NAME): QueueHandle {
  const connection = connect(url);
  const queue = new Queue(name, {
    connection,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: "exponential", delay: 1000 },
      removeOnComplete: 10_000,
      removeOnFail: false,
    },
  });
  return {
    queue,
    close: async () => {
      await queue.close();
      connection.disconnect();
    },
  };
}

/** Adds articles as jobs; returns how many were new to the queue. */
export async function enqueue(handle: QueueHandle, articles: ArticleInput[]): Promise<number> {
  const jobs = articles.map((a) => ({
    name: "article",
    data: a,
    opts: { jobId: contentHash(a.text, a.title) },
  }));
  const before = await handle.queue.getJobCounts("waiting", "active", "completed", "failed", "delayed");
  await handle.queue.addBulk(jobs);
  const after = await handle.queue.getJobCounts("waiting", "active", "completed", "failed", "delayed");
  const total = (c: Record<string, number>) => Object.values(c).reduce((n, x) => n + x, 0);
  return total(after) - total(before);
}

export interface WorkerOptions {
  /** The queue's name (several marsad deployments may share one Redis). */
  name?: string;
  concurrency?: number;
  /** How long a job stays locked to a worker that stopped answering (ms). */
  lockDuration?: number;
  stalledInterval?: number;
  onDone?: (job: Job, status: string) => void;
  onFailed?: (job: Job | undefined, err: Error) => void;
}

export function startWorker(
  url: string,
  store: Store,
  pipeline: Pipeline,
  opts: WorkerOptions = {},
): { worker: Worker; close(): Promise<void> } {
  const connection = connect(url);
  const worker = new Worker(
    opts.name ?? QUEUE_NAME,
    async (job: Job<ArticleInput>) => {
      const status = await store.saveArticle(job.data, pipeline.run(job.data));
      return { status };
    },
    {
      connection,
      concurrency: opts.concurrency ?? 1,
      lockDuration: opts.lockDuration ?? 30_000,
      stalledInterval: opts.stalledInterval ?? 30_000,
      maxStalledCount: 5,
    },
  );
  worker.on("completed", (job, result: { status: string }) => opts.onDone?.(job, result.status));
  worker.on("failed", (job, err) => opts.onFailed?.(job, err));
  return {
    worker,
    close: async () => {
      await worker.close();
      connection.disconnect();
    },
  };
}

export async function queueStatus(handle: QueueHandle, failedLimit = 20) {
  const counts = await handle.queue.getJobCounts("waiting", "active", "completed", "failed", "delayed");
  const failed = (await handle.queue.getFailed(0, failedLimit - 1)).map((j) => ({
    id: j.id,
    article: (j.data as ArticleInput).id,
    attempts: j.attemptsMade,
    error: j.failedReason,
  }));
  return { counts, failed };
}

export async function retryFailed(handle: QueueHandle): Promise<number> {
  const failed = await handle.queue.getFailed(0, -1);
  for (const j of failed) await j.retry();
  return failed.length;
}
