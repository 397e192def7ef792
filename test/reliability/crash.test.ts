import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/store/sqlite.js";
import { contentHash } from "../../src/store/text-index.js";
import { ROOT, runCli } from "../helpers/cli.js";
import { SHARED } from "../helpers/shared.js";

/**
 * Crash safety: `marsad ingest` killed with SIGKILL in the middle of a large
 * file leaves a database that passes its integrity check with no article
 * half-stored; running the same command again stores every article exactly once.
 */
describe("ingest killed with SIGKILL", () => {
  it("loses nothing and stores nothing twice", { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-crash-"));
    const lines = readFileSync(`${SHARED}data/news/ant-corpus.jsonl`, "utf8")
      .split("\n")
      .filter(Boolean)
      .slice(0, 1500);
    const input = join(dir, "big.jsonl");
    writeFileSync(input, `${lines.join("\n")}\n`);
    const db = join(dir, "crash.db");
    const distinct = new Set(
      lines
        .map((l) => JSON.parse(l) as { text: string; title?: string })
        .map((a) => contentHash(a.text, a.title)),
    );

    const child = spawn(
      process.execPath,
      [join(ROOT, "bin/marsad.js"), "ingest", input, "--db", db, "--jobs", "1"],
      { stdio: "ignore" },
    );
    const started = Date.now();
    let seen = 0;
    while (Date.now() - started < 120_000) {
      await new Promise((r) => setTimeout(r, 200));
      try {
        const probe = new SqliteStore(db);
        seen = await probe.countArticles();
        await probe.close();
      } catch {
        seen = 0;
      }
      if (seen >= 50) break;
    }
    child.kill("SIGKILL");
    await new Promise((r) => child.on("exit", r));
    expect(seen).toBeGreaterThanOrEqual(50);

    const store = new SqliteStore(db);
    expect(await store.integrityCheck()).toBe("ok");
    const partial = await store.countArticles();
    expect(partial).toBeLessThan(distinct.size);
    // every stored article is whole: its document, sentences and events are there
    for (const id of (await store.listArticleIds()).slice(0, 200)) {
      const doc = await store.getArticle(id);
      expect(doc?.sentences.length).toBeGreaterThan(0);
    }
    await store.close();

    const again = runCli(["ingest", input, "--db", db, "--jobs", "1"]);
    expect(again.status, again.stderr).toBe(0);
    const after = new SqliteStore(db);
    expect(await after.countArticles()).toBe(distinct.size);
    expect(await after.integrityCheck()).toBe("ok");
    await after.close();
  });
});
