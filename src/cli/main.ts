import { Command, CommanderError } from "commander";
import { formatError, MarsadError } from "../errors.js";
import { registerEval } from "./eval.js";
import { registerExport } from "./export.js";
import { registerExtract } from "./extract.js";
import { registerFeed } from "./feed.js";
import { registerIngest } from "./ingest.js";
import { registerLexicon } from "./lexicon.js";
import { registerQueue } from "./queue.js";
import { registerSearch } from "./search.js";
import { registerServe } from "./serve.js";
import { registerWorker } from "./worker.js";

/**
 * The marsad command line: one command per file in this folder. Exit codes:
 * 0 success, 1 some input failed (the rest was processed), 2 usage error,
 * 70 internal error.
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command("marsad")
    .description("marsad (مرصد): Arabic news → political event data (CAMEO/PLOVER)")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerExtract(program);
  registerEval(program);
  registerLexicon(program);
  registerIngest(program);
  registerSearch(program);
  registerExport(program);
  registerServe(program);
  registerWorker(program);
  registerQueue(program);
  registerFeed(program);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(`marsad: ${formatError(err)}\n`);
    return err instanceof MarsadError && err.code === "E_USAGE" ? 2 : 70;
  }
}
