import type { ArticleDocument } from "../document.js";

/** A document as `marsad extract` prints it: pretty JSON, or one JSON Lines line (without the newline). */
export type DocFormat = "json" | "jsonl";

export function serialise(doc: ArticleDocument, format: DocFormat): string {
  return format === "json" ? JSON.stringify(doc, null, 2) : JSON.stringify(doc);
}
