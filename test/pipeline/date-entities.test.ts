import { describe, expect, it } from "vitest";
import { createPipeline } from "../../src/pipeline/index.js";

const pipeline = createPipeline();
const dates = (text: string) =>
  pipeline
    .run({ id: "t", text, published: "2024-03-15" })
    .entities.filter((e) => e.type === "DATE")
    .map((e) => e.text);

describe("DATE entities", () => {
  it("join a relative day and its weekday, without the time of day", () => {
    expect(dates("دخلت الهدنة حيز التنفيذ فجر اليوم الجمعة، بعد اجتماع عقد مساء أمس الخميس.")).toEqual([
      "اليوم الجمعة",
      "أمس الخميس",
    ]);
  });

  it("cover month names with a year or 'last', named years and 'next' weekdays", () => {
    expect(
      dates(
        "قطعت الرياض علاقاتها مع طهران في يناير 2016، وعادت في أبريل الماضي، وتستأنف المحادثات السبت المقبل.",
      ),
    ).toEqual(["يناير 2016", "أبريل الماضي", "السبت المقبل"]);
    expect(dates("أعلن الجيش في العام الماضي خطة تنتهي عام 2030.")).toEqual(["العام الماضي", "عام 2030"]);
  });

  it("keep each date's offsets in the original text", () => {
    const text = "وصل الوفد أمس الخميس إلى القاهرة.";
    const doc = pipeline.run({ id: "t", text, published: "2024-03-15" });
    for (const e of doc.entities) expect(text.slice(e.start, e.end)).toBe(e.text);
  });
});
