import type { EntityOut } from "../../document.js";
import { normalize } from "../../lang/ar/normalize.js";
import type { Lexicon } from "../../lexicon/load.js";
import { conjuncts } from "../conjuncts.js";
import type { ArticleDoc, Mention, WorkToken } from "../doc.js";
import type { ActorPhrase } from "../phrases.js";
import { actorPhrase, isPlace, nameAt, namesCaptives, pieceRuns } from "../phrases.js";
import { codeName } from "../resolve.js";
import type { Stage } from "../stage.js";
import { mayStart, POINTERS } from "../starts.js";
import { NO_KEYS, tokenKeys } from "./mentions.js";
import { contentStart, piecesOf } from "./tokens.js";

/**
 * Actor phrases and entities, with coreference inside the article:
 * a role word alone takes the country of the last actor with that role
 * ("الوزارة" → the ministry named before), pointer nouns resolve back
 * ("البلدين" → the two countries last named), and a person found by a title
 * is found again by surname alone.
 */

export interface ActorContext {
  lexicon: Lexicon;
  common: ReadonlySet<string>;
}

const INSTITUTION =
  /^(وزار|حكوم|جيش|قوات|سلطات|مجلس|هيئ|منظم|لجن|مكتب|جهاز|شرط|اجهز|مؤسس|ادار|الوزار|الحكوم|الجيش|القوات)/;

/**
 * Countries named so far, counted as the history grows (recounting it for every phrase is
 * quadratic in long texts), and those named as the place where things happen ("في بغداد").
 */
/** Words before a place that say where something happens: "في بغداد", "وسط بيروت". */
const WHERE = new Set(["في", "وسط", "قرب", "داخل", "شمال", "جنوب", "شرق", "غرب"].map(normalize));

interface Tally {
  seen: number;
  counts: Map<string, number>;
  placedIn: Set<string>;
}
const tallies = new WeakMap<ActorPhrase[], Tally>();

function tallyOf(history: ActorPhrase[], lexicon: Lexicon, tokens: WorkToken[]): Tally {
  let t = tallies.get(history);
  if (!t) {
    t = { seen: 0, counts: new Map(), placedIn: new Set() };
    tallies.set(history, t);
  }
  for (; t.seen < history.length; t.seen++) {
    const p = history[t.seen]!;
    const c = p.code?.slice(0, 3) ?? p.country;
    if (!c || !lexicon.codes.countries.has(c)) continue;
    t.counts.set(c, (t.counts.get(c) ?? 0) + (p.role === "GOV" ? 2 : 1));
    if (isPlace(p) && WHERE.has(tokens[p.tokStart - 1]?.norm ?? "")) t.placedIn.add(c);
  }
  return t;
}

/** The article's own country: the one its governments, then its places and peoples, name most. */
function homeCountry(
  history: ActorPhrase[],
  lexicon: Lexicon,
  dominant = false,
  tokens: WorkToken[] = [],
): string | null {
  const { counts } = tallyOf(history, lexicon, tokens);
  let best: string | null = null;
  let n = 0;
  for (const [c, k] of counts) if (k > n) [best, n] = [c, k];
  if (dominant) {
    // a domestic story: its country named at least twice as often as any other
    for (const [c, k] of counts) if (c !== best && 1.5 * k > n) return null;
    if (n < 2) return null;
  }
  return best;
}

/** Agents that name one office holder ("الوزير", "الرئيس", "المتحدث"): a person, not a body. */
const PERSON_OFFICES =
  /(minister|president|pm|spokes|envoy|ambassador|king|emir|prince|secretary|commander|prosecut)/;

/** Roles that belong to a state and so take the article's country when none is named. */
const STATE_ROLES = new Set(["GOV", "MIL", "COP", "SPY", "LEG", "JUD"]);

