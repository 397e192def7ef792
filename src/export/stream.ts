import type { EventFilter, Store } from "../store/types.js";
import { csvHeader, csvRow, GDELT_COLUMNS, gdeltRow, jsonlRow } from "./formats.js";

export type ExportFormat = "jsonl" | "csv" | "gdelt";

/** Streams every event matching a filter, page by page (memory stays flat), as text chunks. */
export async function* exportEvents(
  store: Store,
  filter: EventFilter,
  format: ExportFormat,
  pageSize = 500,
): AsyncGenerator<string> {
  if (format === "csv") yield csvHeader();
  const row = format === "csv" ? csvRow : format === "gdelt" ? gdeltRow : jsonlRow;
  let cursor: string | null = null;
  do {
    const page = await store.events(filter, pageSize, cursor);
    let chunk = "";
    for (const e of page.items) chunk += row(e);
    if (chunk) yield chunk;
    cursor = page.next;
  } while (cursor);
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  jsonl: "application/x-ndjson; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  gdelt: "text/tab-separated-values; charset=utf-8",
};

export { GDELT_COLUMNS };
