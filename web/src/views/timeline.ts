import { api, type Filters, filtersFrom, query, type TimelineBucket } from "../api.js";
import { bi, errorBox, filterForm, isAbort } from "../components.js";
import { clear, h, s } from "../dom.js";
import { CAMEO_ROOTS, QUADS } from "../labels.js";
import type { ViewContext } from "../main.js";

/** #/timeline — stacked bars of event counts per day/week/month, by CAMEO root or quad class. */

const H = 360;
const PAD = { top: 16, right: 16, bottom: 64, left: 48 };

const QUAD_COLOURS: Record<string, string> = {
  "1": "#4caf7a",
  "2": "#1f7a4d",
  "3": "#e8893a",
  "4": "#c0392b",
};

/** Root colours: shades of the root's quad class colour family. */
const ROOT_COLOURS: Record<string, string> = {
  "01": "#a7dcb9",
  "02": "#86cfa0",
  "03": "#66c288",
  "04": "#45b26f",
  "05": "#2f9a5a",
  "06": "#2b7bb9",
  "07": "#1f5f96",
  "08": "#16476f",
  "09": "#ffd08a",
  "10": "#fdb863",
  "11": "#f59b42",
  "12": "#e8802a",
  "13": "#cc6a1a",
  "14": "#f4a3a3",
  "15": "#e57373",
  "16": "#d9534f",
  "17": "#c0392b",
  "18": "#a12a20",
  "19": "#7f1d16",
  "20": "#4d0f0b",
};