/** A phrase that names only a role ("المسؤولون", "وزارة الخارجية") takes its country from context. */
function resolveByContext(
  p: ActorPhrase,
  history: ActorPhrase[],
  lexicon: Lexicon,
  current: ActorPhrase[] = [],
  tokens: WorkToken[] = [],
): void {
  if (p.code || !p.role) return;
  if (lexicon.codes.roles.get(p.role)?.kind === "intl") {
    // "منظمات الإغاثة" → NGO, "منظمات دولية" → IGO
    p.code = p.role;
    p.name ??= lexicon.codes.roles.get(p.role)?.label ?? p.role;
    return;
  }
  if (!STATE_ROLES.has(p.role)) {
    // people of no state role take the country named in their sentence:
    // "اعتقلت الشرطة التركية عشرات المحتجين" → TURCVL
    for (let k = current.length - 1; k >= 0; k--) {
      const h = current[k]!;
      const c = h.code?.slice(0, 3);
      // only a country named just before, in the same clause (not a distant subject)
      if (p.tokStart - h.tokEnd > 4) break;
      if (c && lexicon.codes.countries.has(c) && h.head !== "place") {
        p.code = c + p.role;
        p.country = c;
        p.name ??= codeName(p.code, lexicon);
        p.rules.push("coref:sentence-country");
        return;
      }
    }
    // "خرج آلاف المحتجين في بغداد": in a story about one country, told from its places, its people
    const home = homeCountry(history, lexicon, true, tokens);
    if (home && p.role !== "REF" && tallyOf(history, lexicon, tokens).placedIn.has(home)) {
      p.code = home + p.role;
      p.country = home;
      p.name ??= codeName(p.code, lexicon);
      p.rules.push("coref:home-country");
    }
    return;
  }
  const agentId = p.pieces.find((x) => x.resolved.kind === "agent")?.resolved.entry.id;
  const national = (h: ActorPhrase) => !!h.code && lexicon.codes.countries.has(h.code.slice(0, 3));
  // the same role in the same sentence, the same role word earlier ("وزارة الخارجية"), the same role anywhere
  // (searched from the end: copying the history per phrase is quadratic in long texts)
  // "وأضاف الوزير": an office held by one person is the person named last with that role
  // (a bare title of one or two words: "الوزير", "المدعي العام")
  const person = !!agentId && PERSON_OFFICES.test(agentId) && p.tokEnd - p.tokStart <= 2;
  const office = agentId?.split(".")[1] ?? "";
  const same =
    (person
      ? history.findLast(
          (h) =>
            !!h.code &&
            h.head === "person" &&
            (h.role === p.role ||
              h.pieces.some((x) => x.resolved.kind === "agent" && x.resolved.entry.id.includes(office))),
        )
      : undefined) ??
    history.findLast((h) => national(h) && h.sentence === p.sentence && h.role === p.role) ??
    history.findLast(
      (h) =>
        (national(h) || !!h.code?.startsWith("IGO")) &&
        !!agentId &&
        h.pieces.some((x) => x.resolved.entry.id === agentId),
    ) ??
    history.findLast((h) => national(h) && (h.code?.length ?? 0) >= 6 && h.role === p.role);
  // else a country named earlier in the sentence ("الاحتجاجات في طهران … لدى شرطة الأخلاق"), else the story's
  const named = same
    ? undefined
    : // (not a nationality: it belongs to its own noun — "السفارة الأمريكية … الحكومة")
      current.findLast(
        (h) => national(h) && h.tokEnd <= p.tokStart && h.head !== "pointer" && h.head !== "adjective",
      );
  const country =
    same?.code?.slice(0, 3) ?? named?.code?.slice(0, 3) ?? homeCountry(history, lexicon, false, tokens);
  if (!country) return;
  // an international body's office is that body's ("المدعي العام" of the ICC is IGOICC, not "IGOJUD")
  const international = !!same?.code && !lexicon.codes.countries.has(country);
  p.code = international ? same!.code : country + p.role;
  p.country = international ? same!.country : country;
  p.name ??= codeName(p.code, lexicon);
  p.rules.push(same ? "coref:same-role" : named ? "coref:sentence-country" : "coref:home-country");
}

