import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { SEED_TXT } from "../helpers/shared.js";

describe("marsad ingest / search / export", () => {
  const dir = mkdtempSync(join(tmpdir(), "marsad-ingest-"));
  const db = join(dir, "test.db");
  const inbox = join(dir, "inbox", "nested");
  mkdirSync(inbox, { recursive: true });
  writeFileSync(join(inbox, "a.txt"), "التقى وزير الخارجية المصري نظيره الأردني في عمان يوم الأحد.");
  writeFileSync(join(inbox, "bad.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
  writeFileSync(
    join(dir, "inbox", "batch.jsonl"),
    `${JSON.stringify({ id: "j1", text: "أدانت الحكومة الأردنية الهجوم.", published: "2024-01-01" })}\n{oops\n`,
  );

  it("ingests files, folders (recursively) and JSON Lines, reporting bad input and going on", () => {
    const r = runCli([
      "ingest",
      SEED_TXT,
      join(dir, "inbox"),
      join(dir, "missing.txt"),
      "--db",
      db,
      "--published",
      "2024-06-27",
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("3 new");
    expect(r.stderr).toContain("batch.jsonl:2: not valid JSON");
    expect(r.stderr).toContain("missing.txt: no such file");
    expect(r.stderr).not.toContain("bad.png"); // folders only yield article files
  });

  it("adds nothing when run again and says so", () => {
    const r = runCli([
      "ingest",
      SEED_TXT,
      join(dir, "inbox", "nested"),
      "--db",
      db,
      "--published",
      "2024-06-27",
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("0 new");
    expect(r.stderr).toContain("2 unchanged");
    expect(r.stderr).toContain("nothing new");
  });

  it("searches and exports what was stored", () => {
    const s = runCli(["search", "بغزة", "--db", db]);
    expect(s.status).toBe(0);
    expect(s.stdout).toContain("seed-000#");
    const e = runCli(["export", "--db", db, "--format", "jsonl", "--source", "USA", "--target", "ISR"]);
    const events = e.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { cameo: string; date: string });
    expect(events.some((x) => x.cameo.startsWith("04") && x.date === "2024-06-27")).toBe(true);
    const bad = runCli(["export", "--db", db, "--quad", "7"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("E_USAGE: --quad");
  });

  it("exits 3, naming the database, when the database cannot be opened, and 3 for a missing gold file", () => {
    // port 1 refuses at once: no PostgreSQL listens there
    const r = runCli(["ingest", SEED_TXT, "--db", "postgres://postgres@127.0.0.1:1/none"]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(
      /E_DB: postgres:\/\/postgres@127\.0\.0\.1:1\/none: cannot open the PostgreSQL database/,
    );
    const g = runCli(["eval", "/no/such/file.gold.json"]);
    expect(g.status).toBe(3);
    expect(g.stderr).toContain("E_GOLD: /no/such/file.gold.json");
  });
});
