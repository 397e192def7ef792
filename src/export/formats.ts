import type { StoredEvent } from "../store/types.js";

/**
 * Event exports: JSON Lines (the stored event with its mentions), CSV (one
 * row per event, flat columns) and GDELT 2.0 event-table rows (tab-separated,
 * the 61 columns in GDELT's order, filled where marsad knows the value).
 */

export const CSV_COLUMNS = [
  "id",
  "date",
  "source_code",
  "source_name",
  "target_code",
  "target_name",
  "cameo",
  "plover",
  "quad",
  "goldstein",
  "modality",
  "location",
  "location_code",
  "attribution",
  "topics",
  "num_articles",
  "num_sources",
  "article_ids",
  "evidence",
] as const;

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? "" : String(v);
  // a leading = + - @ would be a formula in a spreadsheet
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(",")}\n`;
}

export function csvRow(e: StoredEvent): string {
  const m = e.mentions[0];
  const row: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    id: e.id,
    date: e.date,
    source_code: e.source_code,
    source_name: e.source_name,
    target_code: e.target_code,
    target_name: e.target_name,
    cameo: e.cameo,
    plover: e.plover,
    quad: e.quad,
    goldstein: e.goldstein,
    modality: m?.modality,
    location: m?.location?.name,
    location_code: m?.location?.code,
    attribution: m?.attribution?.name ?? m?.attribution?.code,
    topics: [...new Set(e.mentions.flatMap((x) => x.topics))].join(";"),
    num_articles: e.num_articles,
    num_sources: e.num_sources,
    article_ids: e.mentions.map((x) => x.article_id).join(";"),
    evidence: m?.evidence,
  };
  return `${CSV_COLUMNS.map((c) => csvCell(row[c])).join(",")}\n`;
}

export function jsonlRow(e: StoredEvent): string {
  return `${JSON.stringify(e)}\n`;
}

/** GDELT 2.0 event table, 61 columns (GLOBALEVENTID … SOURCEURL). */
export const GDELT_COLUMNS = [
  "GLOBALEVENTID",
  "SQLDATE",
  "MonthYear",
  "Year",
  "FractionDate",
  "Actor1Code",
  "Actor1Name",
  "Actor1CountryCode",
  "Actor1KnownGroupCode",
  "Actor1EthnicCode",
  "Actor1Religion1Code",
  "Actor1Religion2Code",
  "Actor1Type1Code",
  "Actor1Type2Code",
  "Actor1Type3Code",
  "Actor2Code",
  "Actor2Name",
  "Actor2CountryCode",
  "Actor2KnownGroupCode",
  "Actor2EthnicCode",
  "Actor2Religion1Code",
  "Actor2Religion2Code",
  "Actor2Type1Code",
  "Actor2Type2Code",
  "Actor2Type3Code",
  "IsRootEvent",
  "EventCode",
  "EventBaseCode",
  "EventRootCode",
  "QuadClass",
  "GoldsteinScale",
  "NumMentions",
  "NumSources",
  "NumArticles",
  "AvgTone",
  "Actor1Geo_Type",
  "Actor1Geo_FullName",
  "Actor1Geo_CountryCode",
  "Actor1Geo_ADM1Code",
  "Actor1Geo_ADM2Code",
  "Actor1Geo_Lat",
  "Actor1Geo_Long",
  "Actor1Geo_FeatureID",
  "Actor2Geo_Type",
  "Actor2Geo_FullName",
  "Actor2Geo_CountryCode",
  "Actor2Geo_ADM1Code",
  "Actor2Geo_ADM2Code",
  "Actor2Geo_Lat",
  "Actor2Geo_Long",
  "Actor2Geo_FeatureID",
  "ActionGeo_Type",
  "ActionGeo_FullName",
  "ActionGeo_CountryCode",
  "ActionGeo_ADM1Code",
  "ActionGeo_ADM2Code",
  "ActionGeo_Lat",
  "ActionGeo_Long",
  "ActionGeo_FeatureID",
  "DATEADDED",
  "SOURCEURL",
] as const;

function actorParts(code: string | null): { country: string; type1: string; group: string } {
  if (!code) return { country: "", type1: "", group: "" };
  const parts = code.match(/.{3}/g) ?? [];
  const intl = ["IGO", "NGO", "IMG", "MNC"].includes(parts[0] ?? "");
  return {
    country: intl ? "" : (parts[0] ?? ""),
    type1: intl ? (parts[0] ?? "") : (parts[1] ?? ""),
    group: parts.length > 2 ? (parts[parts.length - 1] ?? "") : "",
  };
}

const tsv = (v: unknown) => (v === null || v === undefined ? "" : String(v).replace(/[\t\r\n]+/g, " "));

export function gdeltRow(e: StoredEvent): string {
  const date = e.date ?? "";
  const ymd = date.replace(/-/g, "");
  const year = date.slice(0, 4);
  const dayOfYear = date
    ? (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000
    : 0;
  const a1 = actorParts(e.source_code);
  const a2 = actorParts(e.target_code);
  const m = e.mentions[0];
  const loc = m?.location;
  const row: Record<string, unknown> = {
    GLOBALEVENTID: e.id,
    SQLDATE: ymd,
    MonthYear: ymd.slice(0, 6),
    Year: year,
    FractionDate: date ? (Number(year) + dayOfYear / 365).toFixed(4) : "",
    Actor1Code: e.source_code,
    Actor1Name: e.source_name,
    Actor1CountryCode: a1.country,
    Actor1KnownGroupCode: a1.group,
    Actor1Type1Code: a1.type1,
    Actor2Code: e.target_code,
    Actor2Name: e.target_name,
    Actor2CountryCode: a2.country,
    Actor2KnownGroupCode: a2.group,
    Actor2Type1Code: a2.type1,
    IsRootEvent: m?.sentences.includes(0) ? 1 : 0,
    EventCode: e.cameo,
    EventBaseCode: e.cameo.slice(0, 3),
    EventRootCode: e.cameo.slice(0, 2),
    QuadClass: e.quad,
    GoldsteinScale: e.goldstein,
    NumMentions: e.mentions.reduce((n, x) => n + x.sentences.length, 0),
    NumSources: e.num_sources,
    NumArticles: e.num_articles,
    ActionGeo_Type: loc ? (loc.code && loc.code.length === 3 ? 1 : 4) : "",
    ActionGeo_FullName: loc?.name,
    ActionGeo_CountryCode: loc?.code,
    DATEADDED: ymd ? `${ymd}000000` : "",
    SOURCEURL: m?.article_id,
  };
  return `${GDELT_COLUMNS.map((c) => tsv(row[c])).join("\t")}\n`;
}
