import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestPaths } from "../../src/ingest/ingest.js";
import { createPipeline } from "../../src/pipeline/index.js";
import { buildServer } from "../../src/server/app.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { readSeed, SEED_TXT } from "../helpers/shared.js";

/**
 * The web UI in a real browser: the built UI (web/dist) served by the API
 * server over a store holding the seed article and a hostile one. Chromium
 * must be installed at /usr/bin/chromium (CI installs it): without it this
 * test fails rather than skips.
 */

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = join(ROOT, "test", "artifacts");

const HOSTILE_ID = "hostile-001";
const HOSTILE_TEXT =
  "قال وزير الخارجية المصري إن القاهرة تدين <script>window.__pwned=1</script> الهجوم على غزة.\n" +
  'وأضاف أن مصر ستلتقي مع مسؤولين إسرائيليين <img src=x onerror="window.__pwned=1"> يوم الخميس.\n';

describe("web UI (browser)", () => {
  let dir = "";
  let store: SqliteStore | null = null;
  let app: FastifyInstance | null = null;
  let browser: Browser | null = null;
  let base = "";
  /** Problems seen by any page: uncaught errors, console errors (CSP violations included), dialogs. */
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: install it (apt-get install -y chromium) to run the browser test`,
      );
    }
    execFileSync(
      process.execPath,
      ["node_modules/vite/bin/vite.js", "build", "--config", "web/vite.config.ts"],
      {
        cwd: ROOT,
        stdio: "pipe",
      },
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), "marsad-ui-"));
    const hostile = join(dir, `${HOSTILE_ID}.txt`);
    writeFileSync(hostile, HOSTILE_TEXT);
    store = new SqliteStore(join(dir, "ui.db"));
    const pipeline = createPipeline();
    const seed = await ingestPaths([SEED_TXT], store, pipeline, { published: "2024-06-27" });
    const bad = await ingestPaths([hostile], store, pipeline, { published: "2024-06-27" });
    expect(seed.new + bad.new).toBe(2);
    app = await buildServer({ store, webRoot: join(ROOT, "web", "dist") });
    await app.listen({ host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(hash: string): Promise<Page> {
    if (!browser) throw new Error("no browser");
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    page.on("pageerror", (err) => pageErrors.push(err.message));
    page.on("console", (msg) => {
      // The 400 test's own request is expected; anything else (CSP violations included) is not.
      if (msg.type() === "error" && !/status of 400/.test(msg.text())) consoleErrors.push(msg.text());
    });
    page.on("dialog", (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`${base}/${hash}`);
    return page;
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
  }

  it("chromium is installed", () => {
    expect(existsSync(CHROMIUM)).toBe(true);
  });

  it("serves the right-to-left page with the four views in the nav bar", async () => {
    const page = await open("");
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.getAttribute("html", "lang")).toBe("ar");
    const nav = await page.locator("nav a").allTextContents();
    for (const label of [
      "بحث / Search",
      "المقال / Article",
      "شبكة الفاعلين / Actor network",
      "الخط الزمني / Timeline",
    ]) {
      expect(nav.join(" | ")).toContain(label);
    }
    await page.getByTestId("event-row").first().waitFor();
    await page.close();
  }, 60_000);

  it("searches the articles (غزة) and filters the event table", async () => {
    const page = await open("#/");
    const input = page.getByTestId("search-input");
    await input.fill("غزة");
    const hit = page.getByTestId("search-hit").first();
    await hit.waitFor({ state: "visible" });
    expect(await page.getByTestId("search-hit").count()).toBeGreaterThanOrEqual(1);
    expect(await hit.locator("mark").count()).toBeGreaterThanOrEqual(1);
    expect(await hit.locator("a").first().getAttribute("href")).toMatch(/^#\/article\//);
    // The table follows the query (q= in the route) and still has events.
    await page.waitForFunction("location.hash.includes('q=')");
    await page.getByTestId("event-row").first().waitFor();
    expect(await page.getByTestId("event-row").count()).toBeGreaterThanOrEqual(1);
    // The hostile article's snippet shows its markup as text.
    expect(await page.locator(".hits script, .hits img").count()).toBe(0);
    await shot(page, "ui-search.png");
    // A hit opens its article at the matching sentence.
    await hit.locator("a").first().click();
    await page.locator(".sentence-active").waitFor({ state: "visible" });
    expect(await page.locator(".sentence-active").textContent()).toMatch(/غزة/);
    await page.close();
  }, 60_000);

  it("opens the seed article and highlights the Blinken meeting's evidence", async () => {
    const page = await open("#/article/seed-000");
    await page.getByTestId("event-item").first().waitFor();
    expect(await page.getByTestId("article-text").locator(".ent").count()).toBeGreaterThan(0);
    const item = page
      .getByTestId("event-item")
      .filter({ hasText: "USAGOV" })
      .filter({ hasText: "ISRGOV" })
      .filter({ hasText: /\b04\d/ });
    expect(await item.count()).toBeGreaterThanOrEqual(1);
    await item.first().click();
    const evidence = page.getByTestId("evidence");
    await evidence.waitFor({ state: "visible" });
    expect(await evidence.count()).toBe(1);
    expect(await evidence.evaluate((el) => el.classList.contains("evidence-active"))).toBe(true);
    expect(await page.getByTestId("article-text").getByTestId("evidence").count()).toBe(1);
    const text = ((await evidence.textContent()) ?? "").trim();
    expect(text.length).toBeGreaterThan(0);
    expect(readSeed()).toContain(text);
    expect((await page.getByTestId("article-text").textContent()) ?? "").toContain(text);
    await shot(page, "ui-article.png");
    await page.close();
  }, 60_000);

  it("pages the event table with the cursor (load more)", async () => {
    // as many events as the API holds (the coder's output may change; paging must show them all once)
    const all = (await (await fetch(`${base}/api/events?limit=500`)).json()) as { items: unknown[] };
    const total = all.items.length;
    expect(total).toBeGreaterThan(6);
    const page = await open("#/?limit=3");
    const rows = page.getByTestId("event-row");
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBe(3);
    const more = page.getByTestId("load-more");
    for (let shown = 3; shown < total; shown = Math.min(shown + 3, total)) {
      await more.click();
      await rows.nth(Math.min(shown + 3, total) - 1).waitFor();
    }
    await more.waitFor({ state: "hidden" });
    expect(await rows.count()).toBe(total);
    const ids = await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-event-id")));
    expect(new Set(ids).size).toBe(total);
    await page.close();
  }, 60_000);

  it("shows the API's 400 message naming the bad parameter", async () => {
    const page = await open("#/?cameo=abc");
    const alert = page.getByRole("alert").first();
    await alert.waitFor();
    expect(await alert.textContent()).toContain("cameo");
    await page.close();
  }, 60_000);

  it("links an event row to its article with the evidence highlighted", async () => {
    const page = await open("#/?source=USAGOV&target=ISRGOV");
    const row = page.getByTestId("event-row").first();
    await row.waitFor();
    expect(await page.getByTestId("event-row").count()).toBe(1);
    await row.locator("a.article-link").click();
    await page.getByTestId("evidence").waitFor({ state: "visible" });
    expect(page.url()).toContain("#/article/seed-000?event=");
    const active = page.locator('[data-testid="event-item"].active');
    expect(await active.getAttribute("data-source")).toBe("USAGOV");
    expect(await active.getAttribute("data-target")).toBe("ISRGOV");
    await page.close();
  }, 60_000);

  it("draws the actor network with a USA → ISR edge", async () => {
    const page = await open("#/graph");
    await page.getByTestId("graph-edge").first().waitFor();
    const edge = page.locator('[data-testid="graph-edge"][data-source^="USA"][data-target^="ISR"]');
    expect(await edge.count()).toBeGreaterThanOrEqual(1);
    expect(await edge.first().getAttribute("class")).toContain("coop");
    expect(await page.locator('[data-testid="graph-node"][data-code^="USA"]').count()).toBeGreaterThanOrEqual(
      1,
    );
    expect(await page.locator('[data-testid="graph-node"][data-code^="ISR"]').count()).toBeGreaterThanOrEqual(
      1,
    );
    await shot(page, "ui-graph.png");
    await page.close();
  }, 60_000);

  it("draws the timeline", async () => {
    const page = await open("#/timeline?by=quad");
    await page.getByTestId("timeline-bar").first().waitFor();
    expect(
      await page.locator('[data-testid="timeline-bar"][data-period="2024-06-27"]').count(),
    ).toBeGreaterThanOrEqual(1);
    await shot(page, "ui-timeline.png");
    await page.close();
  }, 60_000);

  it("shows a hostile article's markup as text and runs none of it", async () => {
    const page = await open(`#/article/${HOSTILE_ID}`);
    const body = page.getByTestId("article-text");
    await body.waitFor();
    await page.getByTestId("event-item").first().waitFor();
    await page.getByTestId("event-item").first().click();
    await page.getByTestId("evidence").waitFor({ state: "visible" });
    await shot(page, "ui-hostile.png");
    const text = (await body.textContent()) ?? "";
    expect(text).toContain("<script>window.__pwned=1</script>");
    expect(text).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await page.locator("main script, main img, main iframe").count()).toBe(0);
    // Give a would-be onerror time to fire.
    await page.waitForTimeout(500);
    expect(await page.evaluate("typeof window.__pwned")).toBe("undefined");
    // The search view shows the hostile snippet too.
    await page.goto(`${base}/#/?q=${encodeURIComponent("القاهرة")}`);
    await page.getByTestId("search-hit").first().waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator("main script, main img").count()).toBe(0);
    expect(await page.evaluate("typeof window.__pwned")).toBe("undefined");
    expect(dialogs).toEqual([]);
    await page.close();
  }, 60_000);

  it("saw no page errors, console errors or dialogs", () => {
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