/** Pointer nouns and surnames of people found by title, in tokens no mention covers. */
function pointerPhrases(
  doc: ArticleDoc,
  from: number,
  to: number,
  covered: Set<number>,
  history: ActorPhrase[],
  aliases: Map<string, ActorPhrase>,
  ctx: ActorContext,
  nextId: () => number,
): ActorPhrase[] {
  const tokens = doc.tokens ?? [];
  const out: ActorPhrase[] = [];
  const trie = ctx.lexicon.cueTries.pointers;
  const alt = (j: number) => (covered.has(j) || tokens[j]?.kind !== "word" ? NO_KEYS : tokenKeys(tokens[j]!));
  for (let i = from; i < to; i++) {
    if (covered.has(i)) continue;
    const t = tokens[i]!;
    let alias: ActorPhrase | undefined;
    const keys = tokenKeys(t);
    if (aliases.size)
      for (const k of keys) {
        alias = aliases.get(k);
        if (alias) break;
      }
    if (alias) {
      out.push(clone(alias, t, t, doc.text, nextId(), ["coref:surname"]));
      continue;
    }
    const m = mayStart(t, ctx.lexicon, POINTERS) ? trie.longest(i, to, alt) : null;
    if (!m) continue;
    const cue = m.values[0]!;
    const last = tokens[i + m.length - 1]!;
    // the history is searched from its end, never copied: a copy per cue is quadratic in long texts
    let targets: ActorPhrase[] = [];
    let titleOf: ActorPhrase | undefined;
    if (cue.kind === "role") {
      // a named group has its role in its code: "حركة حماس" (PSEREBHMS) … "الحركة"
      const h = history.findLast(
        (x) => x.code && x.tokEnd <= i && (x.role ?? x.code.slice(3, 6)) === cue.value,
      );
      targets = h ? [h] : [];
    } else if (cue.kind === "body") {
      // "المجموعة", "التكتل", "الاتحاد": the international body named last ("إيكواس" … "المجموعة")
      const h = history.findLast(
        (x) => !!x.code?.startsWith(cue.value) && x.tokEnd <= i && x.head !== "pointer",
      );
      targets = h ? [h] : [];
    } else if (cue.kind === "title") {
      // a title right before a name is that name's ("الأمين العام لحلف شمال الأطلسي ينس ستولتنبرغ")
      const end = i + m.length;
      titleOf = history.find(
        (x) => x.head === "person" && x.code && x.tokStart >= end && x.tokStart <= end + 4,
      );
      const h = titleOf ?? history.findLast((x) => x.head === "person" && x.code && x.tokEnd <= i);
      targets = h ? [h] : [];
    } else {
      // "الطرفين": the last pair named together ("الحكومة اليمنية وجماعة الحوثي"), else the last two actors
      // only what was named before the pointer, and for "البلدين" two different countries
      const actorish = (h: ActorPhrase) =>
        !!h.code && h.tokEnd <= i && h.head !== "place" && h.head !== "pointer" && h.head !== "adjective";
      const sizes = new Map<number, number>();
      const codes = new Map<number, Set<string>>();
      const counted = new Set<number>();
      for (const x of history) {
        if (x.rules.includes("role:counted-people")) counted.add(x.group);
        if (actorish(x)) {
          sizes.set(x.group, (sizes.get(x.group) ?? 0) + 1);
          codes.set(x.group, (codes.get(x.group) ?? new Set()).add(x.code!));
        }
      }
      // a pair of sides: two actors named together that are not one side ("وزير خارجيتها ومستشار الأمن
      // الوطني" are both the Saudi government)
      // (a capital after "في" is where something happens: "محادثات في الرياض وزيلينسكي يرفض")
      const locative = (h: ActorPhrase) =>
        h.pieces.some((x) => x.resolved.kind === "capital") && tokens[h.tokStart - 1]?.norm === "في";
      // (people counted together, "خمسة عشر سعوديا وأربعة سودانيين", are no pair of sides)
      const pair = history.findLast(
        (h) =>
          actorish(h) &&
          !counted.has(h.group) &&
          sizes.get(h.group) === 2 &&
          codes.get(h.group)?.size === 2 &&
          !history.some((x) => x.group === h.group && locative(x)),
      );
      // "الوزيران", "الزعيمان": the last two people named, this sentence included
      const people: ActorPhrase[] = [];
      if (/وزير|زعيم|رئيس/.test(t.norm))
        for (let k = history.length - 1; k >= 0 && people.length < 2; k--) {
          const h = history[k]!;
          if (actorish(h) && h.head === "person") people.unshift(h);
        }
      // "إن الطرفين أظهرا …، داعيا إياهما": the pair this sentence has already pointed to
      const pointed = history.findLast(
        (h) =>
          h.head === "pointer" &&
          h.sentence === t.sentence &&
          h.tokEnd <= i &&
          h.rules.includes(`coref:${cue.id}`),
      );
      if (pointed) targets = history.filter((x) => x.group === pointed.group && x.head === "pointer");
      else if (pair) targets = history.filter((x) => x.group === pair.group && actorish(x));
      else if (people.length === 2 && people[0]!.code !== people[1]!.code) targets = people;
      else {
        // the first two parties of the latest earlier sentence that names two: "التقى روبيو نظيره الروسي
        // لافروف … في اجتماع استضافته السعودية. واتفق الجانبان" (the two who met, not the host)
        const party = (h: ActorPhrase) => actorish(h) && h.sentence < t.sentence && !isPlace(h);
        for (let k = history.length - 1; k >= 0 && targets.length < 2; k--) {
          const sentence = history[k]!.sentence;
          if (!party(history[k]!)) continue;
          const firsts: ActorPhrase[] = [];
          for (const h of history)
            if (
              h.sentence === sentence &&
              party(h) &&
              !firsts.some((f) => f.code?.slice(0, 3) === h.code?.slice(0, 3))
            )
              firsts.push(h);
          if (firsts.length >= 2) targets = firsts.slice(0, 2);
          else while (k > 0 && history[k - 1]!.sentence === sentence) k--;
        }
      }
      if (!targets.length && !pair) {
        // else the last two parties named in earlier sentences (this sentence's subject is not one of
        // them: "ودعت السعودية البلدين إلى الحوار")
        const seen = new Set<string>();
        for (let k = history.length - 1; k >= 0; k--) {
          const h = history[k]!;
          const party = h.code?.slice(0, 3) ?? "";
          if (actorish(h) && h.sentence < t.sentence && !seen.has(party)) {
            seen.add(party);
            targets.push(h);
          }
          if (targets.length === 2) break;
        }
      }
      if (targets.length < 2) targets = [];
    }
    // a group of its own: "الطرفين" is one pair, and "الحركة" is not coordinated with its antecedent;
    // a title stays one unit with the name it introduces
    const group = titleOf ? titleOf.group : -(i + 1);
    for (const target of targets)
      out.push(clone(target, t, last, doc.text, nextId(), [`coref:${cue.id}`], group));
    i += m.length - 1;
  }
  return out;
}

