import { describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.js";
import { tokenMatches } from "../../src/server/auth.js";
import { SqliteStore } from "../../src/store/sqlite.js";

const TOKEN = "s3cret-token-for-tests";
const article = {
  id: "w1",
  text: "التقى وزير الخارجية المصري نظيره الأردني في القاهرة يوم الأحد.",
  published: "2024-11-03",
};

describe("write endpoints and tokens", () => {
  it("refuses writes when no token is configured, and with a wrong or missing token", async () => {
    const open = await buildServer({ store: new SqliteStore(":memory:"), webRoot: "/none", token: "" });
    const r = await open.inject({ method: "POST", url: "/api/articles", payload: article });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ error: expect.stringContaining("MARSAD_TOKEN") });
    await open.close();

    const app = await buildServer({ store: new SqliteStore(":memory:"), webRoot: "/none", token: TOKEN });
    for (const headers of [{}, { authorization: "Bearer nope" }, { authorization: `Basic ${TOKEN}` }]) {
      const w = await app.inject({ method: "POST", url: "/api/articles", payload: article, headers });
      expect(w.statusCode).toBe(401);
    }
    expect((await app.inject({ method: "DELETE", url: "/api/articles/w1" })).statusCode).toBe(401);
    await app.close();
  });

  it("ingests, re-analyses and deletes with the token", async () => {
    const app = await buildServer({ store: new SqliteStore(":memory:"), webRoot: "/none", token: TOKEN });
    const auth = { authorization: `Bearer ${TOKEN}` };
    const created = await app.inject({
      method: "POST",
      url: "/api/articles",
      payload: article,
      headers: auth,
    });
    expect(created.statusCode).toBe(201);
    expect(
      (await app.inject({ method: "POST", url: "/api/articles", payload: article, headers: auth })).json(),
    ).toMatchObject({ status: "unchanged" });
    const events = (await app.inject({ method: "GET", url: "/api/events?source=EGY&target=JOR" })).json() as {
      items: unknown[];
    };
    expect(events.items.length).toBeGreaterThan(0);
    expect(
      (await app.inject({ method: "POST", url: "/api/reanalyse", payload: {}, headers: auth })).json(),
    ).toEqual({ reanalysed: 1 });
    const bad = await app.inject({
      method: "POST",
      url: "/api/articles",
      payload: { text: "" },
      headers: auth,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'field "text" is required' });
    expect((await app.inject({ method: "DELETE", url: "/api/articles/w1", headers: auth })).statusCode).toBe(
      200,
    );
    expect((await app.inject({ method: "GET", url: "/api/articles/w1" })).statusCode).toBe(404);
    await app.close();
  });

  it("guards reads too with --auth read", async () => {
    const app = await buildServer({
      store: new SqliteStore(":memory:"),
      webRoot: "/none",
      token: TOKEN,
      authRead: true,
    });
    expect((await app.inject({ method: "GET", url: "/api/events" })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: "GET", url: "/api/events", headers: { authorization: `Bearer ${TOKEN}` } }))
        .statusCode,
    ).toBe(200);
    expect((await app.inject({ method: "GET", url: "/api/openapi.json" })).statusCode).toBe(200);
    await app.close();
  });

  it("compares tokens in constant time, over digests", () => {
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(tokenMatches(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(tokenMatches(undefined, TOKEN)).toBe(false);
    expect(tokenMatches("", TOKEN)).toBe(false);
  });
});
