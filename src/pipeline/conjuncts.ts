import type { EntityType } from "../document.js";
import type { Lexicon } from "../lexicon/load.js";
import type { WorkToken } from "./doc.js";
import { type ActorPhrase, actorPhrase, type Piece } from "./phrases.js";
import { codeName } from "./resolve.js";
import { contentStart, piecesOf } from "./stages/tokens.js";

/**
 * Reads a run of pieces as one or more coordinated actors. A piece whose first
 * token carries the conjunction و starts a new conjunct; a role word at the
 * head distributes over bare countries: "حكومات مصر وقطر" → EGYGOV, QATGOV.
 */

function startsWithAnd(t: WorkToken | undefined): boolean {
  return piecesOf(t)?.proclitics[0]?.norm === "و";
}

function compose(pieces: Piece[], inherited: string | null, lexicon: Lexicon) {
  let role: string | null = null;
  let country: string | null = null;
  let person: Piece | undefined;
  let org: Piece | undefined;
  const rules: string[] = [];
  for (const p of pieces) {
    const r = p.resolved;
    rules.push(r.rule);
    if (r.kind === "agent" && !role) role = r.role;
    if (r.kind === "person" && !person) person = p;
    if (r.kind === "org" && !org) org = p;
    if (!country && (r.kind === "country" || r.kind === "nationality" || r.kind === "capital"))
      country = r.country;
    // a capital acting is its government: "طهران ترد" → IRNGOV
    if (r.kind === "capital" && !role) role = "GOV";
  }
  role ??= inherited;
  let code: string | null = null;
  let name: string | null = null;
  let head: ActorPhrase["head"] = "agent";
  let entityType: EntityType | null = null;
  if (person && (person.resolved.code || !person.unknownName)) {
    code = person.resolved.code;
    name = person.resolved.name;
    head = "person";
    entityType = "PER";
    // an out-of-office person with a title keeps the title's role: "الرئيس السابق" stays a national
  } else if (org) {
    code = org.resolved.code;
    name = org.resolved.name;
    head = "org";
    entityType = "ORG";
    if (country && code && !lexicon.codes.countries.has(code.slice(0, 3))) code = country + code.slice(3);
  } else if (
    country &&
    !role &&
    pieces.every((p) => p.resolved.kind === "nationality") &&
    !/(ون|ين)$/.test(pieces[0]!.surface)
  ) {
    // a bare singular adjective ("الحدود اللبنانية") describes a thing; it names an actor only
    // as the agent of a verbal noun ("الغارات الإسرائيلية على …")
    code = country;
    head = "adjective";
    name = codeName(code, lexicon);
  } else if (country) {
    code = role ? country + role : country;
    head = pieces.some((p) => p.resolved.kind === "country" || p.resolved.kind === "capital")
      ? "country"
      : "agent";
    name = codeName(code, lexicon);
    entityType = head === "country" ? "GPE" : null;
    if (person) {
      head = "person";
      name = person.resolved.name;
      entityType = "PER";
    }
  } else if (pieces.every((p) => p.resolved.kind === "place")) {
    const place = pieces[0]!.resolved;
    code = place.country;
    name = place.name;
    head = "place";
    entityType = place.type;
  } else if (person) {
    head = "person";
    name = person.resolved.name;
    entityType = "PER";
  }
  return { code, name, role, country: country ?? code?.slice(0, 3) ?? null, head, rules, entityType };
}

let groupCounter = 0;

/** Builds the actor phrases of one run. */
export function conjuncts(
  run: Piece[],
  tokens: WorkToken[],
  text: string,
  sentence: number,
  firstId: number,
  lexicon: Lexicon,
): ActorPhrase[] {
  const parts: Piece[][] = [];
  for (const p of run) {
    const last = parts[parts.length - 1];
    if (!last || startsWithAnd(tokens[p.tokStart])) parts.push([p]);
    else last.push(p);
  }
  const group = ++groupCounter;
  const phrases: ActorPhrase[] = [];
  // the head's role distributes over conjuncts that are bare countries
  const headRole = parts[0]?.find((p) => p.resolved.kind === "agent")?.resolved.role ?? null;
  parts.forEach((pieces, k) => {
    const bare = pieces.every((p) => p.resolved.kind === "country" || p.resolved.kind === "nationality");
    const c = compose(pieces, k > 0 && bare ? headRole : null, lexicon);
    const first = pieces[0]!;
    const last = pieces[pieces.length - 1]!;
    const start = contentStart(tokens[first.tokStart]!);
    const end = tokens[last.tokEnd - 1]!.end;
    phrases.push(
      actorPhrase({
        id: firstId + phrases.length,
        sentence,
        tokStart: first.tokStart,
        tokEnd: last.tokEnd,
        start,
        end,
        text: text.slice(start, end),
        group,
        pieces,
        ...c,
      }),
    );
  });
  return phrases;
}
