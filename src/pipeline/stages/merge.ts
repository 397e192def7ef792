import type { ActorRef, EventOut } from "../../document.js";
import type { ArticleDoc } from "../doc.js";
import type { Stage } from "../stage.js";

/**
 * One event per (source, target, action): the same event mentioned in several
 * sentences ("سيلتقي بلينكن مسؤولين إسرائيليين" in the lead, the heading and the
 * body) becomes one event listing every sentence. Fields missing from the first
 * mention (date, place, attribution) are filled from later ones.
 */
const VIOLENCE = /^(18|19|20)/;
const THREAT = /^13/;

/** One code refines the other ("USA" and "USAMIL", both absent): they can name the same party. */
function compatible(a: ActorRef | null, b: ActorRef | null): boolean {
  if (!a?.code || !b?.code) return !a?.code && !b?.code;
  return a.code.startsWith(b.code) || b.code.startsWith(a.code);
}

/** The more specific of two references to one party. */
function finer(a: ActorRef | null, b: ActorRef | null): ActorRef | null {
  return (b?.code?.length ?? 0) > (a?.code?.length ?? 0) ? b : a;
}

/**
 * Mentions of one event: the same action between parties whose codes refine
 * each other ("غارات أمريكية" in the heading, "القوات الأمريكية شنت غارات" in the body).
 */
export function mergeEvents(events: EventOut[]): EventOut[] {
  const byKey = new Map<string, EventOut[]>();
  // sentences of merged events, sorted once at the end (includes + sort per merge is quadratic)
  const merged = new Map<EventOut, Set<number>>();
  const out: EventOut[] = [];
  for (const e of events) {
    // one attack is told in several words ("الحرب على غزة", "شن الجيش غارات على القطاع"): violence merges by
    // root; so does a threat told as a warning and its promised blow ("حذر نتنياهو من أن إسرائيل ستضرب بقوة")
    const action = VIOLENCE.test(e.cameo) || THREAT.test(e.cameo) ? e.cameo.slice(0, 2) : e.cameo;
    const key = `${e.source?.code?.slice(0, 3) ?? "-"}|${e.target?.code?.slice(0, 3) ?? "-"}|${action}`;
    const candidates = byKey.get(key) ?? [];
    const seen = candidates.find((c) => compatible(c.source, e.source) && compatible(c.target, e.target));
    if (!seen) {
      const copy = { ...e, sentences: [...e.sentences], topics: [...e.topics], rules: [...e.rules] };
      byKey.set(key, [...candidates, copy]);
      out.push(copy);
      continue;
    }
    seen.source = finer(seen.source, e.source);
    seen.target = finer(seen.target, e.target);
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
  return absorbUntargeted(out);
}

/**
 * "ضربات صاروخية روسية" with no target named is the attack told elsewhere with its
 * target ("الضربات الروسية على كييف"): it joins that event instead of standing alone.
 */
function absorbUntargeted(events: EventOut[]): EventOut[] {
  const drop = new Set<EventOut>();
  for (const e of events) {
    if (e.target || !e.source?.code || !VIOLENCE.test(e.cameo)) continue;
    const host = events.find(
      (x) =>
        x !== e &&
        !!x.target &&
        !drop.has(x) &&
        x.cameo.slice(0, 2) === e.cameo.slice(0, 2) &&
        compatible(x.source, e.source),
    );
    if (!host) continue;
    host.sentences = [...new Set([...host.sentences, ...e.sentences])].sort((a, b) => a - b);
    host.rules = [...new Set([...host.rules, ...e.rules, "merge:untargeted"])];
    host.date ??= e.date;
    host.date_text ??= e.date_text;
    host.location ??= e.location;
    drop.add(e);
  }
  return drop.size ? events.filter((e) => !drop.has(e)) : events;
}

export const mergeStage: Stage<unknown> = {
  name: "merge",
  needs: ["events"],
  adds: ["events"],
  run(doc: ArticleDoc) {
    doc.events = mergeEvents(doc.events ?? []);
  },
};
