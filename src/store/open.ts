import { MarsadError } from "../errors.js";
import { SqliteStore } from "./sqlite.js";
import type { Store } from "./types.js";

/**
 * Opens the store named by `--db`, MARSAD_DB or the default ./marsad.db:
 * a file path (or :memory:) is SQLite; postgres://… is PostgreSQL.
 */
export function dbLocation(option?: string): string {
  return option ?? process.env.MARSAD_DB ?? "marsad.db";
}

export async function openStore(option?: string): Promise<Store> {
  const where = dbLocation(option);
  if (/^postgres(ql)?:\/\//.test(where)) {
    throw new MarsadError(
      "E_DB",
      "the PostgreSQL backend is not built yet (see the scale issue); use a SQLite file",
      where,
    );
  }
  return new SqliteStore(where);
}
