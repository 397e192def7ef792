import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { ArticleInput } from "../../src/document.js";
import { createPipeline } from "../../src/pipeline/index.js";
import { PostgresStore, parsePostgresUrl } from "../../src/store/postgres.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { EventFilter, Store } from "../../src/store/types.js";
import { readSeed } from "../helpers/shared.js";
import { storeSuite } from "./suite.js";

/**
 * The store suite on the machine's PostgreSQL (CI starts it; MARSAD_TEST_PG
 * names another). Each store gets a fresh schema, `marsad_test_<random>_<n>`,
 * through the URL's `?schema=` parameter, dropped at the end. An unreachable
 * server fails the tests: it is never a reason to skip them.
 */
const BASE = process.env.MARSAD_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";
const RUN = `marsad_test_${randomBytes(4).toString("hex")}`;
const schemas: string[] = [];
const stores: Store[] = [];

function freshSchema(): string {
  const name = `${RUN}_${schemas.length}`;
  schemas.push(name);
  return name;
}

function urlFor(schema: string): string {
  const u = new URL(BASE);
  u.searchParams.set("schema", schema);
  return u.toString();
}

async function open(schema = freshSchema()): Promise<PostgresStore> {
  try {
    const store = await PostgresStore.open(urlFor(schema));
    stores.push(store);
    return store;
  } catch (err) {
    throw new Error(
      `cannot use the test PostgreSQL at ${parsePostgresUrl(BASE).shown}: ${(err as Error).message}. ` +
        "Is it running? CI starts it; MARSAD_TEST_PG names another server (postgres://…).",
    );
  }
}

