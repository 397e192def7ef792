import type { ArticleDocument, EventOut } from "../document.js";
import { normalize } from "../lang/ar/normalize.js";
import type { Gold, GoldEvent } from "./gold.js";

/**
 * Scoring a document against its gold: events by (source prefix, target
 * prefix, CAMEO root) — each gold event matches at most one predicted event,
 * extra events matching an optional gold event are ignored, the rest are
 * spurious; entities by text and type; actor codes by prefix.
 */

export interface ArticleScore {
  id: string;
  tp: number;
  fp: number;
  fn: number;
  missed: GoldEvent[];
  spurious: EventOut[];
  entityTotal: number;
  entityFound: number;
  entityMissed: string[];
  actorTotal: number;
  actorRight: number;
  attributionTotal: number;
  attributionFound: number;
  modalityTotal: number;
  modalityRight: number;
  dateTotal: number;
  dateRight: number;
}

function prefixOk(code: string | null | undefined, prefixes: string[]): boolean {
  return !!code && prefixes.some((p) => code.startsWith(p));
}

export function eventMatches(e: EventOut, g: GoldEvent): boolean {
  return (
    prefixOk(e.source?.code, g.source) &&
    prefixOk(e.target?.code, g.target) &&
    g.root.includes(e.cameo.slice(0, 2))
  );
}

/** Entity text equality up to normalisation and a leading conjunction or preposition. */
function sameText(a: string, b: string): boolean {
  const x = normalize(a);
  const y = normalize(b);
  return x === y || x.replace(/^[وفبلك]/, "") === y || y.replace(/^[وفبلك]/, "") === x;
}

export function scoreArticle(doc: ArticleDocument, gold: Gold): ArticleScore {
  const required = gold.events.filter((g) => !g.optional);
  const optional = gold.events.filter((g) => g.optional);
  const used = new Set<EventOut>();
  const missed: GoldEvent[] = [];
  let tp = 0;
  let modalityTotal = 0;
  let modalityRight = 0;
  let dateTotal = 0;
  let dateRight = 0;
  for (const g of required) {
    const e = doc.events.find((x) => !used.has(x) && eventMatches(x, g));
    if (!e) {
      missed.push(g);
      continue;
    }
    used.add(e);
    tp++;
    if (g.modality) {
      modalityTotal++;
      if (g.modality.includes(e.modality)) modalityRight++;
    }
    if (g.date !== undefined) {
      dateTotal++;
      if (e.date === g.date) dateRight++;
    }
  }
  const spurious = doc.events.filter((e) => !used.has(e) && !optional.some((g) => eventMatches(e, g)));

  let entityFound = 0;
  let actorTotal = 0;
  let actorRight = 0;
  const entityMissed: string[] = [];
  for (const g of gold.entities) {
    const hits = doc.entities.filter((e) => e.type === g.type && sameText(e.text, g.text));
    if (!hits.length) {
      entityMissed.push(`${g.text} (${g.type})`);
      if (g.actor) actorTotal++;
      continue;
    }
    entityFound++;
    if (g.actor) {
      actorTotal++;
      if (hits.some((h) => h.actor?.startsWith(g.actor!))) actorRight++;
    }
  }
  let attributionFound = 0;
  for (const a of gold.attributions) {
    const speakers = [
      ...doc.events.map((e) => e.attribution),
      ...(doc.attributions ?? []).map((x) => x.speaker),
    ];
    const said = speakers.some((s) => {
      if (!s?.code?.startsWith(a.speaker)) return false;
      if (!a.speaker_text) return true;
      // the speaker named in full, or again by surname ("ماثيو ميلر" … "ميلر")
      const said = normalize(s.text ?? "");
      const want = normalize(a.speaker_text);
      return said.includes(want) || (said.length > 2 && want.includes(said));
    });
    if (said) attributionFound++;
  }
  return {
    id: gold.id,
    tp,
    fp: spurious.length,
    fn: missed.length,
    missed,
    spurious,
    entityTotal: gold.entities.length,
    entityFound,
    entityMissed,
    actorTotal,
    actorRight,
    attributionTotal: gold.attributions.length,
    attributionFound,
    modalityTotal,
    modalityRight,
    dateTotal,
    dateRight,
  };
}

export interface Totals {
  articles: number;
  precision: number;
  recall: number;
  f1: number;
  entityRecall: number;
  actorAccuracy: number;
  attributionRecall: number;
  modalityAccuracy: number;
  dateAccuracy: number;
  tp: number;
  fp: number;
  fn: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function totals(scores: ArticleScore[]): Totals {
  const sum = (f: (s: ArticleScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const tp = sum((s) => s.tp);
  const fp = sum((s) => s.fp);
  const fn = sum((s) => s.fn);
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    articles: scores.length,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    entityRecall: ratio(
      sum((s) => s.entityFound),
      sum((s) => s.entityTotal),
    ),
    actorAccuracy: ratio(
      sum((s) => s.actorRight),
      sum((s) => s.actorTotal),
    ),
    attributionRecall: ratio(
      sum((s) => s.attributionFound),
      sum((s) => s.attributionTotal),
    ),
    modalityAccuracy: ratio(
      sum((s) => s.modalityRight),
      sum((s) => s.modalityTotal),
    ),
    dateAccuracy: ratio(
      sum((s) => s.dateRight),
      sum((s) => s.dateTotal),
    ),
    tp,
    fp,
    fn,
  };
}
