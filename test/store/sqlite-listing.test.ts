import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import type { ArticleInput } from "../../src/document.js";
import { createPipeline } from "../../src/pipeline/index.js";
import { MENTIONS_PER_EVENT } from "../../src/store/rows.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { readSeed } from "../helpers/shared.js";

/**
 * SQLite keeps each event's page entry as JSON text (event_listings). It must
 * say what the event's rows say, in JSON.stringify's exact form, and follow
 * every write that changes the event's reports.
 */
describe("SQLite event listings", () => {
  const pipeline = createPipeline();
  // one meeting reported by seven outlets on one day (written for this test)
  const reports: ArticleInput[] = Array.from({ length: 7 }, (_, i) => ({
    id: `meeting-${i}`,
    title: `لقاء القاهرة ${i}`,
    text: "التقى وزير الخارجية المصري بدر عبد العاطي نظيره الأردني أيمن الصفدي في القاهرة يوم الأحد.",
    published: "2024-11-03",
    source: `outlet-${i % 4}`,
  }));
  const seed: ArticleInput = { id: "seed-000", text: readSeed(), published: "2024-06-27", source: "State" };
  let path: string;
  let store: SqliteStore;

  beforeAll(async () => {
    path = join(mkdtempSync(join(tmpdir(), "marsad-listing-")), "listing.db");
    store = new SqliteStore(path, { cache: false });
    for (const a of [seed, ...reports]) await store.saveArticle(a, pipeline.run(a));
  });

  const meeting = async () =>
    (await store.events({ source: "EGY", target: "JOR" }, 50)).items.find((e) => e.cameo.startsWith("04"));

  it("lists every event as its rows say, with its first five reports and all of them counted", async () => {
    const page = await store.events({}, 1000);
    expect(page.items.length).toBeGreaterThan(5);
    for (const listed of page.items) {
      const full = await store.event(listed.id);
      expect(full).not.toBeNull();
      expect(listed).toEqual({ ...full, mentions: full?.mentions.slice(0, MENTIONS_PER_EVENT) });
    }
    const m = await meeting();
    expect(m?.num_articles).toBe(7);
    expect(m?.num_sources).toBe(4);
    expect(m?.mentions.map((r) => r.article_id)).toEqual(reports.slice(0, 5).map((r) => r.id));
  });

  it("writes each page exactly as JSON.stringify writes it", async () => {
    for (const limit of [1, 3, 50, 500]) {
      const text = await store.eventsJson({}, limit);
      expect(text).toBe(JSON.stringify(JSON.parse(text)));
    }
    expect(await store.eventsJson({ source: "ZZZ" }, 10)).toBe('{"items":[],"next":null}');
  });

  it("follows replaced and deleted reports", async () => {
    const renamed = { ...reports[0], title: "عنوان جديد" } as ArticleInput;
    expect(await store.saveArticle(renamed, pipeline.run(renamed), { replace: true })).toBe("replaced");
    expect((await meeting())?.mentions[0]?.title).toBe("عنوان جديد");
    for (const r of reports.slice(1, 5)) await store.deleteArticle(r.id);
    const m = await meeting();
    expect(m?.num_articles).toBe(3);
    expect(m?.mentions.map((r) => r.article_id)).toEqual(["meeting-0", "meeting-5", "meeting-6"]);
  });

  it("builds the listings of a database made before they were kept", async () => {
    const before = await store.eventsJson({}, 1000);
    await store.close();
    // back to schema version 1: no listings
    const db = new Database(path);
    db.exec("DROP TABLE event_listings; DELETE FROM schema_migrations WHERE version = 2");
    db.close();
    store = new SqliteStore(path, { cache: false });
    expect(await store.eventsJson({}, 1000)).toBe(before);
  });

  it("finds a listing that no longer says what its event's rows say", async () => {
    expect(await store.integrityCheck()).toBe("ok");
    const db = new Database(path);
    db.prepare(
      "UPDATE event_listings SET json = replace(json, '\"num_articles\":3', '\"num_articles\":4')",
    ).run();
    db.close();
    expect(await store.integrityCheck()).toBe("events with a missing or stale listing: 1");
    const m = (await meeting())?.id ?? 0;
    const again = new Database(path);
    again.prepare("DELETE FROM event_listings WHERE event_id = ?").run(m);
    again.close();
    expect(await store.integrityCheck()).toBe("events with a missing or stale listing: 1");
  });
});
