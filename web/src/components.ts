import { api, type Filters, type StoredEvent } from "./api.js";
import { debounce, h, ltr } from "./dom.js";
import { CAMEO_ROOTS, MODALITIES, PLOVER, QUADS, quadOfCameo, TOPICS } from "./labels.js";

/** Building blocks shared by the views. */

export function bi(ar: string, en: string): HTMLElement {
  return h("span", { class: "bi" }, ar, " / ", h("span", { lang: "en", class: "en" }, en));
}

export function errorBox(err: unknown): HTMLElement {
  const message = err instanceof Error ? err.message : String(err);
  return h(
    "div",
    { class: "error", role: "alert" },
    h("strong", null, "خطأ / Error: "),
    h("span", { dir: "auto" }, message),
  );
}

export function isAbort(err: unknown): boolean {
  return err instanceof Error && err.name === "AbortError";
}

/** An actor as code (left-to-right) with its name underneath, or a dash. */
export function actor(
  code: string | null | undefined,
  name: string | null | undefined,
  text?: string | null,
): HTMLElement {
  if (!code && !name && !text) return h("span", { class: "actor actor-none" }, "—");
  const el = h("span", { class: "actor" });
  if (code) el.append(ltr(code, "code"));
  const label = name ?? text;
  if (label) el.append(h("span", { class: "actor-name", dir: "auto" }, label));
  const tip = [code, name, text].filter(Boolean).join(" · ");
  if (tip) el.title = tip;
  return el;
}

/** An actor on one line: its name (or the article's words) then its code, e.g. "غزة PSE". */
export function actorInline(
  code: string | null | undefined,
  name: string | null | undefined,
  text?: string | null,
): HTMLElement {
  const label = name ?? text;
  const el = h("span", { class: "actor-inline" });
  if (label) el.append(h("span", { dir: "auto" }, label));
  if (label && code) el.append(" ");
  if (code) el.append(ltr(code, "code"));
  if (!label && !code) el.append("—");
  const tip = [code, name, text].filter(Boolean).join(" · ");
  if (tip) el.title = tip;
  return el;
}

/** The action: CAMEO code and PLOVER type, coloured by quad class. */
export function action(cameo: string, plover: string, quad?: number | null): HTMLElement {
  const q = quad ?? quadOfCameo(cameo);
  const root = CAMEO_ROOTS[cameo.slice(0, 2)];
  const el = h(
    "span",
    { class: `action quad-${q ?? 0}` },
    ltr(cameo, "code"),
    " ",
    h("span", { class: "plover", lang: "en" }, plover),
    PLOVER[plover] ? h("span", { class: "plover-ar" }, ` ${PLOVER[plover]}`) : null,
  );
  const tips = [`CAMEO ${cameo}${root ? ` (${root.en} / ${root.ar})` : ""}`, `PLOVER ${plover}`];
  if (q && QUADS[String(q)]) tips.push(`${QUADS[String(q)]?.en} / ${QUADS[String(q)]?.ar}`);
  el.title = tips.join(" · ");
  return el;
}

/** "source ← action ← target" (arrows point from source to target in right-to-left reading). */
export function triple(source: HTMLElement, act: HTMLElement, target: HTMLElement): HTMLElement {
  return h(
    "span",
    { class: "triple", "aria-label": "source → action → target" },
    source,
    h("span", { class: "arrow", "aria-hidden": "true" }, "←"),
    act,
    h("span", { class: "arrow", "aria-hidden": "true" }, "←"),
    target,
  );
}

export function modalityBadge(m: string | null | undefined): HTMLElement | null {
  if (!m) return null;
  const label = MODALITIES[m];
  return h("span", { class: `badge modality-${m}`, title: label ? `${label.en}` : m }, label ? label.ar : m);
}

export function articleHref(ev: StoredEvent): string | null {
  const m = ev.mentions[0];
  if (!m) return null;
  const p = new URLSearchParams({ event: String(ev.id) });
  if (m.evidence_start !== null && m.evidence_end !== null)
    p.set("span", `${m.evidence_start}-${m.evidence_end}`);
  p.set("cameo", ev.cameo);
  p.set("pair", `${ev.source_code ?? ""}-${ev.target_code ?? ""}`);
  return `#/article/${encodeURIComponent(m.article_id)}?${p}`;
}

function option(value: string, label: string, selected: string | undefined): HTMLOptionElement {
  return h("option", { value, selected: selected === value }, label);
}

/**
 * The filter form (source, target, either actor, CAMEO, PLOVER, quad class,
 * modality, dates, topic, and optionally the text query). Text fields apply
 * after a short pause, selects and dates at once.
 */
