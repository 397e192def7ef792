import type { EntityOut, EventOut, SentenceOut } from "../../../src/document.js";
import { ApiError, type ArticleDocument, api } from "../api.js";
import { action, actor, actorInline, bi, errorBox, isAbort, modalityBadge, triple } from "../components.js";
import { clear, h, ltr, safeUrl } from "../dom.js";
import { ENTITY_TYPES } from "../labels.js";
import type { ViewContext } from "../main.js";

/**
 * #/article/:id — the article sentence by sentence with its entities coloured
 * by type, and its events; choosing an event wraps its evidence
 * [evidence_start, evidence_end) in <mark class="evidence-active">.
 * Text is only ever sliced from the sentences into text nodes.
 */

interface Span {
  start: number;
  end: number;
}

export function articleView(root: HTMLElement, ctx: ViewContext): void {
  const id = ctx.route.id ?? "";
  root.append(h("p", { class: "status" }, "جارٍ التحميل… / Loading…"));
  api
    .article(id, ctx.signal)
    .then((doc) => {
      clear(root);
      renderArticle(root, doc, ctx);
    })
    .catch((err: unknown) => {
      if (isAbort(err)) return;
      clear(root);
      if (err instanceof ApiError && err.status === 404) {
        root.append(
          h(
            "section",
            { class: "panel" },
            h("h1", null, bi("المقال غير موجود", "Article not found")),
            h("p", null, ltr(id)),
          ),
        );
      } else root.append(errorBox(err));
    });
}

function renderArticle(root: HTMLElement, doc: ArticleDocument, ctx: ViewContext): void {
  const sentences = [...doc.sentences].sort((a, b) => a.start - b.start);
  const entities = nonOverlapping(doc.entities);
  const events = doc.events;
  const hints = events.map(evidenceSpan);

  // Header.
  const meta = h("p", { class: "meta" });
  const addMeta = (label: HTMLElement, value: Node | string) => {
    if (meta.childNodes.length) meta.append(" · ");
    meta.append(label, ": ", value);
  };
  if (doc.published) addMeta(bi("التاريخ", "Published"), ltr(doc.published));
  if (doc.source) addMeta(bi("المصدر", "Source"), h("span", { dir: "auto" }, doc.source));
  if (doc.url && safeUrl(doc.url) && /^https?:/i.test(doc.url)) {
    addMeta(
      bi("الرابط", "Link"),
      h("a", { href: doc.url, rel: "noopener noreferrer nofollow", target: "_blank", dir: "ltr" }, doc.url),
    );
  }
  addMeta(bi("المعرّف", "Id"), ltr(doc.id));
  addMeta(bi("اللغة", "Language"), ltr(doc.language));

  const legend = h(
    "ul",
    { class: "legend", "aria-label": "أنواع الكيانات / Entity types" },
    Object.entries(ENTITY_TYPES).map(([type, l]) =>
      h(
        "li",
        null,
        h("span", { class: `ent ent-${type}` }, type),
        " ",
        l.ar,
        " / ",
        h("span", { lang: "en" }, l.en),
      ),
    ),
    h(
      "li",
      null,
      h("mark", { class: "evidence-active legend-evidence" }, "دليل"),
      " ",
      "دليل الحدث / Event evidence",
    ),
  );

  // Text: headings as headings, other sentences run into paragraphs.
  const text = h("div", { class: "article-text", "data-testid": "article-text" });
  const sentenceEls = new Map<number, HTMLElement>();
  let para: HTMLElement | null = null;
  for (const s of sentences) {
    const el = renderSentence(s, entities, hints, null);
    sentenceEls.set(s.index, el);
    if (s.heading) {
      para = null;
      text.append(el);
    } else {
      if (!para) {
        para = h("p", { dir: "auto" });
        text.append(para);
      } else para.append(" ");
      para.append(el);
    }
  }
  if (sentences.length === 0) text.append(h("p", { class: "status" }, "لا نص / No text"));

  // Events list.
  const items: HTMLElement[] = events.map((ev, i) => eventItem(ev, i));
  const list = h("ol", { class: "event-list" }, items);
  const aside = h(
    "aside",
    { class: "panel side", "aria-label": "الأحداث / Events" },
    h("h2", null, bi("الأحداث", "Events"), ` (${events.length})`),
    events.length ? list : h("p", { class: "status" }, "لم يُعثر على أحداث / No events found"),
  );

  root.append(
    h(
      "div",
      { class: "article-layout" },
      h(
        "article",
        { class: "panel article" },
        h("p", { class: "kicker" }, bi("المقال", "Article")),
        h("h1", { dir: "auto", "data-testid": "article-title" }, doc.title ?? doc.id),
        meta,
        legend,
        text,
      ),
      aside,
    ),
  );

  // Selecting an event.
  let active: number | null = null;
  let activeSentences: number[] = [];
  const rerender = (indexes: number[], span: Span | null) => {
    for (const i of indexes) {
      const s = sentences.find((x) => x.index === i);
      const old = sentenceEls.get(i);
      if (!s || !old) continue;
      const el = renderSentence(s, entities, hints, span);
      old.replaceWith(el);
      sentenceEls.set(i, el);
    }
  };
  const select = (i: number, scroll: boolean) => {
    const ev = events[i];
    if (!ev) return;
    if (active !== null) {
      items[active]?.classList.remove("active");
      items[active]?.setAttribute("aria-pressed", "false");
      rerender(activeSentences, null);
    }
    active = i;
    items[i]?.classList.add("active");
    items[i]?.setAttribute("aria-pressed", "true");
    const span = hints[i] ?? sentenceSpan(ev, sentences);
    if (!span) return;
    activeSentences = sentences.filter((s) => s.start < span.end && s.end > span.start).map((s) => s.index);
    rerender(activeSentences, span);
    const mark = text.querySelector<HTMLElement>('[data-testid="evidence"]');
    if (scroll && mark) mark.scrollIntoView({ block: "center", behavior: "smooth" });
  };
  items.forEach((item, i) => {
    item.addEventListener("click", () => select(i, true));
    item.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        select(i, true);
      }
    });
  });
  // Clicking an evidence hint in the text selects its event.
  text.addEventListener("click", (e) => {
    const hint = (e.target as Element).closest<HTMLElement>("[data-event]");
    if (hint?.dataset.event) {
      const i = Number(hint.dataset.event);
      select(i, false);
      items[i]?.scrollIntoView({ block: "nearest" });
    }
  });

  // Deep links: ?event=ID&span=S-E&cameo=C&pair=SRC-TGT (from the events table) or ?sentence=N (search hits).
  const p = ctx.route.params;
  const wanted = p.get("span") ? pickEvent(events, hints, p) : null;
  if (wanted !== null) {
    select(wanted, false);
    requestAnimationFrame(() =>
      text.querySelector('[data-testid="evidence"]')?.scrollIntoView({ block: "center" }),
    );
  } else if (p.get("sentence")) {
    const el = sentenceEls.get(Number(p.get("sentence")));
    if (el) {
      el.classList.add("sentence-active");
      requestAnimationFrame(() => el.scrollIntoView({ block: "center" }));
    }
  }
}

