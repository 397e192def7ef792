import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPipeline } from "../../src/pipeline/index.js";
import { buildServer } from "../../src/server/app.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { readSeed } from "../helpers/shared.js";

let app: FastifyInstance;
const get = (url: string) => app.inject({ method: "GET", url });

beforeAll(async () => {
  const store = new SqliteStore(":memory:");
  const seed = { id: "seed-000", text: readSeed(), published: "2024-06-27" };
  await store.saveArticle(seed, createPipeline().run(seed));
  app = await buildServer({ store, webRoot: "/nonexistent" });
});
afterAll(async () => app.close());

describe("HTTP API", () => {
  it("returns the Blinken meeting for source=USA&target=ISR with its attribution and date", async () => {
    const r = await get("/api/events?source=USA&target=ISR");
    expect(r.statusCode).toBe(200);
    const body = r.json() as {
      items: Array<{ cameo: string; date: string; mentions: Array<{ attribution: { name: string } }> }>;
      next: string | null;
    };
    const meeting = body.items.find((e) => e.cameo.startsWith("04"));
    expect(meeting?.date).toBe("2024-06-27");
    expect(meeting?.mentions[0]?.attribution.name).toBe("Matthew Miller");
  });

  it("answers every bad parameter with 400 naming it", async () => {
    const cases: Array<[string, string]> = [
      ["/api/events?source=usa", 'parameter "source"'],
      ["/api/events?quad=9", 'parameter "quad"'],
      ["/api/events?from=yesterday", 'parameter "from"'],
      ["/api/events?limit=100000", 'parameter "limit"'],
      ["/api/events?cursor=%27%20OR%201%3D1", 'parameter "cursor"'],
      ["/api/events?bogus=1", '"bogus" is not a known parameter'],
      ["/api/timeline?bucket=year", 'parameter "bucket"'],
      ["/api/search", 'parameter "q"'],
      ["/api/export?format=xml", 'parameter "format"'],
    ];
    for (const [url, message] of cases) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(400);
      expect((r.json() as { error: string }).error, url).toContain(message);
    }
  });

  it("serves CSV, the article document, actors, graph, timeline, search and an OpenAPI document", async () => {
    const csv = await get("/api/events?format=csv&source=USA");
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.split("\n")[0]).toContain("source_code");
    expect((await get("/api/articles/seed-000")).json()).toMatchObject({
      id: "seed-000",
      published: "2024-06-27",
    });
    expect((await get("/api/articles/nope")).statusCode).toBe(404);
    expect(
      ((await get("/api/actors")).json() as Array<{ code: string }>).some((a) => a.code === "USAGOV"),
    ).toBe(true);
    const graph = (await get("/api/graph")).json() as {
      nodes: Array<{ id: string }>;
      edges: Array<{ source: string; target: string }>;
    };
    expect(graph.edges.some((e) => e.source === "USAGOV" && e.target === "ISRGOV")).toBe(true);
    expect(graph.nodes.length).toBeGreaterThan(1);
    expect(
      ((await get("/api/timeline?bucket=month&by=quad")).json() as Array<{ period: string }>)[0]?.period,
    ).toBe("2024-06");
    const hits = (await get(`/api/search?q=${encodeURIComponent("بغزة")}`)).json() as Array<{
      snippet: string;
    }>;
    expect(hits[0]?.snippet).toContain("<mark>");
    const spec = (await get("/api/openapi.json")).json() as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(["/api/events", "/api/graph", "/api/timeline", "/api/search", "/api/export"]),
    );
  });

  it("exports GDELT rows of 61 tab-separated columns, and sends security headers", async () => {
    const r = await get("/api/export?format=gdelt&source=USA");
    const rows = r.body.trim().split("\n");
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split("\t")).toHaveLength(61);
    expect(r.headers["content-disposition"]).toContain("marsad-events.tsv");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(String(r.headers["content-security-policy"])).toContain("default-src 'self'");
  });
});
