import { parentPort } from "node:worker_threads";
import type { ArticleInput } from "../document.js";
import { formatError } from "../errors.js";
import { createPipeline } from "../pipeline/index.js";

/**
 * A pipeline worker thread: compiles the lexicon once, then analyses the
 * articles it is sent, answering each with its sequence number.
 */
const pipeline = createPipeline();

parentPort?.on("message", (msg: { seq: number; article: ArticleInput }) => {
  try {
    parentPort?.postMessage({ seq: msg.seq, doc: pipeline.run(msg.article) });
  } catch (err) {
    parentPort?.postMessage({ seq: msg.seq, error: formatError(err) });
  }
});