/** People found by a given name in tokens no lexicon mention covers. */
function nameMentions(
  tokens: WorkToken[],
  from: number,
  to: number,
  mentions: Mention[],
  ctx: ActorContext,
): Mention[] {
  const covered = new Set<number>();
  for (const m of mentions) for (let k = m.tokStart; k < m.tokEnd; k++) covered.add(k);
  const out: Mention[] = [];
  for (let i = from; i < to; i++) {
    if (covered.has(i)) continue;
    let end = nameAt(tokens, i, to, ctx.common, ctx.lexicon);
    for (let k = i; k < end; k++) if (covered.has(k)) end = Math.min(end, k);
    if (end - i < 2) continue;
    out.push({
      tokStart: i,
      tokEnd: end,
      sentence: tokens[i]!.sentence,
      start: tokens[i]!.start,
      end: tokens[end - 1]!.end,
      forms: [],
      name: true,
    });
    i = end - 1;
  }
  return out;
}

function clone(
  p: ActorPhrase,
  first: WorkToken,
  last: WorkToken,
  text: string,
  id: number,
  rules: string[],
  group = p.group,
): ActorPhrase {
  const start = contentStart(first);
  return actorPhrase({
    ...p,
    id,
    group,
    sentence: first.sentence,
    tokStart: first.index,
    tokEnd: last.index + 1,
    start,
    end: last.end,
    text: text.slice(start, last.end),
    head: "pointer",
    pieces: [],
    rules: [...p.rules, ...rules],
    entityType: null,
  });
}

