import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/store/sqlite.js";
import { type FeedServer, PAGES, startFeedServer } from "../feed/server.js";
import { ROOT } from "../helpers/cli.js";

/**
 * The feed poller killed with SIGKILL in the middle of a poll (while it waits
 * for a page that never answers): the database is intact, every article it
 * had stored is whole, and polling again stores nothing twice.
 */
let srv: FeedServer;
beforeAll(async () => {
  srv = await startFeedServer();
  const names = Object.keys(PAGES);
  srv.rssItems = [
    ...names.map((name, i) => ({
      guid: `crash-${i}`,
      title: PAGES[name]!.title,
      link: `/news/${name}.html`,
      date: `2024-06-0${(i % 8) + 1}T08:00:00Z`,
    })),
    { guid: "crash-stall", title: "صفحة لا تجيب", link: "/slow-headers", date: "2024-06-09T08:00:00Z" },
  ];
});
afterAll(async () => srv.close());

function poll(db: string, once: boolean) {
  return spawn(
    process.execPath,
    [
      join(ROOT, "bin/marsad.js"),
      "feed",
      `${srv.base}/rss.xml`,
      "--db",
      db,
      "--allow-private",
      ...(once ? ["--once"] : ["--every", "1h"]),
    ],
    { stdio: "ignore" },
  );
}

describe("feed poller killed with SIGKILL", () => {
  it("loses nothing and stores nothing twice", { timeout: 120_000 }, async () => {
    const db = join(mkdtempSync(join(tmpdir(), "marsad-feed-crash-")), "feed.db");
    const pages = Object.keys(PAGES).length;
    const child = poll(db, false);
    // wait until it hangs on the page that never answers
    const end = Date.now() + 60_000;
    while (Date.now() < end && (srv.hits.get("/slow-headers") ?? 0) === 0)
      await new Promise((r) => setTimeout(r, 100));
    expect(srv.hits.get("/slow-headers")).toBe(1);
    child.kill("SIGKILL");
    await new Promise((r) => child.on("exit", r));

    const store = new SqliteStore(db);
    expect(await store.integrityCheck()).toBe("ok");
    expect(await store.countArticles()).toBe(pages);
    for (const id of await store.listArticleIds())
      expect((await store.getArticle(id))?.sentences.length).toBeGreaterThan(0);
    await store.close();

    // the stalled item was never marked seen: the next poll tries it again; nothing is stored twice
    const again = poll(db, true);
    await new Promise((r) => again.on("exit", r));
    expect(srv.hits.get("/slow-headers")).toBe(2);
    const after = new SqliteStore(db);
    expect(await after.countArticles()).toBe(pages);
    expect(await after.integrityCheck()).toBe("ok");
    await after.close();
  });
});
