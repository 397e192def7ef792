import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

function lookup(text: string, date = "2024-06-27"): string {
  const r = runCli(["lexicon", "lookup", text, "--date", date, "--format", "json"]);
  expect(r.status).toBe(0);
  const rows = JSON.parse(r.stdout) as Array<{ code: string | null }>;
  return rows.map((x) => x.code).join(",");
}

describe("marsad lexicon lookup on the seed's actors", () => {
  it("resolves people by their office on the date", () => {
    expect(lookup("ماثيو ميلر")).toBe("USAGOV");
    expect(lookup("أنتوني بلينكن")).toBe("USAGOV");
    // after leaving office Blinken is a US person
    expect(lookup("أنتوني بلينكن", "2025-06-01")).toBe("USA");
    expect(lookup("أنتوني بلينكن", "2019-06-01")).toBe("USA");
  });

  it("resolves countries, groups, role phrases and ministries", () => {
    expect(lookup("مصر")).toBe("EGY");
    expect(lookup("قطر")).toBe("QAT");
    expect(lookup("إسرائيل")).toBe("ISR");
    expect(lookup("إيران")).toBe("IRN");
    expect(lookup("حزب الله")).toBe("LBNREBHEZ");
    expect(lookup("مسؤولين إسرائيليين")).toBe("ISRGOV");
    expect(lookup("وزارة الخارجية الأمريكية")).toBe("USAGOV");
    expect(lookup("قوات الأمن العراقية")).toBe("IRQCOP");
    expect(lookup("الحكومة اللبنانية")).toBe("LBNGOV");
  });

  it("prints counts per category with stats", () => {
    const r = runCli(["lexicon", "stats", "--format", "json"]);
    expect(r.status).toBe(0);
    const stats = JSON.parse(r.stdout) as Record<string, number>;
    expect(stats.countries).toBeGreaterThanOrEqual(197);
    expect(stats["event patterns"]).toBeGreaterThanOrEqual(800);
  });
});