export function filterForm(
  initial: Filters,
  onChange: (f: Filters) => void,
  opts: { withQuery?: boolean } = {},
): { el: HTMLFormElement; values: () => Filters } {
  const codeInput = (name: string, ar: string, en: string, placeholder: string) =>
    field(
      name,
      ar,
      en,
      h("input", {
        name,
        id: `f-${name}`,
        type: "text",
        dir: "ltr",
        placeholder,
        autocomplete: "off",
        spellcheck: "false",
        pattern: "[A-Za-z]{3,18}",
        value: initial[name as keyof Filters] ?? "",
        class: "code-input",
      }),
    );
  const select = (name: keyof Filters, ar: string, en: string, options: Array<[string, string]>) =>
    field(
      name,
      ar,
      en,
      h(
        "select",
        { name, id: `f-${name}` },
        option("", "الكل / All", initial[name]),
        options.map(([v, l]) => option(v, l, initial[name])),
      ),
    );

  const form = h(
    "form",
    { class: "filters", "data-testid": "filters", autocomplete: "off" },
    opts.withQuery
      ? field(
          "q",
          "نص",
          "Text",
          h("input", {
            name: "q",
            id: "f-q",
            type: "search",
            dir: "auto",
            value: initial.q ?? "",
            placeholder: "غزة",
          }),
        )
      : null,
    codeInput("source", "المصدر", "Source", "USA"),
    codeInput("target", "الهدف", "Target", "ISR"),
    codeInput("actor", "أي طرف", "Either actor", "EGY"),
    field(
      "cameo",
      "رمز CAMEO",
      "CAMEO root/code",
      h("input", {
        name: "cameo",
        id: "f-cameo",
        type: "text",
        dir: "ltr",
        inputmode: "numeric",
        pattern: "\\d{2,4}",
        placeholder: "04 / 036",
        value: initial.cameo ?? "",
        list: "cameo-roots",
        autocomplete: "off",
      }),
      h(
        "datalist",
        { id: "cameo-roots" },
        Object.entries(CAMEO_ROOTS).map(([code, l]) => h("option", { value: code }, `${l.ar} / ${l.en}`)),
      ),
    ),
    select(
      "plover",
      "نوع PLOVER",
      "PLOVER type",
      Object.entries(PLOVER).map(([k, ar]) => [k, `${ar} / ${k}`]),
    ),
    select(
      "quad",
      "الفئة",
      "Quad class",
      Object.entries(QUADS).map(([k, l]) => [k, `${k}: ${l.ar} / ${l.en}`]),
    ),
    select(
      "modality",
      "الصيغة",
      "Modality",
      Object.entries(MODALITIES).map(([k, l]) => [k, `${l.ar} / ${l.en}`]),
    ),
    field(
      "from",
      "من",
      "From",
      h("input", { name: "from", id: "f-from", type: "date", value: initial.from ?? "" }),
    ),
    field("to", "إلى", "To", h("input", { name: "to", id: "f-to", type: "date", value: initial.to ?? "" })),
    select(
      "topic",
      "الموضوع",
      "Topic",
      Object.entries(TOPICS).map(([k, ar]) => [k, `${ar} / ${k}`]),
    ),
    h(
      "div",
      { class: "field field-buttons" },
      h("button", { type: "reset", class: "secondary" }, "مسح / Clear"),
    ),
  );

  const values = (): Filters => {
    const data = new FormData(form);
    const f: Filters = {};
    for (const [k, v] of data.entries()) {
      if (typeof v !== "string") continue;
      let value = v.trim();
      if (["source", "target", "actor"].includes(k)) value = value.toUpperCase();
      if (value) (f as Record<string, string>)[k] = value;
    }
    return f;
  };
  const fire = () => onChange(values());
  const later = debounce(fire, 450);
  form.addEventListener("input", (e) => {
    const t = e.target as HTMLElement;
    if (t instanceof HTMLInputElement && (t.type === "text" || t.type === "search")) later();
  });
  form.addEventListener("change", (e) => {
    const t = e.target as HTMLElement;
    if (t instanceof HTMLSelectElement || (t instanceof HTMLInputElement && t.type === "date")) fire();
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    fire();
  });
  form.addEventListener("reset", () =>
    setTimeout(() => {
      for (const el of Array.from(form.elements)) {
        if (el instanceof HTMLInputElement) el.value = "";
        if (el instanceof HTMLSelectElement) el.value = "";
      }
      fire();
    }),
  );
  return { el: form, values };
}

function field(name: string, ar: string, en: string, ...control: HTMLElement[]): HTMLElement {
  return h(
    "div",
    { class: `field field-${name}` },
    h("label", { for: `f-${name}` }, ar, " / ", h("span", { lang: "en" }, en)),
    ...control,
  );
}

export function exportBar(filters: Filters): HTMLElement {
  const link = (format: "csv" | "jsonl" | "gdelt", label: string) =>
    h(
      "a",
      {
        class: "button",
        href: api.exportUrl(filters, format),
        download: `marsad-events.${format === "jsonl" ? "jsonl" : format === "gdelt" ? "gdelt.tsv" : "csv"}`,
        "data-testid": `export-${format}`,
      },
      label,
    );
  return h(
    "div",
    { class: "export-bar" },
    h("span", { class: "export-label" }, bi("تصدير", "Export"), ": "),
    link("csv", "CSV"),
    link("jsonl", "JSON Lines"),
    link("gdelt", "GDELT"),
  );
}
