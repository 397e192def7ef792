/**
 * Tiny DOM helpers. Every piece of text from the API (article text, actor
 * names, titles…) goes into the page as a text node or an attribute value —
 * never as HTML. The one exception, search snippets, is parsed in an inert
 * document and rebuilt from its text and <mark> elements only (safeSnippet).
 */

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: Array<Child | Child[]>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: Array<Child | Child[]>
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el: Element, attrs: Attrs | null): void {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (/^on/i.test(k)) throw new Error(`inline event handler attribute "${k}" is not allowed`);
    if ((k === "href" || k === "src") && typeof v === "string" && !safeUrl(v)) continue;
    el.setAttribute(k, v === true ? "" : String(v));
  }
}

export function append(el: Node, children: Array<Child | Child[]>): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
}

/** Only same-document links (#, relative, /api) and http(s) URLs: never javascript: or data:. */
export function safeUrl(url: string): boolean {
  const u = url.trim();
  if (u.startsWith("#") || u.startsWith("/") || u.startsWith("./")) return !u.startsWith("//");
  return /^https?:\/\//i.test(u);
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** Text kept left-to-right inside the right-to-left page (codes, dates, numbers). */
export function ltr(text: string | number, cls?: string): HTMLElement {
  return h("bdi", { dir: "ltr", class: cls }, String(text));
}

/**
 * A search snippet (server-escaped text with <mark> around matches) as DOM
 * nodes: parsed with DOMParser (an inert document: no scripts run, nothing
 * loads), then rebuilt from text nodes and <mark> elements only.
 */
export function safeSnippet(html: string): DocumentFragment {
  const out = document.createDocumentFragment();
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, "text/html");
  const walk = (node: Node, into: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        into.appendChild(document.createTextNode(child.textContent ?? ""));
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if ((child as Element).tagName.toLowerCase() === "mark") {
          const m = document.createElement("mark");
          walk(child, m);
          into.appendChild(m);
        } else {
          // Anything else (should never happen): keep only its text.
          into.appendChild(document.createTextNode(child.textContent ?? ""));
        }
      }
    }
  };
  walk(parsed.body, out);
  return out;
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let t: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (t !== undefined) clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}
