import { Command, CommanderError } from "commander";
import { formatError, MarsadError } from "../errors.js";

type Register = (program: Command) => void;

/**
 * The commands in the order `marsad --help` lists them, each loaded when
 * needed: a command's module pulls in its own dependencies (the server,
 * BullMQ and Redis, the feed parser…), tens of MB of code and heap that,
 * say, `marsad extract` never uses.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  extract: async () => (await import("./extract.js")).registerExtract,
  eval: async () => (await import("./eval.js")).registerEval,
  lexicon: async () => (await import("./lexicon.js")).registerLexicon,
  ingest: async () => (await import("./ingest.js")).registerIngest,
  search: async () => (await import("./search.js")).registerSearch,
  export: async () => (await import("./export.js")).registerExport,
  serve: async () => (await import("./serve.js")).registerServe,
  worker: async () => (await import("./worker.js")).registerWorker,
  queue: async () => (await import("./queue.js")).registerQueue,
  feed: async () => (await import("./feed.js")).registerFeed,
};

/**
 * The marsad command line: one command per file in this folder. Exit codes:
 * 0 success, 1 some input failed (the rest was processed), 2 usage error,
 * 3 the command could not run (a coded failure: a database that cannot be opened,
 * a gold file that is missing…), 70 internal error (a bug: anything uncoded).
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command("marsad")
    .description("marsad (مرصد): Arabic news → political event data (CAMEO/PLOVER)")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  // the named command only; every command for help, options, unknown names
  const named = argv[2];
  const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
  for (const name of wanted) (await COMMANDS[name]!())(program);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(`marsad: ${formatError(err)}\n`);
    if (!(err instanceof MarsadError)) return 70;
    return err.code === "E_USAGE" ? 2 : 3;
  }
}