afterAll(async () => {
  for (const s of stores) await s.close().catch(() => undefined);
  if (!schemas.length) return;
  const client = new pg.Client({ connectionString: BASE });
  try {
    await client.connect();
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(s)} CASCADE`);
  } catch {
    // unreachable: the tests already failed saying so
  } finally {
    await client.end().catch(() => undefined);
  }
});

storeSuite("PostgreSQL", () => open());

describe("store: PostgreSQL only", () => {
  const pipeline = createPipeline();
  const seed: ArticleInput = {
    id: "seed-000",
    text: readSeed(),
    published: "2024-06-27",
    source: "State Department",
  };
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

  it("migrates a fresh schema once when two processes open it at the same time", async () => {
    const schema = freshSchema();
    const [a, b] = await Promise.all([open(schema), open(schema)]);
    expect(a.kind).toBe("postgres");
    expect(await a.integrityCheck()).toBe("ok");
    expect(await b.countArticles()).toBe(0);
    const again = await open(schema);
    expect(await again.integrityCheck()).toBe("ok");
    await Promise.all([a.close(), b.close(), again.close()]);
  });

  it("rejects a schema name it cannot pass safely", async () => {
    await expect(PostgresStore.open(`${BASE}${BASE.includes("?") ? "&" : "?"}schema=x;drop`)).rejects.toThrow(
      /schema/,
    );
    expect(parsePostgresUrl("postgres://u:secret@h/db?schema=s").shown).not.toContain("secret");
  });

  it("stores an article once when workers save it at the same time", async () => {
    const schema = freshSchema();
    const [a, b] = await Promise.all([open(schema), open(schema)]);
    const doc = pipeline.run(seed);
    const statuses = await Promise.all([a, b, a, b].map((s) => s.saveArticle(seed, doc)));
    expect(statuses.filter((s) => s === "new")).toHaveLength(1);
    expect(statuses.filter((s) => s === "unchanged")).toHaveLength(3);
    const replaced = await Promise.all([a, b, a].map((s) => s.saveArticle(seed, doc, { replace: true })));
    expect(replaced).toEqual(["replaced", "replaced", "replaced"]);
    expect(await a.countArticles()).toBe(1);
    const keys = (await b.events({}, 1000)).items.map((e) => `${e.source_code}>${e.target_code}>${e.cameo}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(await a.integrityCheck()).toBe("ok");
    await Promise.all([a.close(), b.close()]);
  });

  it("stores one event when two workers save its reports at the same time", async () => {
    const schema = freshSchema();
    const [a, b] = await Promise.all([open(schema), open(schema)]);
    for (let round = 0; round < 3; round++) {
      await Promise.all([
        a.saveArticle(reportA, pipeline.run(reportA)),
        b.saveArticle(reportB, pipeline.run(reportB)),
      ]);
      const meeting = (await a.events({ source: "EGY", target: "JOR" }, 50)).items.filter((e) =>
        e.cameo.startsWith("04"),
      );
      expect(meeting).toHaveLength(1);
      expect(meeting[0]?.num_articles).toBe(2);
      await Promise.all([a.deleteArticle("report-a"), b.deleteArticle("report-b")]);
      expect((await a.events({}, 50)).items).toHaveLength(0);
      expect(await b.integrityCheck()).toBe("ok");
    }
    await Promise.all([a.close(), b.close()]);
  });

  it("keeps text with NUL characters (which PostgreSQL text cannot hold) and its document intact", async () => {
    const store = await open();
    const input: ArticleInput = { id: "nul", text: `${reportA.text}\u0000`, published: "2024-11-03" };
    const doc = pipeline.run(input);
    expect(await store.saveArticle(input, doc)).toBe("new");
    const back = await store.getArticle("nul");
    expect(back && { ...back, hash: undefined }).toEqual({
      ...JSON.parse(JSON.stringify(doc)),
      hash: undefined,
    });
    expect(await store.saveArticle(input, doc)).toBe("unchanged");
    await store.close();
  });

  it("answers every query as the SQLite store does", async () => {
    const pgStore = await open();
    const lite = new SqliteStore(":memory:");
    // more reports of the Cairo meeting than a page lists of one event
    const more = Array.from({ length: 6 }, (_, i) => ({
      ...reportA,
      id: `report-c${i}`,
      title: `${i}`,
      source: `c${i % 3}`,
    }));
    for (const a of [seed, reportA, reportB, ...more]) {
      const doc = pipeline.run(a);
      expect(await pgStore.saveArticle(a, doc)).toBe(await lite.saveArticle(a, doc));
    }
    const filters: EventFilter[] = [
      {},
      { source: "USA" },
      { actor: "ISR" },
      { cameo: "04" },
      { quad: 1 },
      { modality: "future" },
      { from: "2024-11-01", to: "2024-11-30" },
      { article: "seed-000" },
      { q: "بغزة" },
      { q: "القاهرة", source: "EGY" },
      { q: "كلمة-لا-توجد" },
    ];
    for (const f of filters) {
      // the same bytes: both keep each event's page entry as JSON.stringify writes it
      expect(await pgStore.eventsJson(f, 1000), JSON.stringify(f)).toBe(await lite.eventsJson(f, 1000));
      expect(await pgStore.actors(f, 100)).toEqual(await lite.actors(f, 100));
      expect(await pgStore.graph(f, 100)).toEqual(await lite.graph(f, 100));
      for (const bucket of ["day", "week", "month"] as const)
        for (const by of ["root", "quad"] as const)
          expect(await pgStore.timeline(f, bucket, by)).toEqual(await lite.timeline(f, bucket, by));
    }
    // a database made before the listings were kept gets them when it is opened
    const schema = freshSchema();
    const older = await open(schema);
    for (const a of [seed, reportA, reportB, ...more]) await older.saveArticle(a, pipeline.run(a));
    const client = new pg.Client({ connectionString: urlFor(schema) });
    await client.connect();
    await client.query(`SET search_path TO ${pg.escapeIdentifier(schema)}`);
    await client.query("DROP TABLE event_listings; DELETE FROM schema_migrations WHERE version = 2");
    await client.end();
    const reopened = await open(schema);
    expect(await reopened.eventsJson({}, 1000)).toBe(await lite.eventsJson({}, 1000));
    expect(await reopened.integrityCheck()).toBe("ok");
    let cursor: string | null = null;
    do {
      const [p, l]: [Awaited<ReturnType<Store["events"]>>, Awaited<ReturnType<Store["events"]>>] =
        await Promise.all([pgStore.events({}, 3, cursor), lite.events({}, 3, cursor)]);
      expect(p).toEqual(l);
      cursor = p.next;
    } while (cursor);
    for (const q of ["بغزة", "غزة إسرائيل", "القاهرة", "الصفدي", "وزير الخارجية", "nothing"]) {
      const strip = (hits: Awaited<ReturnType<Store["search"]>>) =>
        hits
          .map(({ rank: _rank, ...h }) => h)
          .sort((x, y) => `${x.article_id}#${x.sentence}`.localeCompare(`${y.article_id}#${y.sentence}`));
      expect(strip(await pgStore.search(q, 100)), q).toEqual(strip(await lite.search(q, 100)));
    }
    expect(await pgStore.listArticleIds()).toEqual(await lite.listArticleIds());
    expect(await pgStore.getArticle("seed-000")).toEqual(await lite.getArticle("seed-000"));
    await lite.close();
    await pgStore.close();
  });

  it("keeps feed state and the items seen", async () => {
    const store = await open();
    expect(await store.getFeedState("https://example.org/rss")).toBeNull();
    await store.setFeedState("https://example.org/rss", '"abc"', null);
    await store.setFeedState("https://example.org/rss", '"def"', "Tue, 05 Nov 2024 10:00:00 GMT");
    expect(await store.getFeedState("https://example.org/rss")).toEqual({
      etag: '"def"',
      modified: "Tue, 05 Nov 2024 10:00:00 GMT",
    });
    expect(await store.markSeen("https://example.org/rss", "item-1")).toBe(true);
    expect(await store.markSeen("https://example.org/rss", "item-1")).toBe(false);
    await store.close();
  });
});
