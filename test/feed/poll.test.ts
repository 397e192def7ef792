import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MarsadError } from "../../src/errors.js";
import { formatError } from "../../src/errors.js";
import { feedArticleId, pollFeed, type RoundSummary, runFeeds } from "../../src/feed/poll.js";
import { createPipeline, type Pipeline } from "../../src/pipeline/index.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { ATOM_TITLE, type FeedServer, PAGES, RSS_TITLE, startFeedServer } from "./server.js";

let srv: FeedServer;
let pipeline: Pipeline;

beforeAll(async () => {
  srv = await startFeedServer();
  pipeline = createPipeline();
});
afterAll(async () => {
  await srv.close();
});

function collect(): { errors: string[]; onError: (err: MarsadError | Error) => void } {
  const errors: string[] = [];
  return { errors, onError: (err) => errors.push(formatError(err)) };
}

describe("pollFeed: RSS with ETag", () => {
  const store = new SqliteStore(":memory:");
  afterAll(() => store.close());
  let feedUrl = "";

  beforeAll(() => {
    feedUrl = `${srv.base}/rss.xml`;
    srv.rssItems = [
      {
        guid: "rss-1",
        title: PAGES["visit-cairo"]!.title,
        link: "/news/visit-cairo.html",
        date: "2024-06-03T08:00:00Z",
      },
      {
        guid: "rss-2",
        title: PAGES["tunis-condemns"]!.title,
        link: "/news/tunis-condemns.html",
        date: "2024-06-04T09:30:00Z",
        description: "أدانت الحكومة التونسية الهجوم على القافلة.",
      },
      {
        guid: "rss-3",
        title: "خبر لا تفتح صفحته",
        link: "/news/broken-1.html",
        date: "2024-06-04T10:00:00Z",
        description: "<p>التقى رئيس الوزراء العراقي وفدا من البنك الدولي في بغداد يوم الثلاثاء.</p>",
      },
    ];
  });

  it("first poll stores every item, falling back to the feed's text for a failing page", async () => {
    const { errors, onError } = collect();
    const c = await pollFeed(feedUrl, store, pipeline, { allowPrivate: true, onError });
    expect(c).toEqual({
      items: 3,
      new: 3,
      unchanged: 0,
      replaced: 0,
      failed: 0,
      fallback: 1,
      notModified: false,
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${srv.base}/news/broken-1.html`);
    expect(errors[0]).toContain("HTTP 500");
    expect(errors[0]).toContain("stored the feed's own text instead");

    const link = `${srv.base}/news/visit-cairo.html`;
    const a = await store.getArticle(feedArticleId(link, feedUrl, "rss-1"));
    expect(a).not.toBeNull();
    expect(a?.title).toBe(PAGES["visit-cairo"]!.title);
    expect(a?.url).toBe(link);
    expect(a?.source).toBe(RSS_TITLE);
    expect(a?.published).toBe("2024-06-03");
    const text = a!.sentences.map((s) => s.text).join("\n");
    expect(text).toContain("وصل وزير الخارجية الأردني إلى القاهرة");
    expect(text).toContain("للجنة المشتركة"); // the last paragraph made it too
    expect(text).not.toContain("الرئيسية"); // navigation dropped
    expect(text).not.toContain("إعلان تجاري"); // script dropped

    const fb = await store.getArticle(feedArticleId(`${srv.base}/news/broken-1.html`, feedUrl, "rss-3"));
    expect(fb?.title).toBe("خبر لا تفتح صفحته");
    expect(fb?.sentences.map((s) => s.text).join(" ")).toContain("البنك الدولي");
    expect(await store.countArticles()).toBe(3);
    expect(await store.getFeedState(feedUrl)).toMatchObject({ etag: expect.stringMatching(/^"/) });
  });

  it("second poll gets 304 and adds nothing", async () => {
    const pages = srv.hits.get("/news/visit-cairo.html");
    const c = await pollFeed(feedUrl, store, pipeline, { allowPrivate: true });
    expect(c).toMatchObject({ items: 0, new: 0, failed: 0, notModified: true });
    expect(srv.notModified.get("/rss.xml")).toBe(1);
    expect(srv.hits.get("/news/visit-cairo.html")).toBe(pages);
    expect(await store.countArticles()).toBe(3);
  });

  it("third poll adds just the new item", async () => {
    srv.rssItems = [
      {
        guid: "rss-4",
        title: PAGES["doha-talks"]!.title,
        link: "/news/doha-talks.html",
        date: "2024-06-05T07:00:00Z",
      },
      ...srv.rssItems,
    ];
    const before = srv.hits.get("/news/visit-cairo.html");
    const c = await pollFeed(feedUrl, store, pipeline, { allowPrivate: true });
    expect(c).toEqual({
      items: 4,
      new: 1,
      unchanged: 3,
      replaced: 0,
      failed: 0,
      fallback: 0,
      notModified: false,
    });
    expect(srv.hits.get("/news/visit-cairo.html")).toBe(before); // seen items are not fetched again
    expect(srv.hits.get("/news/doha-talks.html")).toBe(1);
    expect(await store.countArticles()).toBe(4);
    const again = await pollFeed(feedUrl, store, pipeline, { allowPrivate: true });
    expect(again.notModified).toBe(true);
  });

  it("refuses the loopback feed without allowPrivate", async () => {
    await expect(pollFeed(feedUrl, store, pipeline)).rejects.toThrow(/refused: 127\.0\.0\.1 is a loopback/);
  });
});

describe("pollFeed: Atom with Last-Modified", () => {
  const store = new SqliteStore(":memory:");
  afterAll(() => store.close());
  let feedUrl = "";

  beforeAll(() => {
    feedUrl = `${srv.base}/atom.xml`;
    srv.atomItems = [
      {
        guid: "urn:test:atom-1",
        title: PAGES["rabat-agreement"]!.title,
        link: "/news/rabat-agreement.html", // relative: resolved against the feed
        date: "2024-06-05T12:00:00Z",
      },
      {
        guid: "urn:test:atom-2",
        title: "صفحة معطلة بلا ملخص",
        link: "/news/broken-2.html",
        date: "2024-06-05T13:00:00Z",
      },
      {
        guid: "urn:test:atom-3",
        title: PAGES["amman-meeting"]!.title,
        link: `${srv.base}/news/amman-meeting.html`,
        date: "2024-06-06T06:00:00Z",
      },
    ];
  });

  it("reports an item with neither page nor text and goes on with the others", async () => {
    const { errors, onError } = collect();
    const c = await pollFeed(feedUrl, store, pipeline, { allowPrivate: true, onError });
    expect(c).toMatchObject({ items: 3, new: 2, failed: 1, fallback: 0, notModified: false });
    expect(errors).toEqual([
      `E_INPUT: ${srv.base}/news/broken-2.html: the page could not be fetched (HTTP 500 Internal Server Error), and the feed has no text for it`,
    ]);
    const a = await store.getArticle(feedArticleId(`${srv.base}/news/rabat-agreement.html`, feedUrl, "x"));
    expect(a?.source).toBe(ATOM_TITLE);
    expect(a?.published).toBe("2024-06-05");
    expect(a?.sentences[0]?.text).toContain("وقع المغرب وموريتانيا");
    expect(await store.countArticles()).toBe(2);
  });

  it("second poll: 304 by If-Modified-Since", async () => {
    const c = await pollFeed(feedUrl, store, pipeline, { allowPrivate: true });
    expect(c.notModified).toBe(true);
    expect(srv.notModified.get("/atom.xml")).toBe(1);
  });

  it("a new entry is the only one added", async () => {
    srv.atomItems = [
      ...srv.atomItems,
      {
        guid: "urn:test:atom-4",
        title: PAGES["beirut-aid"]!.title,
        link: "/news/beirut-aid.html",
        date: "2024-06-07T06:00:00Z",
      },
    ];
    srv.atomModified = "Fri, 07 Jun 2024 06:00:00 GMT";
    const c = await pollFeed(feedUrl, store, pipeline, { allowPrivate: true });
    // the item that failed before (no page, no text) is tried again, and fails again
    expect(c).toMatchObject({ items: 4, new: 1, unchanged: 2, failed: 1 });
    expect(await store.countArticles()).toBe(3);
  });
});

describe("pollFeed: bad feeds", () => {
  it("names a feed that is not RSS or Atom", async () => {
    const store = new SqliteStore(":memory:");
    await expect(
      pollFeed(`${srv.base}/not-a-feed.xml`, store, pipeline, { allowPrivate: true }),
    ).rejects.toThrow(`${srv.base}/not-a-feed.xml: not a valid RSS or Atom feed`);
    await expect(
      pollFeed(`${srv.base}/missing.xml`, store, pipeline, { allowPrivate: true }),
    ).rejects.toThrow("HTTP 404 Not Found");
    await store.close();
  });
});

describe("runFeeds", () => {
  it("polls until the signal fires, backing off a failing feed and resetting on success", async () => {
    const store = new SqliteStore(":memory:");
    srv.rssItems = [
      {
        guid: "loop-1",
        title: PAGES["amman-meeting"]!.title,
        link: "/news/amman-meeting.html",
        date: "2024-06-06T06:00:00Z",
      },
    ];
    srv.flakyStatus = 503;
    const controller = new AbortController();
    const lines: string[] = [];
    const rounds: RoundSummary[] = [];
    // round 1 fails (wait 40ms), round 2 fails (80ms), round 3 succeeds, round 4 fails (40ms again)
    const total = await runFeeds([`${srv.base}/flaky.xml`], store, pipeline, {
      everyMs: 20,
      signal: controller.signal,
      allowPrivate: true,
      log: (line) => lines.push(line),
      onRound: (r) => {
        rounds.push(r);
        if (r.round === 2) srv.flakyStatus = null;
        if (r.round === 3) srv.flakyStatus = 500;
        if (r.round === 4) controller.abort();
      },
    });
    const retries = lines
      .filter((l) => l.includes("retrying in"))
      .map((l) => l.match(/retrying in (\S+)\)/)?.[1]);
    expect(retries).toEqual(["40ms", "80ms", "40ms"]);
    expect(lines[0]).toContain(`${srv.base}/flaky.xml: HTTP 503 Service Unavailable`);
    expect(rounds.map((r) => r.feedErrors)).toEqual([1, 1, 0, 1]);
    expect(rounds[2]).toMatchObject({ items: 1, new: 1 });
    expect(total).toMatchObject({ round: 4, feeds: 4, new: 1, feedErrors: 3 });
    expect(lines.filter((l) => l.startsWith("poll "))).toHaveLength(4);
    srv.flakyStatus = null;
    await store.close();
  });

  it("polls once with `once`, and returns at once when aborted while waiting", async () => {
    const store = new SqliteStore(":memory:");
    const lines: string[] = [];
    const once = await runFeeds([`${srv.base}/rss.xml`, `${srv.base}/atom.xml`], store, pipeline, {
      everyMs: 3_600_000,
      once: true,
      allowPrivate: true,
      log: (l) => lines.push(l),
    });
    // the Atom feed's broken page fails; its Amman article is the RSS item's page too: stored once
    expect(once).toMatchObject({ round: 1, feeds: 2, new: 3, unchanged: 1, failed: 1 });
    expect(lines).toContain(
      `E_INPUT: ${srv.base}/news/broken-2.html: the page could not be fetched (HTTP 500 Internal Server Error), and the feed has no text for it`,
    );
    expect(lines.at(-1)).toMatch(
      /^poll 1: 2 feeds in \d+\.\d s, 5 items, 3 new, 1 unchanged, 1 failed, 0 not modified$/,
    );

    const controller = new AbortController();
    const t0 = Date.now();
    setTimeout(() => controller.abort(), 200);
    const r = await runFeeds([`${srv.base}/rss.xml`], store, pipeline, {
      everyMs: 3_600_000,
      signal: controller.signal,
      allowPrivate: true,
    });
    expect(r.round).toBe(1);
    expect(Date.now() - t0).toBeLessThan(5000);
    await store.close();
  });
});
