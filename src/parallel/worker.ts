import { parentPort } from "node:worker_threads";
import type { ArticleInput } from "../document.js";
import { formatError } from "../errors.js";
import { createPipeline } from "../pipeline/index.js";
import { type DocFormat, serialise } from "./serialise.js";

/**
 * A pipeline worker thread: compiles the lexicon once, then analyses the
 * articles it is sent, answering each with its sequence number — with the
 * document, or with its JSON text when asked for a format (the caller then
 * only writes it out: cheaper to send, and nothing to collect on its heap).
 */
const pipeline = createPipeline();

parentPort?.on("message", (msg: { seq: number; article: ArticleInput; format?: DocFormat }) => {
  try {
    const doc = pipeline.run(msg.article);
    parentPort?.postMessage(
      msg.format
        ? { seq: msg.seq, text: serialise(doc, msg.format), language: doc.language }
        : { seq: msg.seq, doc },
    );
  } catch (err) {
    parentPort?.postMessage({ seq: msg.seq, error: formatError(err) });
  }
});
