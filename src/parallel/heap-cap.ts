import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * Keeps the heap of the reading and writing thread small. Its live data is
 * ≈ 15 MB (the articles in flight and their answers), but V8 sizes the main
 * thread's collections from the machine's memory: over 100,000 articles its
 * old generation filled with ≈ 85 MB of dead input lines and output texts
 * before a full collection came (measured with --trace-gc). Worker threads
 * take heap limits (pool.ts); the main thread's can only be set on the node
 * command line, which `marsad` does not control — so this thread collects
 * itself when its used heap passes `limitMb`, which costs a few milliseconds every
 * few thousand articles.
 *
 * The collector is reached as Jest's --logHeapUsage reaches it: the
 * `--expose-gc` flag set at run time, read from a new context.
 */
export function heapCap(limitMb: number): () => void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as (() => void) | undefined;
  const limit = limitMb * 1024 * 1024;
  let calls = 0;
  return () => {
    // reading the statistics is cheap, but not free: once every 64 articles
    if (!gc || ++calls % 64 !== 0) return;
    if (getHeapStatistics().used_heap_size > limit) gc();
  };
}
