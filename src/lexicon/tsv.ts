import { readFileSync } from "node:fs";

/**
 * Line-oriented TSV with a header: comments (#) and blank lines skipped, every
 * row checked for its column count; problems are collected with file and line.
 */

export interface LexiconProblem {
  file: string;
  line: number;
  message: string;
}

export interface TsvRow {
  line: number;
  fields: Record<string, string>;
}

export function problemText(p: LexiconProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

/** Reads a TSV file whose header must be exactly `columns`. */
export function readTsv(
  path: string,
  display: string,
  columns: string[],
  problems: LexiconProblem[],
): TsvRow[] {
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  return parseTsv(text, display, columns, problems);
}

export function parseTsv(
  text: string,
  display: string,
  columns: string[],
  problems: LexiconProblem[],
): TsvRow[] {
  const lines = text.split(/\r?\n/);
  // the header is the first line that is not a comment
  const h = lines.findIndex((l) => !l.startsWith("#") && l.trim() !== "");
  const header = lines[h] ?? "";
  if (header !== columns.join("\t")) {
    problems.push({
      file: display,
      line: h + 1,
      message: `header must be "${columns.join("\\t")}", found "${header.replace(/\t/g, "\\t")}"`,
    });
    return [];
  }
  const rows: TsvRow[] = [];
  lines.forEach((raw, i) => {
    if (i <= h || raw.trim() === "" || raw.startsWith("#")) return;
    const line = i + 1;
    const parts = raw.split("\t");
    // a trailing optional column may be left off entirely
    while (parts.length < columns.length && columns[parts.length] === "note") parts.push("");
    if (parts.length !== columns.length) {
      problems.push({
        file: display,
        line,
        message: `expected ${columns.length} TAB-separated fields (${columns.join(", ")}), found ${parts.length}`,
      });
      return;
    }
    const fields: Record<string, string> = {};
    columns.forEach((c, k) => {
      fields[c] = (parts[k] ?? "").trim();
    });
    rows.push({ line, fields });
  });
  return rows;
}

/** Splits a multi-value field (`a | b | c`); `-` and empty mean none. */
export function values(field: string | undefined): string[] {
  if (!field || field === "-") return [];
  return field
    .split("|")
    .map((v) => v.trim())
    .filter((v) => v && v !== "-");
}
