import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPipeline } from "../../src/pipeline/index.js";
import { SqliteStore } from "../../src/store/sqlite.js";

/**
 * The result cache answers repeated reads until the data changes — also when the
 * change comes from another connection (`marsad ingest` while `marsad serve` runs).
 */
describe("SQLite result cache", () => {
  const pipeline = createPipeline();
  const article = (id: string, text: string) => ({ id, text, published: "2024-11-03" });

  it("sees what another connection wrote after a cached read", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "marsad-cache-")), "shared.db");
    const reader = new SqliteStore(path);
    const writer = new SqliteStore(path);
    const first = article("a", "التقى وزير الخارجية المصري نظيره الأردني في القاهرة يوم الأحد.");
    await writer.saveArticle(first, pipeline.run(first));
    const before = await reader.events({ source: "EGY" }, 50);
    expect(before.items.length).toBeGreaterThan(0);
    // the same query again is served from the cache
    expect(await reader.events({ source: "EGY" }, 50)).toEqual(before);
    const second = article("b", "وأدانت الحكومة المصرية الهجوم الإسرائيلي على مخيم جباليا.");
    await writer.saveArticle(second, pipeline.run(second));
    const after = await reader.events({ source: "EGY" }, 50);
    expect(after.items.length).toBeGreaterThan(before.items.length);
    expect(after.items.some((e) => e.cameo.startsWith("11"))).toBe(true);
    await reader.close();
    await writer.close();
  });
});
