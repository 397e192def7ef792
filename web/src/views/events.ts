import { api, type Filters, filtersFrom, query, type SearchHit, type StoredEvent } from "../api.js";
import {
  action,
  actor,
  articleHref,
  bi,
  errorBox,
  exportBar,
  filterForm,
  isAbort,
  modalityBadge,
  triple,
} from "../components.js";
import { clear, debounce, h, ltr, safeSnippet } from "../dom.js";
import type { ViewContext } from "../main.js";

/** #/ — full-text search and the filtered event table (cursor pages of PAGE). */

const PAGE = 50;
const MAX_PAGE = 100;
const HITS = 20;

export function eventsView(root: HTMLElement, ctx: ViewContext): void {
  let filters: Filters = filtersFrom(ctx.route.params);
  // Page size: 50 by default; ?limit= (1–100) for smaller or larger pages.
  const asked = Number.parseInt(ctx.route.params.get("limit") ?? "", 10);
  const pageSize = Number.isFinite(asked) && asked >= 1 ? Math.min(asked, MAX_PAGE) : PAGE;

  // Search box: full-text hits and the q filter of the table.
  const input = h("input", {
    type: "search",
    name: "q",
    dir: "auto",
    "data-testid": "search-input",
    placeholder: "ابحث في المقالات… / Search the articles…",
    "aria-label": "بحث / Search",
    maxlength: 500,
    value: filters.q ?? "",
    autocomplete: "off",
  });
  const searchForm = h(
    "form",
    { class: "search-form", role: "search" },
    input,
    h("button", { type: "submit" }, "بحث / Search"),
  );
  const hitsBox = h("section", { class: "hits", "aria-label": "نتائج البحث / Search results" });

  // Filters, export and table.
  const exportSlot = h("div", { class: "export-slot" });
  const form = filterForm(filters, (f) => apply({ ...f, ...(filters.q ? { q: filters.q } : {}) }));
  const tbody = h("tbody");
  const status = h("p", { class: "status", "aria-live": "polite" });
  const more = h(
    "button",
    { type: "button", class: "load-more", "data-testid": "load-more", hidden: true },
    "تحميل المزيد / Load more",
  );
  const count = h("span", { class: "count" });
  const table = h(
    "table",
    { class: "events", "data-testid": "events-table" },
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        h("th", { scope: "col" }, bi("التاريخ", "Date")),
        h("th", { scope: "col" }, bi("المصدر ← الفعل ← الهدف", "Source → action → target")),
        h("th", { scope: "col" }, bi("الصيغة", "Modality")),
        h("th", { scope: "col" }, bi("المكان", "Place")),
        h("th", { scope: "col" }, bi("قال", "Said by")),
        h(
          "th",
          { scope: "col", title: "المقالات / المصادر — Articles / sources" },
          bi("مقالات/مصادر", "Art./src."),
        ),
        h("th", { scope: "col" }, bi("المقال", "Article")),
      ),
    ),
    tbody,
  );

  root.append(
    h("section", { class: "panel" }, h("h1", null, bi("بحث", "Search")), searchForm, hitsBox),
    h(
      "section",
      { class: "panel" },
      h("h2", null, bi("الأحداث", "Events"), " ", count),
      h(
        "details",
        { class: "filters-box", open: true },
        h("summary", null, bi("المرشحات", "Filters")),
        form.el,
      ),
      exportSlot,
      h("div", { class: "table-wrap" }, table),
      status,
      more,
    ),
  );

  let cursor: string | null = null;
  let loaded = 0;
  let generation = 0;
  let pageController: AbortController | null = null;
  let searchController: AbortController | null = null;
  ctx.signal.addEventListener("abort", () => {
    pageController?.abort();
    searchController?.abort();
  });

  function apply(f: Filters): void {
    filters = f;
    ctx.setFilters(filters);
    ctx.setParams(new URLSearchParams(query(filters, { limit: pageSize === PAGE ? null : pageSize })));
    clear(exportSlot);
    exportSlot.append(exportBar(filters));
    resetTable();
    void loadPage();
  }

  function resetTable(): void {
    generation++;
    pageController?.abort();
    cursor = null;
    loaded = 0;
    clear(tbody);
    count.textContent = "";
    more.hidden = true;
  }

  async function loadPage(): Promise<void> {
    const gen = generation;
    pageController = new AbortController();
    status.textContent = "جارٍ التحميل… / Loading…";
    more.disabled = true;
    try {
      const page = await api.events(filters, pageSize, cursor, pageController.signal);
      if (gen !== generation) return;
      const frag = document.createDocumentFragment();
      for (const ev of page.items) frag.append(row(ev));
      tbody.append(frag);
      loaded += page.items.length;
      cursor = page.next;
      more.hidden = !page.next;
      count.textContent = `(${loaded}${page.next ? "+" : ""})`;
      status.textContent = loaded === 0 ? "لا أحداث تطابق المرشحات / No events match the filters" : "";
    } catch (err) {
      if (isAbort(err) || gen !== generation) return;
      status.textContent = "";
      clear(status);
      status.append(errorBox(err));
    } finally {
      if (gen === generation) more.disabled = false;
    }
  }

  more.addEventListener("click", () => void loadPage());

  async function runSearch(q: string): Promise<void> {
    searchController?.abort();
    clear(hitsBox);
    if (!q) return;
    searchController = new AbortController();
    hitsBox.append(h("p", { class: "status" }, "جارٍ البحث… / Searching…"));
    try {
      const hits = await api.search(q, HITS, searchController.signal);
      clear(hitsBox);
      if (hits.length === 0) {
        hitsBox.append(h("p", { class: "status" }, "لا نتائج / No results"));
        return;
      }
      hitsBox.append(
        h("h3", null, bi("نتائج البحث", "Search results"), ` (${hits.length})`),
        h("ol", { class: "hit-list" }, hits.map(hitItem)),
      );
    } catch (err) {
      if (isAbort(err)) return;
      clear(hitsBox);
      hitsBox.append(errorBox(err));
    }
  }

  const onQuery = (q: string) => {
    const { q: _old, ...rest } = filters;
    apply(q ? { ...rest, q } : rest);
    void runSearch(q);
  };
  const later = debounce(onQuery, 300);
  input.addEventListener("input", () => later(input.value.trim()));
  searchForm.addEventListener("submit", (e) => {
    e.preventDefault();
    onQuery(input.value.trim());
  });

  apply(filters);
  if (filters.q) void runSearch(filters.q);
}

