import type { EntityType } from "../document.js";
import { FUNCTION_WORDS } from "../lang/ar/function-words.js";
import { givenNames } from "../lang/ar/names.js";
import { lexiconEntry } from "../lexicon/entries.js";
import type { Lexicon } from "../lexicon/load.js";
import type { Mention, WorkToken } from "./doc.js";
import { type Resolved, resolveForms } from "./resolve.js";
import { piecesOf } from "./stages/tokens.js";
import { mayStart, NAME } from "./starts.js";

/**
 * Actor phrases: runs of adjacent mentions read as one actor, split into
 * conjuncts at و, with role words and nationalities composed into a code.
 *
 *   "وزير الخارجية الأمريكي أنتوني بلينكن" → USAGOV (Antony Blinken)
 *   "مسؤولين إسرائيليين"                  → ISRGOV
 *   "حكومات مصر وقطر وإسرائيل"            → EGYGOV | QATGOV | ISRGOV (one group)
 *   "وزير الخارجية المصري بدر عبد العاطي"  → EGYGOV, the name found by context
 */

export interface Piece {
  tokStart: number;
  tokEnd: number;
  resolved: Resolved;
  /** The normalised text matched. */
  surface: string;
  /** A name the lexicon does not know, found after a title ("… بدر عبد العاطي"). */
  unknownName?: boolean;
}

export interface ActorPhrase {
  id: number;
  sentence: number;
  tokStart: number;
  tokEnd: number;
  start: number;
  end: number;
  text: string;
  code: string | null;
  name: string | null;
  role: string | null;
  country: string | null;
  /** What the head of the phrase is. */
  head: "person" | "org" | "country" | "place" | "agent" | "pointer" | "adjective";
  /** Phrases coordinated together (مصر وقطر وإسرائيل) share a group. */
  group: number;
  pieces: Piece[];
  rules: string[];
  entityType: EntityType | null;
}

/**
 * An actor phrase with its fields always written in one order by one object literal: phrases
 * made by spreading others ({ ...p, code }) had shapes of their own to the engine (eight for the
 * phrases of 3,000 ANT articles), and every function reading phrases was optimised again each
 * time a new one reached it. "وزير الخارجية" read as a pointer back to a named minister, a
 * country's civilians as a target: all are built here.
 */
export function actorPhrase(p: ActorPhrase): ActorPhrase {
  return {
    id: p.id,
    sentence: p.sentence,
    tokStart: p.tokStart,
    tokEnd: p.tokEnd,
    start: p.start,
    end: p.end,
    text: p.text,
    group: p.group,
    pieces: p.pieces,
    code: p.code,
    name: p.name,
    role: p.role,
    country: p.country,
    head: p.head,
    rules: p.rules,
    entityType: p.entityType,
  };
}

/** A place or a capital: where things happen ("في القاهرة"، "لقاء باريس"), not who does them. */
export function isPlace(p: ActorPhrase): boolean {
  return p.head === "place" || p.pieces.some((x) => x.resolved.kind === "capital");
}

/** Agents that are prisoners or hostages: "الأسرى", "الرهائن", "المحتجزين". */
const CAPTIVE_AGENTS = new Set(["cvl.prisoners", "cvl.hostages"]);

/** Does a phrase name captives (whoever holds them is another party)? */
export function namesCaptives(p: ActorPhrase): boolean {
  return p.pieces.some((x) => CAPTIVE_AGENTS.has(x.resolved.entry.id));
}

const NAME_LINKS = new Set(["عبد", "ابو", "بن", "ابن", "ال", "بنت", "ام", "دي", "فون", "فان"]);

/** Can this token be part of a name the lexicon does not know? */
function nameLike(t: WorkToken | undefined, common: ReadonlySet<string>, lexicon: Lexicon): boolean {
  if (t?.kind !== "word" || !t.arabic) return false;
  if (NAME_LINKS.has(t.norm)) return true;
  if (t.norm.length < 3 || FUNCTION_WORDS.has(t.norm) || FUNCTION_WORDS.has(t.stem)) return false;
  if (piecesOf(t)?.proclitics.some((p) => p.norm !== "ال")) return false;
  if (common.has(t.norm) || common.has(t.stem) || lexicon.patternsByFirst.has(t.stem)) return false;
  // a word that points back is no part of a name: "دعا آبي أحمد الطرفين"
  if (t.keys) for (const k of t.keys) if (lexicon.cueTries.pointers.get1(k)) return false;
  // an indefinite accusative of a common word is no name: "اتصالا هاتفيا" (a phone call)
  if (t.norm.endsWith("ا") && (common.has(t.norm.slice(0, -1)) || lexicon.words.has(t.norm.slice(0, -1))))
    return false;
  return true;
}

