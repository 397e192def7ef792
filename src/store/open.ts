import { SqliteStore } from "./sqlite.js";
import type { Store } from "./types.js";

/**
 * Opens the store named by `--db`, MARSAD_DB or the default ./marsad.db:
 * a file path (or :memory:) is SQLite; postgres://… is PostgreSQL (`?schema=NAME`
 * picks a schema, see ./postgres.ts).
 */
export function dbLocation(option?: string): string {
  return option ?? process.env.MARSAD_DB ?? "marsad.db";
}

export async function openStore(option?: string): Promise<Store> {
  const where = dbLocation(option);
  if (/^postgres(ql)?:\/\//.test(where)) {
    const { PostgresStore } = await import("./postgres.js");
    return PostgresStore.open(where);
  }
  return new SqliteStore(where);
}