function entitiesOf(p: ActorPhrase, doc: ArticleDoc): EntityOut[] {
  const tokens = doc.tokens ?? [];
  const out: EntityOut[] = [];
  for (const piece of p.pieces) {
    const r = piece.resolved;
    const start = contentStart(tokens[piece.tokStart]!);
    const end = tokens[piece.tokEnd - 1]!.end;
    // one object literal of one shape, its keys in the output's order (no spread per entity)
    const entity = (type: EntityOut["type"], actor: string | null, name: string | null): EntityOut => ({
      text: doc.text.slice(start, end),
      start,
      end,
      sentence: p.sentence,
      rule: r.rule,
      type,
      actor,
      name,
    });
    if (r.kind === "person") out.push(entity("PER", p.head === "person" ? p.code : r.code, r.name));
    else if (r.kind === "org") out.push(entity("ORG", p.head === "org" ? p.code : r.code, r.name));
    else if (r.kind === "country" || r.kind === "capital") out.push(entity("GPE", r.code, r.name));
    else if (r.kind === "nationality") out.push(entity("NORP", r.code, r.name));
    else if (r.kind === "place") out.push(entity(r.type ?? "LOC", null, r.name));
    else if (p.head === "agent" && p.code && INSTITUTION.test(tokens[piece.tokStart]!.stem)) {
      out.push(entity("ORG", p.code, p.name));
    }
  }
  return out;
}

const NUMBER_WORDS = new Set(
  // biome-ignore format: a word list
  ["اثنان", "اثنين", "ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره", "عشر", "عشرين", "عشرون", "مئه", "الف", "عشرات", "مئات", "الاف", "عدد"].map(normalize),
);

function isNumber(t: WorkToken | undefined): boolean {
  return !!t && (NUMBER_WORDS.has(t.stem) || /^[0-9٠-٩]+$/.test(t.stem));
}

/**
 * Two actors side by side joined by و are coordinated even when each is a full phrase of its own:
 * "وزير الخارجية الأمريكي أنتوني بلينكن ونظيره البريطاني ديفيد لامي" (one group, two actors).
 */
function joinCoordinated(phrases: ActorPhrase[], tokens: WorkToken[]): void {
  for (let k = 1; k < phrases.length; k++) {
    const prev = phrases[k - 1]!;
    const next = phrases[k]!;
    if (next.group === prev.group) continue;
    // … and counted ones: "خمسة عشر سعوديا وأربعة سودانيين"
    const counted = next.tokStart === prev.tokEnd + 1 && isNumber(tokens[prev.tokEnd]);
    if (next.tokStart !== prev.tokEnd && !counted) continue;
    if (piecesOf(tokens[prev.tokEnd])?.proclitics[0]?.norm !== "و") continue;
    // a nationality after a number names people: "خمسة عشر سعوديا" (Saudis), not a noun's adjective
    if (counted && prev.head === "adjective" && isNumber(tokens[prev.tokStart - 1])) {
      prev.head = "agent";
      prev.rules.push("role:counted-people");
    }
    if (!prev.code || !next.code || prev.head === "place" || next.head === "place") continue;
    const old = next.group;
    for (const p of phrases) if (p.group === old) p.group = prev.group;
  }
}

/** Words that make an office a past one: "الرئيس الفرنسي السابق"، "وزير الداخلية الأسبق". */
const FORMER = new Set(["السابق", "الاسبق", "السابقه", "سابق", "سابقا", "الاسبقه"].map(normalize));

/**
 * A former office holder acts for no state: "الرئيس الفرنسي السابق نيكولا ساركوزي" is one of
 * France's elites (FRAELI), not its government.
 */