/** Name tokens after a title: up to four, not starting or ending with a link word. */
export function unknownNameAfter(
  tokens: WorkToken[],
  i: number,
  end: number,
  common: ReadonlySet<string>,
  lexicon: Lexicon,
): number {
  // a name never opens with the article (…الرسمي، …المشاركة are words), and a one-word name
  // after a title must be a known given name
  const first = tokens[i];
  if (!first || (first.norm.startsWith("ال") && !NAME_LINKS.has(first.norm))) return i;
  let j = i;
  while (j < end && j - i < 4 && nameLike(tokens[j], common, lexicon)) j++;
  while (j > i && NAME_LINKS.has(tokens[j - 1]!.norm)) j--;
  if (j > i && NAME_LINKS.has(tokens[i]!.norm) && j - i < 2) return i;
  if (j - i === 1 && !givenNames().single.has(first.norm)) return i;
  return j;
}

/** A person named without a title: a given name and one to three name words ("عبد القادر المرتضى"). */
export function nameAt(
  tokens: WorkToken[],
  i: number,
  end: number,
  common: ReadonlySet<string>,
  lexicon: Lexicon,
): number {
  const names = givenNames();
  const t = tokens[i];
  // an Arabic word with no proclitic but و, its stem a given name or عبد (see starts.ts)
  if (!t || !mayStart(t, lexicon, NAME)) return i;
  const stem = piecesOf(t)?.proclitics.length ? t.stem : t.norm;
  let start = i;
  if (stem === "عبد" && tokens[i + 1] && names.double.has(`عبد ${tokens[i + 1]!.norm}`)) start = i + 1;
  else if (!names.single.has(stem)) return i;
  let j = start + 1;
  while (
    j < end &&
    j - i < 5 &&
    nameLike(tokens[j], common, lexicon) &&
    !piecesOf(tokens[j]!)?.proclitics.some((p) => p.norm === "و")
  )
    j++;
  while (j > start + 1 && NAME_LINKS.has(tokens[j - 1]!.norm)) j--;
  return j > start + 1 ? j : i;
}

/** Does a person's name (known or not) start right at `at`? */
function nameFollows(
  tokens: WorkToken[],
  next: Mention | undefined,
  at: number,
  sentenceEnd: number,
  common: ReadonlySet<string>,
  lexicon: Lexicon,
): boolean {
  if (next && next.tokStart === at && (next.name || next.forms.some((f) => f.entry.kind === "person")))
    return true;
  return unknownNameAfter(tokens, at, next ? next.tokStart : sentenceEnd, common, lexicon) > at;
}

/** A word with the article: "السلطات", "العام" (not "لجامعة", which is a genitive). */
function isDefinite(t: WorkToken): boolean {
  const pro = piecesOf(t)?.proclitics ?? [];
  return pro.length > 0
    ? pro.every((x) => x.norm === "ال" || x.norm === "و") && pro.some((x) => x.norm === "ال")
    : t.norm.startsWith("ال");
}