/** The doc event a deep link means: same evidence span, then same CAMEO code and actor pair if several share it. */
function pickEvent(events: EventOut[], spans: Array<Span | null>, p: URLSearchParams): number | null {
  const m = /^(\d+)-(\d+)$/.exec(p.get("span") ?? "");
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  const same = events.map((_, i) => i).filter((i) => spans[i]?.start === start && spans[i]?.end === end);
  if (same.length === 0) return null;
  const [src, tgt] = (p.get("pair") ?? "-").split("-");
  const cameo = p.get("cameo");
  const exact = same.find(
    (i) =>
      events[i]?.cameo === cameo &&
      (events[i]?.source?.code ?? "") === (src ?? "") &&
      (events[i]?.target?.code ?? "") === (tgt ?? ""),
  );
  return exact ?? same.find((i) => events[i]?.cameo === cameo) ?? same[0] ?? null;
}

function evidenceSpan(ev: EventOut): Span | null {
  if (
    typeof ev.evidence_start === "number" &&
    typeof ev.evidence_end === "number" &&
    ev.evidence_end > ev.evidence_start
  ) {
    return { start: ev.evidence_start, end: ev.evidence_end };
  }
  return null;
}

/** Without evidence offsets: the event's first sentence. */
function sentenceSpan(ev: EventOut, sentences: SentenceOut[]): Span | null {
  const s = sentences.find((x) => x.index === ev.sentences[0]);
  return s ? { start: s.start, end: s.end } : null;
}