function formerOfficial(p: ActorPhrase, tokens: WorkToken[], lexicon: Lexicon): void {
  if (!p.code || p.code.length < 6 || !STATE_ROLES.has(p.code.slice(3, 6))) return;
  for (let k = p.tokStart; k <= p.tokEnd && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.sentence !== p.sentence || !FORMER.has(t.norm)) continue;
    p.code = `${p.code.slice(0, 3)}ELI`;
    p.role = "ELI";
    p.name = codeName(p.code, lexicon);
    p.rules.push("role:former");
    return;
  }
}

/** Who a group's office holders are: "عضو المكتب السياسي لحركة حماس", "القيادي في حزب الله". */
const MEMBER_NOUNS = new Set(
  ["عضو", "قيادي", "القيادي", "مسؤول", "المسؤول", "زعيم", "قائد", "مؤسس", "رئيس", "المتحدث", "متحدث"].map(
    normalize,
  ),
);

/**
 * A name the lexicon does not know, right after a group it belongs to, acts for that group:
 * "عضو المكتب السياسي للحوثيين محمد البخيتي" → the Houthis. The group must be a genitive (لـ,
 * "في", "باسم") of a member noun before it, so an object after a subject is never taken for one.
 */
function memberOf(p: ActorPhrase, before: ActorPhrase | undefined, tokens: WorkToken[]): void {
  if (p.code || p.head !== "person" || !before?.code || before.head !== "org") return;
  if (before.tokEnd !== p.tokStart) return;
  const first = tokens[before.tokStart];
  const genitive =
    piecesOf(first)?.proclitics.some((x) => x.norm === "ل") ||
    ["في", "باسم"].includes(tokens[before.tokStart - 1]?.norm ?? "");
  if (!genitive) return;
  let member = false;
  for (let k = before.tokStart - 1; k >= Math.max(0, before.tokStart - 4); k--) {
    const t = tokens[k]!;
    if (t.kind !== "word" || t.sentence !== p.sentence) break;
    if (MEMBER_NOUNS.has(t.norm) || MEMBER_NOUNS.has(t.stem)) member = true;
  }
  if (!member) return;
  p.code = before.code;
  p.name = before.name;
  p.role = before.role;
  p.country = before.country;
  p.rules.push("role:member-of");
}

/**
 * People of no state still without a country take the place where their sentence says things
 * happen: "مقتل عشرات المحتجين برصاص قوات الأمن في بغداد" → Iraqi civilians.
 */
function peopleOfPlace(phrases: ActorPhrase[], tokens: WorkToken[], lexicon: Lexicon): void {
  const place = phrases.find((p) => isPlace(p) && !!p.code && WHERE.has(tokens[p.tokStart - 1]?.norm ?? ""));
  const country = place?.code?.slice(0, 3);
  if (!country || !lexicon.codes.countries.has(country)) return;
  for (const p of phrases) {
    if (p.code || !p.role || STATE_ROLES.has(p.role) || p.role === "REF") continue;
    if (lexicon.codes.roles.get(p.role)?.kind !== "role") continue;
    // captives are often not of the place where they are held ("المحتجزين في غزة")
    if (namesCaptives(p)) continue;
    p.code = country + p.role;
    p.country = country;
    p.name ??= codeName(p.code, lexicon);
    p.rules.push("coref:place-of-sentence");
  }
}

const OFFICE_IN = new Set(["في", "لدي"].map(normalize));

/** Words between a delegation and the group it comes from: "وفد من قادة قوى الحرية والتغيير". */
const DELEGATION_LINKS = new Set(["من", "عن", "قادة", "ممثلي", "اعضاء", "يضم", "ضم", "رفيع"].map(normalize));

/**
 * A delegation is of the group named right after it: "اجتمع بوفد من قادة قوى إعلان الحرية
 * والتغيير" meets the Forces of Freedom and Change, not the government named before.
 */