/** Splits a sentence's mentions into runs of adjacent pieces, adding unknown names after titles. */
export function pieceRuns(
  tokens: WorkToken[],
  mentions: Mention[],
  sentenceEnd: number,
  published: string | null,
  lexicon: Lexicon,
  common: ReadonlySet<string>,
): Piece[][] {
  const runs: Piece[][] = [];
  let run: Piece[] = [];
  let lastEnd = -1;
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!;
    const resolved = m.name
      ? contextPerson(tokens, m.tokStart, m.tokEnd, "name:given-name").resolved
      : resolveForms(m.forms, published, lexicon);
    if (!resolved) continue;
    // mentions form one phrase only when nothing stands between them, except a title and the
    // name it introduces: "رئيس الحكومة المكلف، يوسف الشاهد"
    const apposition =
      run.some((p) => p.resolved.kind === "agent") &&
      !run.some((p) => p.resolved.kind === "person") &&
      resolved.kind === "person" &&
      appositive(tokens, lastEnd, m.tokStart);
    // two heads side by side are two actors ("مصر إسرائيل"), unless a title introduces a name
    const HEADS = ["person", "org", "country", "capital", "place"];
    const head = HEADS.includes(resolved.kind);
    const first = tokens[m.tokStart];
    const coordinated = !!first && piecesOf(first)?.proclitics[0]?.norm === "و";
    const secondHead =
      head &&
      !coordinated &&
      run.some((p) => HEADS.includes(p.resolved.kind)) &&
      !(run[0]?.resolved.kind === "agent" && resolved.kind === "person");
    // a role word after a complete actor starts another actor: "وزير الخارجية المصري | نظيره الأردني";
    // so does a country after a nationality: "وزير الخارجية الإيراني | الولايات المتحدة"
    // a definite role right after a definite role is no genitive of it: "المدعي العام | السلطات السودانية"
    const prevLast = tokens[lastEnd - 1];
    const bothDefinite =
      resolved.kind === "agent" &&
      run.at(-1)?.resolved.kind === "agent" &&
      lastEnd === m.tokStart &&
      !!first &&
      isDefinite(first) &&
      !!prevLast &&
      isDefinite(prevLast) &&
      // … but a rank before a name belongs to the person: "رئيس المجلس العسكري الفريق أول عبد الفتاح البرهان"
      !nameFollows(tokens, mentions[k + 1], m.tokEnd, sentenceEnd, common, lexicon);
    const newRole =
      bothDefinite ||
      (resolved.kind === "agent" &&
        // … or after a named institution: "وزارة الخارجية البريطانية | القائم بالأعمال الإيراني"
        run.some((p) => ["nationality", "country", "capital", "person", "org"].includes(p.resolved.kind))) ||
      (["country", "capital", "org"].includes(resolved.kind) &&
        run.some((p) => p.resolved.kind === "nationality")) ||
      // a nationality of another country right after a country's name or nationality is a second
      // party: "بوساطة سعودية أمريكية" (Saudi and US mediation), never one Saudi-American actor
      (resolved.kind === "nationality" &&
        !!resolved.country &&
        run.every((p) => ["nationality", "country"].includes(p.resolved.kind)) &&
        run.some((p) => !!p.resolved.country && p.resolved.country !== resolved.country));
    if (run.length && ((lastEnd !== m.tokStart && !apposition) || secondHead || newRole)) {
      runs.push(run);
      run = [];
    }
    const surface = tokens
      .slice(m.tokStart, m.tokEnd)
      .map((t) => t.norm)
      .join(" ");
    run.push({ tokStart: m.tokStart, tokEnd: m.tokEnd, resolved, surface, unknownName: m.name });
    lastEnd = m.tokEnd;
    // a title or nationality followed by words the lexicon does not know: a name
    const next = mentions[k + 1];
    const hasPerson = run.some((p) => p.resolved.kind === "person");
    if (
      !hasPerson &&
      (resolved.kind === "agent" || resolved.kind === "nationality") &&
      run.some((p) => p.resolved.kind === "agent")
    ) {
      const stop = Math.min(next ? next.tokStart : sentenceEnd, sentenceEnd);
      const nameEnd = unknownNameAfter(tokens, m.tokEnd, stop, common, lexicon);
      if (nameEnd > m.tokEnd && isPersonTitle(run)) {
        run.push(contextPerson(tokens, m.tokEnd, nameEnd, "name:after-title"));
        lastEnd = nameEnd;
      }
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

/** A person the lexicon does not know, named by tokens [from, to). */
function contextPerson(tokens: WorkToken[], from: number, to: number, rule: string): Piece {
  const text = tokens
    .slice(from, to)
    .map((t) => t.text)
    .join(" ");
  const entry = lexiconEntry({
    id: "context-name",
    kind: "person",
    file: "",
    line: 0,
    code: "",
    type: "PER",
    en: text,
    forms: [text],
  });
  return {
    tokStart: from,
    tokEnd: to,
    resolved: { entry, kind: "person", code: null, country: null, role: null, name: text, type: "PER", rule },
    surface: text,
    unknownName: true,
  };
}

/** Tokens between a title and a name: a comma and at most one adjective with the article. */
function appositive(tokens: WorkToken[], from: number, to: number): boolean {
  if (to - from > 2 || to <= from) return false;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    const comma = t.kind === "punct" && (t.norm === "," || t.text === "،");
    if (!comma && !(t.kind === "word" && t.norm.startsWith("ال"))) return false;
  }
  return true;
}

/** Titles of people (minister, president, spokesperson…), not institutions (ministry, government). */
function isPersonTitle(run: Piece[]): boolean {
  const agents = run.filter((p) => p.resolved.kind === "agent");
  const first = agents[0]?.resolved.entry.forms[0] ?? "";
  return !/^(وزارة|حكومة|جيش|قوات|سلطات|مجلس|هيئة|منظمة|جماعة|حركة|لجنة|مكتب|جهاز|شرطة|أجهزة|مؤسسة)/.test(
    first,
  );
}
