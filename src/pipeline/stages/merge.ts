import type { EventOut } from "../../document.js";
import type { ArticleDoc } from "../doc.js";
import type { Stage } from "../stage.js";

/**
 * One event per (source, target, action): the same event mentioned in several
 * sentences ("سيلتقي بلينكن مسؤولين إسرائيليين" in the lead, the heading and the
 * body) becomes one event listing every sentence. Fields missing from the first
 * mention (date, place, attribution) are filled from later ones.
 */
export function mergeEvents(events: EventOut[]): EventOut[] {
  const byKey = new Map<string, EventOut>();
  // sentences of merged events, sorted once at the end (includes + sort per merge is quadratic)
  const merged = new Map<EventOut, Set<number>>();
  const out: EventOut[] = [];
  for (const e of events) {
    const key = `${e.source?.code ?? "-"}|${e.target?.code ?? "-"}|${e.cameo}`;
    const seen = byKey.get(key);
    if (!seen) {
      const copy = { ...e, sentences: [...e.sentences], topics: [...e.topics], rules: [...e.rules] };
      byKey.set(key, copy);
      out.push(copy);
      continue;
    }
    let sentences = merged.get(seen);
    if (!sentences) {
      sentences = new Set(seen.sentences);
      merged.set(seen, sentences);
    }
    for (const s of e.sentences) sentences.add(s);
    seen.topics = [...new Set([...seen.topics, ...e.topics])].sort();
    seen.rules = [...new Set([...seen.rules, ...e.rules, "merge:same-dyad-action"])];
    if (!seen.date && e.date) {
      seen.date = e.date;
      seen.date_text = e.date_text;
    }
    seen.location ??= e.location;
    seen.attribution ??= e.attribution;
    if (seen.modality === "asserted" && e.modality !== "asserted") seen.modality = e.modality;
  }
  for (const [e, sentences] of merged) e.sentences = [...sentences].sort((a, b) => a - b);
  return out;
}

export const mergeStage: Stage<unknown> = {
  name: "merge",
  needs: ["events"],
  adds: ["events"],
  run(doc: ArticleDoc) {
    doc.events = mergeEvents(doc.events ?? []);
  },
};
