import { api, type Filters, filtersFrom, type Graph, type GraphEdge, type GraphNode, query } from "../api.js";
import { bi, errorBox, filterForm, isAbort } from "../components.js";
import { clear, h, s } from "../dom.js";
import type { ViewContext } from "../main.js";

/**
 * #/graph — the actor network of the filtered events: directed edges weighted
 * by count, green where cooperation dominates, red where conflict does, grey
 * when even. Laid out with a small deterministic force simulation in SVG.
 */

const W = 960;
const H = 640;

export function graphView(root: HTMLElement, ctx: ViewContext): void {
  let filters: Filters = filtersFrom(ctx.route.params);
  let limit = Number(ctx.route.params.get("limit")) || 100;
  const chart = h("div", { class: "graph-wrap", dir: "ltr" });
  const status = h("p", { class: "status", "aria-live": "polite" });
  const form = filterForm(
    filters,
    (f) => {
      filters = f;
      reload();
    },
    { withQuery: true },
  );
  const limitSelect = h(
    "select",
    { id: "graph-limit" },
    [30, 100, 200, 500].map((n) => h("option", { value: n, selected: n === limit }, String(n))),
  );
  limitSelect.addEventListener("change", () => {
    limit = Number(limitSelect.value);
    reload();
  });

  root.append(
    h(
      "section",
      { class: "panel" },
      h("h1", null, bi("شبكة الفاعلين", "Actor network")),
      h("details", { class: "filters-box" }, h("summary", null, bi("المرشحات", "Filters")), form.el),
      h(
        "div",
        { class: "graph-controls" },
        h("label", { for: "graph-limit" }, bi("الحد الأقصى", "Limit"), " "),
        limitSelect,
        h(
          "ul",
          { class: "legend" },
          h("li", null, h("span", { class: "swatch coop" }), bi("تعاون غالب", "Cooperation-dominant")),
          h("li", null, h("span", { class: "swatch conflict" }), bi("صراع غالب", "Conflict-dominant")),
          h("li", null, h("span", { class: "swatch even" }), bi("متعادل", "Even")),
        ),
      ),
      status,
      chart,
      h("p", { class: "muted hint" }, "انقر على فاعل لعرض أحداثه / Click an actor to list its events"),
    ),
  );

  let controller: AbortController | null = null;
  ctx.signal.addEventListener("abort", () => controller?.abort());

  function reload(): void {
    ctx.setFilters(filters);
    ctx.setParams(new URLSearchParams(query(filters, { limit: limit === 100 ? null : limit })));
    controller?.abort();
    controller = new AbortController();
    status.textContent = "جارٍ التحميل… / Loading…";
    api
      .graph(filters, limit, controller.signal)
      .then((g) => {
        clear(chart);
        status.textContent = g.edges.length
          ? ""
          : "لا علاقات تطابق المرشحات / No relations match the filters";
        if (g.edges.length) chart.append(drawGraph(g, filters));
      })
      .catch((err: unknown) => {
        if (isAbort(err)) return;
        status.textContent = "";
        clear(chart);
        chart.append(errorBox(err));
      });
  }
  reload();
}

interface Pos {
  node: GraphNode;
  x: number;
  y: number;
  vx: number;
  vy: number;
  r: number;
}

function kind(e: GraphEdge): "coop" | "conflict" | "even" {
  return e.cooperation > e.conflict ? "coop" : e.conflict > e.cooperation ? "conflict" : "even";
}

