import { type Filters, filtersFrom, query } from "./api.js";
import { clear } from "./dom.js";
import { articleView } from "./views/article.js";
import { eventsView } from "./views/events.js";
import { graphView } from "./views/graph.js";
import { timelineView } from "./views/timeline.js";

/**
 * marsad web UI: a single page with hash routes
 *   #/                 search and events
 *   #/article/:id      one article, its entities and events
 *   #/graph            actor network
 *   #/timeline         event counts over time
 * Filters travel in the route's query (#/graph?source=USA), so every view is
 * a shareable link; the nav bar carries the current filters along.
 */

export interface Route {
  name: "events" | "article" | "graph" | "timeline" | "missing";
  path: string;
  id: string | null;
  params: URLSearchParams;
}

export interface ViewContext {
  route: Route;
  signal: AbortSignal;
  /** Rewrites the current route's query without re-rendering (replaceState). */
  setParams(params: URLSearchParams): void;
  /** Remembers the filters for the nav links. */
  setFilters(f: Filters): void;
}

export type View = (root: HTMLElement, ctx: ViewContext) => void;

const views: Record<Route["name"], View> = {
  events: eventsView,
  article: articleView,
  graph: graphView,
  timeline: timelineView,
  missing: (root) => {
    root.append(document.createTextNode("الصفحة غير موجودة / Page not found"));
  },
};

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, "") || "/";
  const qi = raw.indexOf("?");
  const path = qi >= 0 ? raw.slice(0, qi) : raw;
  const params = new URLSearchParams(qi >= 0 ? raw.slice(qi + 1) : "");
  const parts = path.split("/").filter(Boolean);
  if (parts.length === 0) return { name: "events", path: "/", id: null, params };
  if (parts[0] === "article" && parts.length >= 2) {
    let id: string;
    try {
      id = decodeURIComponent(parts.slice(1).join("/"));
    } catch {
      id = parts.slice(1).join("/");
    }
    return { name: "article", path, id, params };
  }
  if (parts[0] === "graph") return { name: "graph", path, id: null, params };
  if (parts[0] === "timeline") return { name: "timeline", path, id: null, params };
  if (parts[0] === "events" || parts[0] === "search") return { name: "events", path, id: null, params };
  return { name: "missing", path, id: null, params };
}

let filters: Filters = {};
let lastArticle: string | null = null;
let controller: AbortController | null = null;

function updateNav(route: Route): void {
  const q = query(filters);
  const suffix = q ? `?${q}` : "";
  for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>("a[data-nav]"))) {
    const nav = a.dataset.nav;
    if (nav === "events") a.href = `#/${suffix}`;
    else if (nav === "graph") a.href = `#/graph${suffix}`;
    else if (nav === "timeline") a.href = `#/timeline${suffix}`;
    else if (nav === "article") {
      if (lastArticle) {
        a.href = `#/article/${encodeURIComponent(lastArticle)}`;
        a.removeAttribute("aria-disabled");
        a.title = lastArticle;
      } else {
        a.href = `#/${suffix}`;
        a.setAttribute("aria-disabled", "true");
        a.title = "افتح مقالاً من قائمة الأحداث / Open an article from the events list";
      }
    }
    if (nav === route.name) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}

function render(): void {
  const route = parseHash(location.hash);
  controller?.abort();
  controller = new AbortController();
  if (route.name === "article" && route.id) lastArticle = route.id;
  if (route.name === "events" || route.name === "graph" || route.name === "timeline")
    filters = filtersFrom(route.params);
  updateNav(route);
  const root = document.getElementById("app");
  if (!root) return;
  clear(root);
  root.dataset.view = route.name;
  const ctx: ViewContext = {
    route,
    signal: controller.signal,
    setParams(params) {
      route.params = params;
      const q = params.toString();
      history.replaceState(null, "", `#${route.path}${q ? `?${q}` : ""}`);
    },
    setFilters(f) {
      filters = f;
      updateNav(route);
    },
  };
  views[route.name](root, ctx);
  window.scrollTo(0, 0);
}

window.addEventListener("hashchange", render);
render();
