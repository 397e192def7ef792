import type { Command } from "commander";
import { z } from "zod";
import { buildServer } from "../server/app.js";
import { dbLocation, openStore } from "../store/open.js";
import { parseOptions } from "./options.js";

/** `marsad serve [--host 127.0.0.1] [--port 8080] [--db FILE]`: the HTTP API and web UI. */
const schema = z.object({
  host: z.string().min(1).default("127.0.0.1"),
  port: z.coerce.number().int().min(0, "must be 0 to 65535").max(65535, "must be 0 to 65535").default(8080),
  db: z.string().optional(),
  auth: z.enum(["write", "read"]).default("write"),
});

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the HTTP API and the web UI (binds 127.0.0.1 unless told otherwise)")
    .option("--host <host>", "address to bind", "127.0.0.1")
    .option("--port <port>", "port", "8080")
    .option("--db <path>", "database (default ./marsad.db or $MARSAD_DB)")
    .option("--auth <what>", "write: the token (MARSAD_TOKEN) guards writes; read: reads too", "write")
    .action(async (raw: unknown) => {
      const opts = parseOptions(schema, raw);
      const store = await openStore(opts.db);
      const app = await buildServer({ store, authRead: opts.auth === "read" });
      await app.listen({ host: opts.host, port: opts.port });
      const addr = app.server.address();
      const port = typeof addr === "object" && addr ? addr.port : opts.port;
      const shown = opts.host.includes(":") ? `[${opts.host}]` : opts.host;
      process.stderr.write(
        `marsad serve: ${await store.countArticles()} articles in ${dbLocation(opts.db)}\nmarsad serve: open http://${shown}:${port}/ (API: http://${shown}:${port}/api/openapi.json); Ctrl-C stops\n`,
      );
      const stop = async () => {
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      await new Promise(() => undefined);
    });
}
