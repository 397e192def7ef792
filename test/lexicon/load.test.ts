import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileLexicon, loadLexicon } from "../../src/lexicon/load.js";
import { problemText } from "../../src/lexicon/tsv.js";
import { LEXICON_DIR } from "../../src/paths.js";

/** A small lexicon folder: the real code tables and cues, plus the files a test writes. */
function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "marsad-lex-"));
  cpSync(join(LEXICON_DIR, "codes"), join(dir, "codes"), { recursive: true });
  cpSync(join(LEXICON_DIR, "ar", "cues"), join(dir, "ar", "cues"), { recursive: true });
  writeFileSync(
    join(dir, "ar", "countries.tsv"),
    "id\tiso3\ten\tnames\tcapital\tadjectives\nusa\tUSA\tUnited States\tالولايات المتحدة | أمريكا\tواشنطن\tأمريكي\nisr\tISR\tIsrael\tإسرائيل\t-\tإسرائيلي\n",
  );
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const PEOPLE = "id\ten\tnames\tnationality\tactor\tfrom\tto\trole\n";
const EVENTS = "id\tcameo\tform\tpattern\tnote\n";

describe("the bundled lexicon", () => {
  it("loads with no problem", () => {
    const { problems } = compileLexicon();
    expect(problems.map(problemText)).toEqual([]);
  });

  it("has the counts the lexicon issue asks for", () => {
    const lex = loadLexicon();
    const count = (kind: string) => lex.entries.filter((e) => e.kind === kind).length;
    expect(count("country")).toBeGreaterThanOrEqual(197);
    expect(count("place")).toBeGreaterThanOrEqual(600);
    expect(
      new Set(lex.entries.filter((e) => e.kind === "person").map((e) => e.en)).size,
    ).toBeGreaterThanOrEqual(500);
    expect(count("org")).toBeGreaterThanOrEqual(300);
    expect(lex.patterns.length).toBeGreaterThanOrEqual(800);
    expect(new Set(lex.patterns.map((p) => p.cameo.slice(0, 2))).size).toBe(20);
    expect(new Set(lex.patterns.map((p) => p.cameo)).size).toBeGreaterThanOrEqual(150);
  });
});

describe("lexicon validation", () => {
  it("names file and line of a malformed line, an unknown actor code and a bad date", () => {
    const dir = fixture({
      "ar/people/test.tsv": `${PEOPLE}a.one\tA One\tأحمد علي\tUSA\tUSAGOV\t2020-01-01\t\tMinister\na.two\tA Two\tسامي\n\na.three\tA Three\tخالد عمر\tUSA\tUSAXYZ\t2020-13-01\t\tX\n`,
    });
    const msgs = compileLexicon(dir).problems.map(problemText);
    expect(msgs).toContain(
      "ar/people/test.tsv:3: expected 8 TAB-separated fields (id, en, names, nationality, actor, from, to, role), found 3",
    );
    expect(msgs).toContain('ar/people/test.tsv:5: actor code "USAXYZ" has unknown part "XYZ"');
    expect(msgs).toContain('ar/people/test.tsv:5: "from" date "2020-13-01" does not parse (YYYY-MM-DD)');
  });

  it("rejects duplicate ids and conflicting surface forms, but not one person's successive offices", () => {
    const dir = fixture({
      "ar/people/test.tsv": `${PEOPLE}p.a\tPerson A\tسعيد ناصر\tISR\tISRGOV\t2019-01-01\t2020-01-01\tMinister\np.a2\tPerson A\tسعيد ناصر\tISR\tISRMIL\t2020-01-01\t\tChief\np.a\tPerson B\tمحمود صالح\tUSA\tUSAGOV\t2019-01-01\t\tX\np.c\tPerson C\tسعيد ناصر\tUSA\tUSAGOV\t2019-06-01\t\tY\n`,
    });
    const msgs = compileLexicon(dir).problems.map(problemText);
    expect(msgs.some((m) => m.startsWith('ar/people/test.tsv:4: duplicate id "p.a"'))).toBe(true);
    expect(msgs.some((m) => m.startsWith("ar/people/test.tsv:5:") && m.includes("conflicts with"))).toBe(
      true,
    );
    expect(msgs.some((m) => m.startsWith("ar/people/test.tsv:3:"))).toBe(false);
  });

  it("rejects a one-word form that reads as a function word", () => {
    // "ألبان" (Albanians) folds its article and keys as "بأن"; "إمام" normalises to "أمام"
    const dir = fixture({
      "ar/organisations.tsv":
        "id\tcode\ttype\ten\tnames\nx.alb\tALB\tORG\tAlbanians\tألبان | رابطة الألبان\n",
    });
    const msgs = compileLexicon(dir).problems.map(problemText);
    expect(msgs).toContain(
      'ar/organisations.tsv:2: form "ألبان" of "x.alb" reads as the function word "بان"',
    );
    expect(msgs.some((m) => m.includes("رابطة الألبان"))).toBe(false);
  });

  it("rejects unknown CAMEO codes, bad forms and bad pattern tokens in event files", () => {
    const dir = fixture({
      "ar/events/04-consult.tsv": `${EVENTS}x.1\t049\tverb\tالتقى {T}\t\nx.2\t040\tadverb\tاجتمع مع {T}\t\nx.3\t040\tverb\tزار {T} {T}\t\nx.4\t111\tverb\tأدان {T}\t\nx.5\t040\tverb\tmeet {T}\t\n`,
    });
    const msgs = compileLexicon(dir).problems.map(problemText);
    expect(msgs).toContain('ar/events/04-consult.tsv:2: unknown CAMEO code "049"');
    expect(msgs).toContain(
      'ar/events/04-consult.tsv:3: form must be verb, passive, noun, participle, inverse, negated or future, found "adverb"',
    );
    expect(msgs).toContain("ar/events/04-consult.tsv:4: at most one {T} slot");
    expect(msgs).toContain('ar/events/04-consult.tsv:5: CAMEO code "111" is not in root 04 of this file');
    expect(msgs).toContain(
      'ar/events/04-consult.tsv:6: bad pattern token "meet" (an Arabic word, {T}, ب{T}, ل{T}, ك{T} or *)',
    );
  });

  it("refuses to run on an invalid lexicon with an error that lists the problems", () => {
    const dir = fixture({ "ar/agents.tsv": "id\trole\tnames\ngov.x\tXXX\tمسؤول\n" });
    expect(() => loadLexicon(dir)).toThrow(/E_LEXICON|ar\/agents\.tsv:2: unknown role code "XXX"/);
  });
});