function drawGraph(g: Graph, filters: Filters): SVGSVGElement {
  // Nodes: the API's, plus any edge end it left out.
  const byId = new Map<string, GraphNode>();
  for (const n of g.nodes) byId.set(n.id, n);
  for (const e of g.edges) {
    for (const id of [e.source, e.target]) {
      if (!byId.has(id)) byId.set(id, { id, name: null, count: 0 });
    }
  }
  const degree = new Map<string, number>();
  for (const e of g.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + e.weight);
    degree.set(e.target, (degree.get(e.target) ?? 0) + e.weight);
  }
  const nodes = [...byId.values()].sort(
    (a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || a.id.localeCompare(b.id),
  );
  const maxCount = Math.max(1, ...nodes.map((n) => n.count || degree.get(n.id) || 0));
  const pos = new Map<string, Pos>();
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / nodes.length;
    const ring = Math.min(W, H) * 0.38;
    const c = node.count || degree.get(node.id) || 0;
    pos.set(node.id, {
      node,
      x: W / 2 + ring * Math.cos(angle),
      y: H / 2 + ring * Math.sin(angle),
      vx: 0,
      vy: 0,
      r: 7 + 15 * Math.sqrt(c / maxCount),
    });
  });
  layout([...pos.values()], g.edges, pos);

  const maxW = Math.max(1, ...g.edges.map((e) => e.weight));
  const svg = s("svg", {
    viewBox: `0 0 ${W} ${H}`,
    class: "graph",
    role: "img",
    "aria-label": "شبكة الفاعلين / Actor network",
    "data-testid": "graph",
  });
  svg.append(
    s(
      "defs",
      null,
      (["coop", "conflict", "even"] as const).map((k) =>
        s(
          "marker",
          {
            id: `arrow-${k}`,
            viewBox: "0 0 10 10",
            refX: 9,
            refY: 5,
            markerWidth: 4,
            markerHeight: 4,
            markerUnits: "strokeWidth",
            orient: "auto-start-reverse",
          },
          s("path", { d: "M0,0 L10,5 L0,10 z", class: `arrowhead ${k}` }),
        ),
      ),
    ),
  );
  const pairs = new Set(g.edges.map((e) => `${e.source}\u0000${e.target}`));
  const edgeLayer = s("g", { class: "edges" });
  const labelLayer = s("g", { class: "edge-labels" });
  for (const e of g.edges) {
    const a = pos.get(e.source);
    const b = pos.get(e.target);
    if (!a || !b) continue;
    const k = kind(e);
    const width = 1.2 + 5 * Math.sqrt(e.weight / maxW);
    const { d, mx, my } = edgePath(a, b, pairs.has(`${e.target}\u0000${e.source}`), width);
    edgeLayer.append(
      s(
        "path",
        {
          d,
          class: `edge ${k}`,
          "stroke-width": width.toFixed(2),
          "marker-end": `url(#arrow-${k})`,
          "data-testid": "graph-edge",
          "data-source": e.source,
          "data-target": e.target,
          "data-weight": e.weight,
        },
        s(
          "title",
          null,
          `${e.source} → ${e.target}: ${e.weight} (تعاون / cooperation ${e.cooperation}، صراع / conflict ${e.conflict})`,
        ),
      ),
    );
    if (e.weight > 1) {
      labelLayer.append(
        s(
          "text",
          { x: mx.toFixed(1), y: (my + 4).toFixed(1), class: `edge-label ${k}`, "text-anchor": "middle" },
          String(e.weight),
        ),
      );
    }
  }
  const nodeLayer = s("g", { class: "nodes" });
  for (const p of pos.values()) {
    const label = p.node.id;
    const href = `#/?${query({ ...filters, actor: p.node.id })}`;
    const a = s(
      "a",
      { href, class: "node-link" },
      s(
        "g",
        {
          class: "node",
          transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`,
          "data-testid": "graph-node",
          "data-code": p.node.id,
        },
        s(
          "title",
          null,
          `${p.node.id}${p.node.name && p.node.name !== p.node.id ? ` — ${p.node.name}` : ""} (${p.node.count || degree.get(p.node.id) || 0})`,
        ),
        s("circle", { r: p.r.toFixed(1) }),
        s("text", { class: "node-code", y: (p.r + 13).toFixed(1), "text-anchor": "middle" }, label),
        p.node.name && p.node.name !== p.node.id
          ? s(
              "text",
              { class: "node-name", y: (p.r + 26).toFixed(1), "text-anchor": "middle" },
              shorten(p.node.name, 28),
            )
          : null,
      ),
    );
    nodeLayer.append(a);
  }
  svg.append(edgeLayer, labelLayer, nodeLayer);
  return svg;
}

function shorten(t: string, n: number): string {
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

/** A straight edge, or a gently curved one when both directions exist; trimmed to the node circles. */
function edgePath(a: Pos, b: Pos, curved: boolean, width: number): { d: string; mx: number; my: number } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const x1 = a.x + ux * a.r;
  const y1 = a.y + uy * a.r;
  const x2 = b.x - ux * (b.r + 2 + width);
  const y2 = b.y - uy * (b.r + 2 + width);
  if (!curved)
    return {
      d: `M${x1.toFixed(1)},${y1.toFixed(1)} L${x2.toFixed(1)},${y2.toFixed(1)}`,
      mx: (x1 + x2) / 2,
      my: (y1 + y2) / 2,
    };
  const bend = Math.min(40, len * 0.15);
  const cx = (x1 + x2) / 2 - uy * bend;
  const cy = (y1 + y2) / 2 + ux * bend;
  return {
    d: `M${x1.toFixed(1)},${y1.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`,
    mx: 0.25 * x1 + 0.5 * cx + 0.25 * x2,
    my: 0.25 * y1 + 0.5 * cy + 0.25 * y2,
  };
}

/** Fruchterman–Reingold style: repulsion between all nodes, springs along edges, gravity to the centre. */
function layout(nodes: Pos[], edges: GraphEdge[], pos: Map<string, Pos>): void {
  const n = nodes.length;
  if (n < 2) {
    if (nodes[0]) Object.assign(nodes[0], { x: W / 2, y: H / 2 });
    return;
  }
  const k = Math.sqrt((W * H) / n) * 0.55;
  const iterations = n > 300 ? 120 : 300;
  let temp = W / 8;
  for (let it = 0; it < iterations; it++) {
    for (const p of nodes) {
      p.vx = 0;
      p.vy = 0;
    }
    for (let i = 0; i < n; i++) {
      const a = nodes[i] as Pos;
      for (let j = i + 1; j < n; j++) {
        const b = nodes[j] as Pos;
        let dx = a.x - b.x;
        let dy = a.y - b.y;
        let d = Math.hypot(dx, dy);
        if (d < 0.01) {
          dx = 0.01 * (i - j);
          dy = 0.01;
          d = Math.hypot(dx, dy);
        }
        const f = (k * k) / d;
        a.vx += (dx / d) * f;
        a.vy += (dy / d) * f;
        b.vx -= (dx / d) * f;
        b.vy -= (dy / d) * f;
      }
    }
    for (const e of edges) {
      const a = pos.get(e.source);
      const b = pos.get(e.target);
      if (!a || !b || a === b) continue;
      const dx = a.x - b.x;
      const dy = a.y - b.y;
      const d = Math.hypot(dx, dy) || 0.01;
      const f = (d * d) / k;
      a.vx -= (dx / d) * f;
      a.vy -= (dy / d) * f;
      b.vx += (dx / d) * f;
      b.vy += (dy / d) * f;
    }
    for (const p of nodes) {
      p.vx += (W / 2 - p.x) * 0.006 * k;
      p.vy += (H / 2 - p.y) * 0.006 * k;
      const v = Math.hypot(p.vx, p.vy) || 1;
      const step = Math.min(v, temp);
      p.x += (p.vx / v) * step;
      p.y += (p.vy / v) * step;
      const m = p.r + 30;
      p.x = Math.max(m, Math.min(W - m, p.x));
      p.y = Math.max(m, Math.min(H - m - 16, p.y));
    }
    temp = Math.max(1, temp * 0.985);
  }
}
