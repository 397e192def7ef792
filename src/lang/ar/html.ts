import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

/**
 * HTML input: the article's title and body text, found by Mozilla Readability
 * over a linkedom DOM. Block elements (p, h1–h6, li, blockquote…) become lines,
 * so headings and paragraphs keep their structure for sentence splitting.
 */

export interface HtmlArticle {
  title: string | null;
  text: string;
}

const BLOCK = new Set([
  "P",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "LI",
  "BLOCKQUOTE",
  "PRE",
  "DIV",
  "SECTION",
  "ARTICLE",
  "HEADER",
  "FOOTER",
  "TR",
  "DD",
  "DT",
  "FIGCAPTION",
  "TD",
  "TH",
  "UL",
  "OL",
  "TABLE",
  "MAIN",
  "ASIDE",
]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "NAV", "FORM", "BUTTON"]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Flattens a DOM subtree into text with one line per block element. */
function blockText(root: DomNode): string {
  const lines: string[] = [];
  let current = "";
  const flush = () => {
    const line = current.replace(/\s+/g, " ").trim();
    if (line) lines.push(line);
    current = "";
  };
  // iterative walk: deeply nested markup must not overflow the stack, and keeps its
  // paragraphs apart at any depth (flattening deep subtrees glued them: "غزة.وأدانت")
  const stack: Array<{ node: DomNode; exit?: boolean }> = [{ node: root }];
  while (stack.length) {
    const item = stack.pop()!;
    const { node } = item;
    if (item.exit) {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      current += node.textContent ?? "";
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) continue;
    if (name === "BR") {
      flush();
      continue;
    }
    const block = BLOCK.has(name);
    if (block) {
      flush();
      stack.push({ node, exit: true });
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i];
      if (kid) stack.push({ node: kid });
    }
  }
  flush();
  return lines.join("\n");
}

/** Extracts the article from an HTML page. */
export function extractHtml(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const pageTitle = document.querySelector("title")?.textContent?.trim() || null;
  let parsed: { title?: string | null; content?: string | null } | null = null;
  try {
    // Readability mutates the DOM it reads: give it its own copy
    const copy = parseHTML(html).document;
    parsed = new Readability(copy as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 200,
    }).parse();
  } catch {
    parsed = null;
  }
  let text = "";
  if (parsed?.content) {
    const inner = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`).document;
    text = blockText(inner.body as unknown as DomNode);
  }
  if (!text.trim() && document.body) text = blockText(document.body as unknown as DomNode);
  const title = parsed?.title?.trim() || pageTitle || null;
  // the page's own <h1> repeating the title is the title, not a body line
  const lines = text.split("\n");
  if (title && lines[0]?.trim() === title) text = lines.slice(1).join("\n");
  return { title, text };
}