function delegationOf(phrases: ActorPhrase[], tokens: WorkToken[], lexicon: Lexicon): void {
  for (const [k, p] of phrases.entries()) {
    // an office "in" a named body is that body's: "المدعي العام في المحكمة الجنائية الدولية"
    const body = phrases[k + 1];
    if (
      p.head === "agent" &&
      (!p.code || p.rules.some((r) => r.startsWith("coref:"))) &&
      body?.code &&
      body.head === "org" &&
      body.tokStart === p.tokEnd + 1 &&
      OFFICE_IN.has(tokens[p.tokEnd]?.norm ?? "")
    ) {
      p.code = body.code;
      p.name = body.name ?? codeName(body.code, lexicon);
      p.role = body.role;
      p.country = body.country;
      p.rules.push("role:office-in");
      continue;
    }
    if (!p.pieces.some((x) => x.resolved.entry.id === "gov.delegation")) continue;
    let q = p.tokEnd;
    while (q < p.tokEnd + 4 && DELEGATION_LINKS.has(tokens[q]?.stem ?? "")) q++;
    const of = phrases[k + 1];
    if (q === p.tokEnd || !of?.code || of.tokStart !== q || of.head === "place") continue;
    p.code = of.code;
    p.name = of.name ?? codeName(of.code, lexicon);
    p.role = of.role;
    p.country = of.country;
    p.rules.push("role:delegation-of");
  }
}

export const actorsStage: Stage<ActorContext & { published?: string | null }> = {
  name: "actors",
  needs: ["tokens", "sentenceTokens", "mentions"],
  adds: ["actors", "entities"],
  run(doc, ctx) {
    const tokens = doc.tokens ?? [];
    const bounds = doc.sentenceTokens ?? [];
    const mentions = doc.mentions ?? [];
    const published = doc.input.published ?? null;
    const history: ActorPhrase[] = [];
    const aliases = new Map<string, ActorPhrase>();
    const entities: EntityOut[] = [];
    let id = 0;
    const nextId = () => id++;
    let mi = 0;
    for (let s = 0; s + 1 < bounds.length; s++) {
      const from = bounds[s]!;
      const to = bounds[s + 1]!;
      const inSentence: Mention[] = [];
      while (mi < mentions.length && mentions[mi]!.tokStart < to) inSentence.push(mentions[mi++]!);
      inSentence.push(...nameMentions(tokens, from, to, inSentence, ctx));
      inSentence.sort((a, b) => a.tokStart - b.tokStart);
      const phrases: ActorPhrase[] = [];
      for (const run of pieceRuns(tokens, inSentence, to, published, ctx.lexicon, ctx.common)) {
        const built = conjuncts(run, tokens, doc.text, s, id, ctx.lexicon);
        id += built.length;
        for (const p of built) {
          resolveByContext(p, history, ctx.lexicon, phrases, tokens);
          formerOfficial(p, tokens, ctx.lexicon);
          memberOf(p, phrases.at(-1), tokens);
          phrases.push(p);
          entities.push(...entitiesOf(p, doc));
          // a person named in full is found again by surname alone ("ماثيو ميلر" … "ميلر")
          const named = p.pieces.find((x) => x.resolved.kind === "person");
          if (named && p.code && named.tokEnd - named.tokStart > 1) {
            const surname = tokens[named.tokEnd - 1]!;
            if (surname.norm.length >= 3 && !ctx.common.has(surname.stem))
              for (const k of tokenKeys(surname)) aliases.set(k, p);
          }
        }
      }
      joinCoordinated(phrases, tokens);
      delegationOf(phrases, tokens, ctx.lexicon);
      peopleOfPlace(phrases, tokens, ctx.lexicon);
      const covered = new Set<number>();
      for (const p of phrases) for (let k = p.tokStart; k < p.tokEnd; k++) covered.add(k);
      // pointers look back over the history and this sentence's phrases: appended for the call and
      // removed again (a copy of the whole history per sentence is quadratic in long texts)
      const before = history.length;
      history.push(...phrases);
      const pointers = pointerPhrases(doc, from, to, covered, history, aliases, ctx, nextId);
      history.length = before;
      phrases.push(...pointers);
      phrases.sort((a, b) => a.tokStart - b.tokStart || a.id - b.id);
      history.push(...phrases);
    }
    doc.actors = history;
    doc.entities = entities;
  },
};