function hitItem(hit: SearchHit): HTMLElement {
  const href = `#/article/${encodeURIComponent(hit.article_id)}?sentence=${hit.sentence}`;
  return h(
    "li",
    { class: "hit", "data-testid": "search-hit" },
    h(
      "a",
      { href, class: "hit-title" },
      hit.title ? h("span", { dir: "auto" }, hit.title) : ltr(hit.article_id, "code"),
    ),
    hit.published ? h("span", { class: "muted" }, " · ", ltr(hit.published)) : null,
    h("p", { class: "snippet", dir: "auto" }, safeSnippet(hit.snippet)),
  );
}

function row(ev: StoredEvent): HTMLElement {
  const m = ev.mentions[0];
  const modalities = [...new Set(ev.mentions.map((x) => x.modality))];
  const place = ev.mentions.find((x) => x.location)?.location ?? null;
  const said = ev.mentions.find((x) => x.attribution)?.attribution ?? null;
  const href = articleHref(ev);
  const date = ev.date ?? m?.published ?? null;
  return h(
    "tr",
    { "data-testid": "event-row", "data-event-id": ev.id },
    h("td", { class: "date" }, date ? ltr(date) : "—"),
    h(
      "td",
      { class: "what" },
      triple(
        actor(ev.source_code, ev.source_name, m?.source_text),
        action(ev.cameo, ev.plover, ev.quad),
        actor(ev.target_code, ev.target_name, m?.target_text),
      ),
    ),
    h(
      "td",
      null,
      modalities.map((x) => modalityBadge(x)),
    ),
    h("td", null, place ? actor(place.code, place.name, place.text) : "—"),
    h("td", null, said ? actor(said.code, said.name) : "—"),
    h("td", { class: "num" }, ltr(`${ev.num_articles} / ${ev.num_sources}`)),
    h(
      "td",
      null,
      href && m
        ? h(
            "a",
            { href, class: "article-link", title: m.title ?? m.article_id },
            m.title ? h("span", { dir: "auto" }, m.title) : ltr(m.article_id),
          )
        : "—",
    ),
  );
}