/** Entities sorted by start; of overlapping ones the longer (then earlier) is kept. */
function nonOverlapping(entities: EntityOut[]): EntityOut[] {
  const sorted = [...entities]
    .filter((e) => e.end > e.start)
    .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: EntityOut[] = [];
  for (const e of sorted) if (!kept.some((k) => k.start < e.end && e.start < k.end)) kept.push(e);
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * One sentence as DOM: the text is cut at entity, evidence-hint and active
 * evidence boundaries; each piece is a text node (in a span when it is part
 * of an entity or an evidence); pieces inside the active evidence go into one
 * <mark class="evidence-active" data-testid="evidence">.
 */
function renderSentence(
  s: SentenceOut,
  entities: EntityOut[],
  hints: Array<Span | null>,
  active: Span | null,
): HTMLElement {
  const el = s.heading
    ? h("h2", { class: "sentence heading", id: `s-${s.index}`, "data-sentence": s.index, dir: "auto" })
    : h("span", { class: "sentence", id: `s-${s.index}`, "data-sentence": s.index });
  const len = s.text.length;
  const clip = (x: number) => Math.max(0, Math.min(len, x - s.start));
  const inside = (sp: Span) => sp.start < s.end && sp.end > s.start;
  const ents = entities.filter(inside);
  const evs = hints
    .map((sp, i) => ({ sp, i }))
    .filter((x): x is { sp: Span; i: number } => !!x.sp && inside(x.sp));
  const act = active && inside(active) ? { start: clip(active.start), end: clip(active.end) } : null;

  const cuts = new Set<number>([0, len]);
  for (const e of ents) cuts.add(clip(e.start)).add(clip(e.end));
  for (const { sp } of evs) cuts.add(clip(sp.start)).add(clip(sp.end));
  if (act) cuts.add(act.start).add(act.end);
  const points = [...cuts].sort((a, b) => a - b);

  let mark: HTMLElement | null = null;
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k] as number;
    const b = points[k + 1] as number;
    if (b <= a) continue;
    const piece = s.text.slice(a, b);
    const ent = ents.find((e) => clip(e.start) <= a && clip(e.end) >= b);
    const ev = evs.find(({ sp }) => clip(sp.start) <= a && clip(sp.end) >= b);
    let node: Node = document.createTextNode(piece);
    if (ev) {
      node = h("span", { class: "ev-hint", "data-event": ev.i, title: "دليل حدث / Event evidence" }, node);
    }
    if (ent) {
      const tip = [ent.type, ent.name, ent.actor].filter(Boolean).join(" · ");
      node = h("span", { class: `ent ent-${ent.type}`, title: tip, "data-actor": ent.actor }, node);
    }
    if (act && a >= act.start && b <= act.end) {
      if (!mark) {
        mark = h("mark", { class: "evidence-active", "data-testid": "evidence" });
        el.append(mark);
      }
      mark.append(node);
    } else el.append(node);
  }
  return el;
}

function eventItem(ev: EventOut, i: number): HTMLElement {
  const details: Array<Node | string> = [];
  const add = (ar: string, en: string, value: Node | string) => {
    if (details.length) details.push("، ");
    details.push(h("bdi", { class: "detail", title: en }, `${ar}: `, value));
  };
  if (ev.date || ev.date_text) {
    const when = h("span", null, ev.date ? ltr(ev.date) : null);
    if (ev.date_text)
      when.append(
        ev.date ? " " : "",
        h("span", { class: "muted" }, ev.date ? `«${ev.date_text}»` : ev.date_text),
      );
    add("التاريخ", "date", when);
  }
  if (ev.location)
    add("المكان", "place", actorInline(ev.location.code, ev.location.text || ev.location.name));
  if (ev.attribution)
    add("قال", "said by", actorInline(ev.attribution.code, ev.attribution.name, ev.attribution.text));
  return h(
    "li",
    {
      class: "event-item",
      "data-testid": "event-item",
      "data-index": i,
      "data-cameo": ev.cameo,
      "data-source": ev.source?.code ?? "",
      "data-target": ev.target?.code ?? "",
      role: "button",
      tabindex: 0,
      "aria-pressed": "false",
    },
    h(
      "div",
      { class: "event-line" },
      triple(
        actor(ev.source?.code, ev.source?.name, ev.source?.text),
        action(ev.cameo, ev.plover, ev.quad),
        actor(ev.target?.code, ev.target?.name, ev.target?.text),
      ),
      " ",
      modalityBadge(ev.modality),
    ),
    details.length ? h("div", { class: "event-details" }, "(", ...details, ")") : null,
    ev.evidence ? h("blockquote", { class: "event-evidence", dir: "auto" }, ev.evidence) : null,
  );
}