export function timelineView(root: HTMLElement, ctx: ViewContext): void {
  let filters: Filters = filtersFrom(ctx.route.params);
  const p = ctx.route.params;
  let bucket = ["day", "week", "month"].includes(p.get("bucket") ?? "") ? (p.get("bucket") as string) : "day";
  let by = p.get("by") === "quad" ? "quad" : "root";
  const chart = h("div", { class: "chart-wrap", dir: "ltr" });
  const legend = h("ul", { class: "legend" });
  const tableBox = h("details", { class: "data-table" });
  const status = h("p", { class: "status", "aria-live": "polite" });
  const form = filterForm(
    filters,
    (f) => {
      filters = f;
      reload();
    },
    { withQuery: true },
  );
  const select = (id: string, value: string, options: Array<[string, string]>, on: (v: string) => void) => {
    const el = h(
      "select",
      { id },
      options.map(([v, l]) => h("option", { value: v, selected: v === value }, l)),
    );
    el.addEventListener("change", () => on(el.value));
    return el;
  };
  root.append(
    h(
      "section",
      { class: "panel" },
      h("h1", null, bi("الخط الزمني", "Timeline")),
      h("details", { class: "filters-box" }, h("summary", null, bi("المرشحات", "Filters")), form.el),
      h(
        "div",
        { class: "graph-controls" },
        h("label", { for: "tl-bucket" }, bi("الفترة", "Period"), " "),
        select(
          "tl-bucket",
          bucket,
          [
            ["day", "يوم / Day"],
            ["week", "أسبوع / Week"],
            ["month", "شهر / Month"],
          ],
          (v) => {
            bucket = v;
            reload();
          },
        ),
        h("label", { for: "tl-by" }, bi("حسب", "By"), " "),
        select(
          "tl-by",
          by,
          [
            ["root", "جذر CAMEO / CAMEO root"],
            ["quad", "الفئة / Quad class"],
          ],
          (v) => {
            by = v;
            reload();
          },
        ),
      ),
      status,
      chart,
      legend,
      tableBox,
    ),
  );

  let controller: AbortController | null = null;
  ctx.signal.addEventListener("abort", () => controller?.abort());

  function reload(): void {
    ctx.setFilters(filters);
    ctx.setParams(
      new URLSearchParams(
        query(filters, { bucket: bucket === "day" ? null : bucket, by: by === "root" ? null : by }),
      ),
    );
    controller?.abort();
    controller = new AbortController();
    status.textContent = "جارٍ التحميل… / Loading…";
    api
      .timeline(filters, bucket, by, controller.signal)
      .then((rows) => {
        clear(chart);
        clear(legend);
        clear(tableBox);
        status.textContent = rows.length ? "" : "لا أحداث تطابق المرشحات / No events match the filters";
        if (rows.length) draw(rows, by, chart, legend, tableBox);
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

function keyLabel(by: string, key: string): string {
  if (by === "quad") {
    const q = QUADS[key];
    return q ? `${key}: ${q.ar} / ${q.en}` : key;
  }
  const r = CAMEO_ROOTS[key];
  return r ? `${key}: ${r.ar} / ${r.en}` : key;
}

function colour(by: string, key: string): string {
  return (by === "quad" ? QUAD_COLOURS[key] : ROOT_COLOURS[key]) ?? "#888";
}

function niceStep(max: number): number {
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(raw || 1));
  const n = raw / mag;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * mag;
}

function draw(
  rows: TimelineBucket[],
  by: string,
  chart: HTMLElement,
  legend: HTMLElement,
  tableBox: HTMLElement,
): void {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const keys = [...new Set(rows.map((r) => r.key))].sort();
  const counts = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const m = counts.get(r.period) ?? new Map<string, number>();
    m.set(r.key, (m.get(r.key) ?? 0) + r.count);
    counts.set(r.period, m);
  }
  const totals = periods.map((p) => [...(counts.get(p)?.values() ?? [])].reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const step = Math.max(1, niceStep(max));
  const top = Math.ceil(max / step) * step;

  const barSlot = Math.max(6, Math.min(60, 900 / periods.length));
  const W = PAD.left + PAD.right + barSlot * periods.length;
  const innerH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + innerH - (v / top) * innerH;

  const svg = s("svg", {
    viewBox: `0 0 ${W} ${H}`,
    width: W,
    height: H,
    class: "timeline",
    role: "img",
    "aria-label": "الخط الزمني / Timeline",
    "data-testid": "timeline",
  });
  const axis = s("g", { class: "axis" });
  for (let v = 0; v <= top; v += step) {
    axis.append(
      s("line", {
        x1: PAD.left,
        x2: W - PAD.right,
        y1: y(v),
        y2: y(v),
        class: v === 0 ? "baseline" : "grid",
      }),
      s("text", { x: PAD.left - 6, y: y(v) + 4, "text-anchor": "end" }, String(v)),
    );
  }
  const labelEvery = Math.ceil(periods.length / Math.max(1, Math.floor((barSlot * periods.length) / 70)));
  const bars = s("g", { class: "bars" });
  periods.forEach((period, i) => {
    const x = PAD.left + i * barSlot + barSlot * 0.1;
    const w = barSlot * 0.8;
    let acc = 0;
    const m = counts.get(period);
    for (const key of keys) {
      const c = m?.get(key) ?? 0;
      if (!c) continue;
      bars.append(
        s(
          "rect",
          {
            x: x.toFixed(1),
            y: y(acc + c).toFixed(1),
            width: w.toFixed(1),
            height: (y(acc) - y(acc + c)).toFixed(1),
            fill: colour(by, key),
            "data-testid": "timeline-bar",
            "data-period": period,
            "data-key": key,
          },
          s("title", null, `${period} · ${keyLabel(by, key)}: ${c}`),
        ),
      );
      acc += c;
    }
    if (i % labelEvery === 0) {
      const lx = x + w / 2;
      const ly = H - PAD.bottom + 14;
      axis.append(
        s(
          "text",
          { x: lx, y: ly, "text-anchor": "end", transform: `rotate(-40 ${lx} ${ly})`, class: "period" },
          period,
        ),
      );
    }
  });
  svg.append(axis, bars);
  chart.append(svg);

  for (const key of keys) {
    legend.append(
      h("li", null, h("span", { class: "swatch", "data-colour": colour(by, key) }), keyLabel(by, key)),
    );
  }
  // Swatch colours through the CSSOM (no inline style attributes).
  for (const sw of Array.from(legend.querySelectorAll<HTMLElement>("[data-colour]")))
    sw.style.background = sw.dataset.colour ?? "";

  tableBox.append(
    h("summary", null, bi("البيانات", "Data"), ` (${rows.length})`),
    h(
      "table",
      { class: "events compact" },
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          h("th", null, bi("الفترة", "Period")),
          h("th", null, bi("المفتاح", "Key")),
          h("th", null, bi("العدد", "Count")),
        ),
      ),
      h(
        "tbody",
        null,
        rows.map((r) =>
          h(
            "tr",
            null,
            h("td", { dir: "ltr" }, r.period),
            h("td", null, keyLabel(by, r.key)),
            h("td", { class: "num" }, String(r.count)),
          ),
        ),
      ),
    ),
  );
}
