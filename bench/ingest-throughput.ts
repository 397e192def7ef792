/**
 * Ingest throughput: the ANT corpus (10,138 articles) into SQLite and, when a
 * PostgreSQL URL is given, into PostgreSQL — analysis on all cores, storing in
 * one writer. Prints articles/s; a second run shows the cost of a no-op re-ingest.
 *
 *   npm run build && npx vite-node bench/ingest-throughput.ts [--pg postgres://…[?schema=NAME]] [--limit N]
 */
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { parsePostgresUrl } from "../src/store/postgres.js";

const { Client } = pg;

const arg = (name: string) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const corpus = fileURLToPath(new URL("../../shared/data/news/ant-corpus.jsonl", import.meta.url));
const limit = Number(arg("--limit") ?? 0) || Number.POSITIVE_INFINITY;
const lines = readFileSync(corpus, "utf8").split("\n").filter(Boolean).slice(0, limit);
const input = join(tmpdir(), "marsad-ingest-bench.jsonl");
writeFileSync(input, `${lines.join("\n")}\n`);
const bin = fileURLToPath(new URL("../bin/marsad.js", import.meta.url));

function run(label: string, db: string): void {
  const t0 = performance.now();
  execFileSync(process.execPath, [bin, "ingest", input, "--db", db], { stdio: ["ignore", "ignore", "pipe"] });
  const s = (performance.now() - t0) / 1000;
  console.log(
    `${label.padEnd(36)} ${s.toFixed(1).padStart(6)} s  ${(lines.length / s).toFixed(0).padStart(6)} articles/s`,
  );
}

console.log(`articles: ${lines.length}`);
const sqlite = join(tmpdir(), "marsad-ingest-bench.db");
for (const f of [sqlite, `${sqlite}-wal`, `${sqlite}-shm`]) rmSync(f, { force: true });
run("SQLite, first ingest", sqlite);
run("SQLite, again (all unchanged)", sqlite);
const given = arg("--pg");
if (given) {
  // a first ingest starts from an empty schema: the URL's ?schema= (marsad_bench if it names none), dropped first
  const url = new URL(given);
  if (!url.searchParams.has("schema")) url.searchParams.set("schema", "marsad_bench");
  const pgUrl = url.toString();
  const { connectionString, schema } = parsePostgresUrl(pgUrl);
  const client = new Client({ connectionString });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${client.escapeIdentifier(schema ?? "marsad_bench")} CASCADE`);
  await client.end();
  run("PostgreSQL, first ingest", pgUrl);
  run("PostgreSQL, again (all unchanged)", pgUrl);
}
