import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** ../shared (third-party data and the seed), beside the repository. */
export const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));
export const SEED_TXT = `${SHARED}seed/seed-000.txt`;
export const SEED_GOLD = `${SHARED}seed/seed-000.gold.json`;

export function readSeed(): string {
  return readFileSync(SEED_TXT, "utf8");
}

export function hasShared(path: string): boolean {
  return existsSync(`${SHARED}${path}`);
}
