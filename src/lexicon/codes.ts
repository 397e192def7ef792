import { existsSync } from "node:fs";
import { join } from "node:path";
import { type LexiconProblem, readTsv } from "./tsv.js";
import type { CameoCode } from "./types.js";

/**
 * Code tables: the CAMEO codebook (codes/cameo.tsv), role and region codes
 * (codes/roles.tsv) and named organisations' codes (codes/groups.tsv), and the
 * actor-code grammar they define: a country, region or IGO/NGO/IMG/MNC head,
 * then 3-letter parts (USAGOV, LBNREBHEZ, IGOUNO).
 */

export const PLOVER_TYPES = new Set([
  "AGREE",
  "CONSULT",
  "SUPPORT",
  "CONCEDE",
  "COOPERATE",
  "AID",
  "RETREAT",
  "REQUEST",
  "ACCUSE",
  "REJECT",
  "THREATEN",
  "PROTEST",
  "SANCTION",
  "MOBILIZE",
  "COERCE",
  "ASSAULT",
]);

export interface CodeTables {
  cameo: Map<string, CameoCode>;
  roles: Map<string, { kind: string; label: string }>;
  groups: Map<string, string>;
  /** ISO3 codes of countries, filled by the country loader. */
  countries: Set<string>;
}

export function loadCodes(dir: string, problems: LexiconProblem[]): CodeTables {
  const cameo = new Map<string, CameoCode>();
  const roles = new Map<string, { kind: string; label: string }>();
  const groups = new Map<string, string>();

  const cameoFile = "codes/cameo.tsv";
  for (const { line, fields } of readTsv(
    join(dir, cameoFile),
    cameoFile,
    ["code", "label", "quad", "goldstein", "plover"],
    problems,
  )) {
    const at = (message: string) => problems.push({ file: cameoFile, line, message });
    const { code = "", label = "", plover = "" } = fields;
    const quad = Number(fields.quad);
    const goldstein = Number(fields.goldstein);
    if (!/^(0[1-9]|1\d|20)\d{0,2}$/.test(code)) at(`bad CAMEO code "${code}"`);
    else if (cameo.has(code)) at(`duplicate CAMEO code "${code}"`);
    else if (code.length > 2 && !cameo.has(code.slice(0, code.length === 4 ? 3 : 2)))
      at(`CAMEO code "${code}" has no parent code`);
    if (!label) at("missing label");
    if (![1, 2, 3, 4].includes(quad)) at(`quad must be 1-4, found "${fields.quad}"`);
    if (!Number.isFinite(goldstein) || goldstein < -10 || goldstein > 10)
      at(`goldstein must be -10..10, found "${fields.goldstein}"`);
    if (!PLOVER_TYPES.has(plover)) at(`unknown PLOVER type "${plover}"`);
    cameo.set(code, { code, label, quad, goldstein, plover });
  }

  const rolesFile = "codes/roles.tsv";
  for (const { line, fields } of readTsv(
    join(dir, rolesFile),
    rolesFile,
    ["code", "kind", "label"],
    problems,
  )) {
    const { code = "", kind = "", label = "" } = fields;
    if (!/^[A-Z]{3}$/.test(code))
      problems.push({ file: rolesFile, line, message: `bad role code "${code}"` });
    else if (roles.has(code))
      problems.push({ file: rolesFile, line, message: `duplicate role code "${code}"` });
    if (!["role", "intl", "region"].includes(kind))
      problems.push({ file: rolesFile, line, message: `unknown kind "${kind}"` });
    roles.set(code, { kind, label });
  }

  const groupsFile = "codes/groups.tsv";
  if (existsSync(join(dir, groupsFile))) {
    for (const { line, fields } of readTsv(join(dir, groupsFile), groupsFile, ["code", "label"], problems)) {
      const { code = "", label = "" } = fields;
      if (!/^[A-Z]{3}$/.test(code))
        problems.push({ file: groupsFile, line, message: `bad group code "${code}"` });
      else if (groups.has(code) || roles.has(code))
        problems.push({
          file: groupsFile,
          line,
          message: `group code "${code}" repeats a role or group code`,
        });
      groups.set(code, label);
    }
  }
  return { cameo, roles, groups, countries: new Set() };
}

/** Is `code` a well-formed actor code? Returns a reason when it is not. */
export function actorCodeProblem(code: string, t: CodeTables): string | null {
  if (!/^([A-Z]{3})+$/.test(code)) return `actor code "${code}" must be 3-letter parts in capitals`;
  const parts = code.match(/.{3}/g) ?? [];
  const [head, ...rest] = parts;
  const headOk =
    head &&
    (t.countries.has(head) || t.roles.get(head)?.kind === "region" || t.roles.get(head)?.kind === "intl");
  if (!headOk)
    return `actor code "${code}" starts with "${head}", which is no country, region, IGO or NGO code`;
  for (const p of rest) {
    if (!(t.roles.has(p) || t.groups.has(p) || t.countries.has(p)))
      return `actor code "${code}" has unknown part "${p}"`;
  }
  return null;
}

/** Is `code` a place code: a country or a region? */
export function isPlaceCode(code: string, t: CodeTables): boolean {
  return t.countries.has(code) || t.roles.get(code)?.kind === "region";
}
