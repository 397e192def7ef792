import { beforeAll, describe, expect, it } from "vitest";
import type { ArticleInput } from "../../src/document.js";
import { createPipeline } from "../../src/pipeline/index.js";
import type { Store } from "../../src/store/types.js";
import { readSeed } from "../helpers/shared.js";

/**
 * The storage test suite every backend runs (SQLite in memory, PostgreSQL):
 * idempotent saves, atomic replacement, filters, pagination, the actor graph,
 * the timeline, search on normalised Arabic, one event for many reports.
 */
export function storeSuite(name: string, open: () => Promise<Store>): void {
  describe(`store: ${name}`, () => {
    const pipeline = createPipeline();
    let store: Store;
    const seed: ArticleInput = {
      id: "seed-000",
      text: readSeed(),
      published: "2024-06-27",
      source: "State Department",
    };
    // two reports of one event by other outlets (written for this test)
    const reportA: ArticleInput = {
      id: "report-a",
      text: "التقى وزير الخارجية المصري بدر عبد العاطي نظيره الأردني أيمن الصفدي في القاهرة يوم الأحد.",
      published: "2024-11-03",
      source: "outlet-a",
    };
    const reportB: ArticleInput = {
      id: "report-b",
      text: "التقى وزير الخارجية المصري بدر عبد العاطي نظيره الأردني أيمن الصفدي في القاهرة أمس.",
      published: "2024-11-04",
      source: "outlet-b",
    };

    beforeAll(async () => {
      store = await open();
      for (const a of [seed, reportA, reportB]) await store.saveArticle(a, pipeline.run(a));
    });

    it("stores each article once: the same content again is unchanged", async () => {
      expect(await store.countArticles()).toBe(3);
      expect(await store.saveArticle(seed, pipeline.run(seed))).toBe("unchanged");
      expect(await store.countArticles()).toBe(3);
    });

    it("replaces an article's analysis in one step, keeping one copy", async () => {
      expect(await store.saveArticle(seed, pipeline.run(seed), { replace: true })).toBe("replaced");
      expect(await store.countArticles()).toBe(3);
      const page = await store.events({ article: "seed-000" }, 100);
      const keys = page.items.map((e) => `${e.source_code}>${e.target_code}>${e.cameo}`);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it("returns the article document with every field of the contract", async () => {
      const doc = await store.getArticle("seed-000");
      expect(doc?.sentences).toHaveLength(16);
      expect(doc?.events.length).toBeGreaterThan(0);
      expect(doc?.entities.some((e) => e.text === "ماثيو ميلر")).toBe(true);
      expect(await store.getArticle("nope")).toBeNull();
    });

    it("filters events by source and target prefix and finds the Blinken meeting with its attribution and date", async () => {
      const page = await store.events({ source: "USA", target: "ISR" }, 50);
      const meeting = page.items.find((e) => e.cameo.startsWith("04"));
      expect(meeting?.date).toBe("2024-06-27");
      expect(meeting?.mentions[0]?.attribution?.name).toBe("Matthew Miller");
      expect(meeting?.mentions[0]?.modality).toBe("future");
      expect((await store.events({ source: "ZZZ" }, 50)).items).toHaveLength(0);
    });

    it("stores one event reported by two articles once, counting its articles and sources", async () => {
      const page = await store.events({ source: "EGY", target: "JOR" }, 50);
      const meeting = page.items.filter((e) => e.cameo.startsWith("04"));
      expect(meeting).toHaveLength(1);
      expect(meeting[0]?.num_articles).toBe(2);
      expect(meeting[0]?.num_sources).toBe(2);
    });

    it("pages with a cursor without repeating or losing events", async () => {
      const all = await store.events({}, 1000);
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page = await store.events({}, 2, cursor);
        seen.push(...page.items.map((e) => e.id));
        cursor = page.next;
      } while (cursor);
      expect(seen).toEqual(all.items.map((e) => e.id));
    });

    it("treats hostile filter values as plain values", async () => {
      for (const v of ["' OR 1=1 --", "%", "_", "USA'; DROP TABLE events; --"]) {
        expect((await store.events({ source: v }, 10)).items).toHaveLength(0);
      }
      expect(await store.countArticles()).toBe(3);
    });

    it("builds the actor graph, the actor counts and the timeline", async () => {
      const edges = await store.graph({}, 100);
      expect(
        edges.some((e) => e.source.startsWith("USA") && e.target.startsWith("ISR") && e.cooperation > 0),
      ).toBe(true);
      const actors = await store.actors({}, 100);
      expect(actors.find((a) => a.code === "USAGOV")?.as_source).toBeGreaterThan(0);
      const days = await store.timeline({}, "day", "root");
      expect(days.some((b) => b.period === "2024-06-27" && b.key === "04")).toBe(true);
    });

    it("searches normalised Arabic: بغزة finds غزة and marks it", async () => {
      const hits = await store.search("بغزة", 10);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits[0]?.snippet).toMatch(/<mark>[^<]*غزة<\/mark>/);
      expect(await store.search("\"' OR", 10)).toEqual([]);
    });

    it("deletes an article with its events, and passes an integrity check", async () => {
      expect(await store.deleteArticle("report-b")).toBe(true);
      const page = await store.events({ source: "EGY", target: "JOR" }, 50);
      expect(page.items.find((e) => e.cameo.startsWith("04"))?.num_articles).toBe(1);
      expect(await store.integrityCheck()).toBe("ok");
      await store.close();
    });
  });
}
