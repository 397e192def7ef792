import type { ActorRef, EventOut } from "../../document.js";
import { normalize } from "../../lang/ar/normalize.js";
import type { Lexicon } from "../../lexicon/load.js";
import type { EventPattern } from "../../lexicon/types.js";
import type { ArticleDoc, Attribution, WorkToken } from "../doc.js";
import { ATTACK_NOUNS, judgedEvent, type LastActs } from "../judged.js";
import { prepOf, RECIPROCAL } from "../match.js";
import { betweenParties, hostedMeeting } from "../meetings.js";
import { TEMPORAL } from "../modality.js";
import { type ActorPhrase, actorPhrase, isPlace, namesCaptives } from "../phrases.js";
import { codeName } from "../resolve.js";
import { resolveDate } from "./dates.js";
import type { Trigger } from "./events.js";
import { NO_KEYS, tokenKeys } from "./mentions.js";
import { piecesOf } from "./tokens.js";

/**
 * Assembles coded events from matched triggers:
 *   source — the subject skipped inside the match (VSO: "ستتواصل الوزارة مع…"),
 *            else the clause's subject before the trigger ("بلينكن سيلتقي…"),
 *            else a genitive after a verbal noun ("دعم إيران … لحزب الله");
 *   target — the pattern's slot, expanded over coordination (one event each);
 *   passive verbs have no source unless the text names one.
 */

const LOCATIVE = new Set(
  ["في", "قرب", "على", "داخل", "عند", "بالقرب", "شمال", "جنوب", "شرق", "غرب", "وسط", "انحاء"].map(normalize),
);
const FACILITIES = new Set(["مطار", "ميناء", "معبر", "مرفا"].map(normalize));
const LOCATIVE_OR_TO = new Set(["في", "الي", "قرب"].map(normalize));
const PREPOSITIONS = new Set(
  // biome-ignore format: a word list
  ["في", "مع", "على", "الي", "عن", "من", "ضد", "بين", "لدي", "حول", "تجاه", "ازاء", "نحو", "عبر", "أمام", "خلف", "داخل", "عند", "تحت", "فوق", "قبل", "بعد", "منذ", "خلال", "وسط", "دون"].map(normalize,),
);

/** Patterns of what an act "constitutes" (11-disapprove.tsv): "الغارة شكلت انتهاكا". */
const CONSTITUTES = /^111\.(shakkal|mathal|yuadd)_/;

/** Patterns of judging by description (11-disapprove.tsv): "وصف X بأنه …", "معتبرة الضربة انتهاكا". */
const DESCRIBING = /^1[12][01]\.(wasaf|wasif|itabar|mutabir)_/;

/** Bodies a speaker names as their own: "مكتبه", "حكومتها", "قواته". */
const OWN_BODIES = new Set(
  // biome-ignore format: a word list
  ["مكتب", "حكومه", "بلاد", "قوات", "جماعه", "حركه", "وزاره", "حزب", "جيش", "دوله", "اداره", "اجهزه", "مقاتلي", "عناصر", "مسلحي"].map(normalize),
);

/** "وكان ترامب قد هدد …", "كانت قد فرضت": told as before the story (كان … قد before the verb). */
function pluperfect(tokens: WorkToken[], from: number, at: number): boolean {
  let kana = false;
  for (let k = Math.max(from - 12, 0); k < at; k++) {
    const t = tokens[k]!;
    if (t.sentence !== tokens[at]?.sentence) continue;
    if (/^(كان|كانت|كانوا)$/.test(t.stem)) kana = true;
    if (kana && t.norm === "قد") return true;
  }
  return false;
}

/** Receiving a guest (استقبل، يستقبل): the guest visits. */
const RECEPTION = /^043\.istaqbal\./;

/** Who an investigation suspects, rather than the victims it names first. */
const SUSPECTS = /^(GOV|MIL|COP|SPY|REB|UAF|IMG)/;

/** Negation by a verb of denial (نفى، نفت): see the recoding of denied attacks below. */
const DENIAL = /^modality:neg\.nafa/;

const UNTARGETED_ROOTS = new Set(["14", "15", "18", "19", "20"]);

const QUANTIFIERS = new Set(["كل", "جميع", "بعض", "كافه", "مختلف", "عدد"].map(normalize));

/** The object pronoun on a verb whose pattern has a direct object slot: "استقبله", "دانتها", "دعاهما". */
function objectPronoun(t: WorkToken | undefined, pattern: EventPattern): string | null {
  const [first, slot] = pattern.tokens;
  if (pattern.form !== "verb" || slot?.kind !== "slot" || slot.prep) return null;
  // the verb must be the stem without the pronoun ("واتهم" is اتهم, not ات + هم)
  if (first?.kind !== "word" || !t?.seg || first.key !== t.stem) return null;
  // hosting "it" (استضافته) is hosting a meeting, not a party; receiving him (استقبله) is a party
  if (/ستضاف|ستضيف/.test(first.key)) return null;
  const enc = t.seg.enclitics.map((x) => x.norm).join("");
  return ["ه", "ها", "هم", "هما"].includes(enc) ? enc : null;
}

/**
 * What an object pronoun refers to: for "هما" the last pair named together, for a judging verb
 * the author of the attack last reported ("دانتها" = condemned it), else the latest actor before
 * the verb that is not its subject.
 */
function antecedentOf(
  actors: ActorPhrase[],
  groupSizes: ReadonlyMap<number, number>,
  trigger: number,
  pronoun: string,
  subject: ActorPhrase[],
  lastAttack: ActorPhrase | null,
  pattern: EventPattern,
): ActorPhrase[] {
  const usable = (a: ActorPhrase) =>
    !!a.code &&
    a.tokEnd <= trigger &&
    a.head !== "place" &&
    a.head !== "adjective" &&
    !subject.some((s) => s.code === a.code);
  if (/^1[12]/.test(pattern.cameo) && lastAttack && pronoun !== "هما") return [lastAttack];
  if (pronoun === "هما") {
    const last = actors.findLast((a) => usable(a) && groupSizes.get(a.group) === 2);
    return last ? actors.filter((b) => b.group === last.group && usable(b)) : [];
  }
  const last = actors.findLast(usable);
  return last ? [last] : [];
}

/** The countries of a list of actors ("USAGOV" → "USA"). */
function countriesOf(list: ActorPhrase[]): Set<string | undefined> {
  return new Set(list.map((p) => p.code?.slice(0, 3)));
}

/**
 * The first actor starting in tokens [from, stop) that belongs to none of the `own` countries and
 * passes `accept`: the other party a clause names after a pattern.
 */
function otherParty(
  phrases: ActorPhrase[],
  from: number,
  stop: number,
  own: Set<string | undefined>,
  accept: (p: ActorPhrase) => boolean = () => true,
): ActorPhrase | undefined {
  return phrases.find(
    (p) => p.tokStart >= from && p.tokStart < stop && !!p.code && !own.has(p.code.slice(0, 3)) && accept(p),
  );
}

/**
 * The nationalities that follow a phrase side by side, each a party of its own: "المحادثات الإيرانية
 * الأمريكية", "بوساطة سعودية أمريكية".
 */
function nationalitiesAfter(first: ActorPhrase, phrases: ActorPhrase[]): ActorPhrase[] {
  const out: ActorPhrase[] = [];
  for (let end = first.tokEnd; ; ) {
    const next = phrases.find((p) => p.tokStart === end && p.head === "adjective" && !!p.code);
    if (!next) return out;
    out.push(next);
    end = next.tokEnd;
  }
}

/** The first punctuation or sentence end from `from` on, or `limit` if none comes before it. */
function punctuationAfter(tokens: WorkToken[], from: number, limit: number, sentence: number): number {
  let k = from;
  while (k < limit && tokens[k]?.sentence === sentence && tokens[k]?.kind !== "punct") k++;
  return k;
}

/** Actor phrases that can be parties (no nationality adjectives, no places). */
function partyPhrases(all: ActorPhrase[]): ActorPhrase[] {
  return all.filter((p) => p.head !== "adjective" && p.head !== "place");
}

/** Words that end the clause an attack's object is sought in. */
const ATTACK_CLAUSE_ENDS = new Set(
  ["فيما", "بينما", "حيث", "بعد", "قبل", "ما", "مما", "اسفر", "اسفرت"].map(normalize),
);

/** Complementizers that end a pattern ("حذر * من أن", "توعد * بأن"): a clause follows. */
const CLAUSE_OPENING = new Set(["ان", "بان", "انه", "انها"]);

const STATE = /^(GOV|MIL|COP|SPY|LEG|JUD)/;

/**
 * "السعودية" and "الحكومة السعودية" are one party: a country and its own state institutions
 * form no dyad (its protesters and the country do: "EGYCVL → EGY").
 */
function ownCountry(a: string, b: string): boolean {
  if (a === b) return true;
  const [bare, full] = a.length === 3 ? [a, b] : b.length === 3 ? [b, a] : ["", ""];
  return !!bare && full.startsWith(bare) && STATE.test(full.slice(3));
}

/** Is the phrase the object of a preposition ("مع كل الأحزاب", "بمسؤولين")? Then it is no subject. */
function inPrepPhrase(phrase: ActorPhrase, tokens: WorkToken[]): boolean {
  // a conjunct shares its list's preposition: "في لندن وسويسرا" puts سويسرا after في too
  const p = groupHeads.get(phrase) ?? phrase;
  const first = tokens[p.tokStart];
  if (prepOf(first)) return true;
  let k = p.tokStart - 1;
  while (k >= 0 && QUANTIFIERS.has(tokens[k]!.stem)) k--;
  const prev = tokens[k];
  return (
    !!prev &&
    (PREPOSITIONS.has(prev.norm) ||
      (!!piecesOf(prev)?.proclitics.some((x) => x.norm === "ب" || x.norm === "ل") &&
        QUANTIFIERS.has(prev.stem)))
  );
}

/** The first phrase of each phrase's coordinated group (set per article in assembleEvents). */
const groupHeads = new WeakMap<ActorPhrase, ActorPhrase>();

function ref(p: ActorPhrase): ActorRef {
  return { code: p.code, name: p.name, text: p.text };
}

function group(p: ActorPhrase, all: ActorPhrase[]): ActorPhrase[] {
  const g = all.filter((x) => x.group === p.group && x.sentence === p.sentence);
  return g.length ? g : [p];
}

/** Items grouped by sentence, in order (built once per article: per-trigger scans are quadratic). */
export function bySentence<T extends { sentence: number }>(
  items: readonly T[],
  keep: (x: T) => boolean = () => true,
) {
  const out = new Map<number, T[]>();
  for (const x of items) {
    if (!keep(x)) continue;
    const list = out.get(x.sentence);
    if (list) list.push(x);
    else out.set(x.sentence, [x]);
  }
  return out;
}

/**
 * A perfect verb written with a damma as its first vowel is passive: "اعتُقل الغنوشي", "قُتل",
 * "أُجبرت". Writers mark exactly these; the pattern is then read as a passive (its object slot is
 * what was done to, the doer comes from "على أيدي …" or context).
 */
function markedPassive(t: Trigger, tokens: WorkToken[]): Trigger {
  const pattern = t.match.pattern;
  if (pattern.form !== "verb") return t;
  const w = tokens[t.match.trigger];
  const stem = w?.seg ? w.text.slice(w.seg.stem.start - w.start) : (w?.text ?? "");
  const vowels = stem.match(/[\u064B-\u0650]/);
  if (vowels?.[0] !== "\u064F" || /^[يتن]/.test(stem)) return t;
  return { ...t, match: { ...t.match, pattern: { ...pattern, form: "passive" } } };
}

/** Verbs whose subject performs the verbal noun that follows: "أعلن الجيش فرض حظر التجول", "استخدمت الشرطة الغاز". */
const LIGHT_VERBS = new Set(
  // biome-ignore format: a word list
  ["اعلن", "اعلنت", "قرر", "قررت", "استخدم", "استخدمت", "استخدموا", "تولي", "تولت", "رد", "ردت", "تواصل", "يواصل", "اقر", "اقرت", "بدا", "بدات", "باشر", "باشرت", "واصل", "واصلت", "استانف", "استانفت", "اجري", "اجرت", "عقد", "عقدت", "شن", "شنت", "نفذ", "نفذت", "اطلق", "اطلقت", "قاد", "قادت"].map(normalize),
);

/** How many words may separate a verbal noun from the subject that acts it. */
const NOUN_REACH = 4;

/**
 * Who says the words at a token: of the attributions whose content holds it, the one whose cue
 * stands last before it ("أعلنت وزارة الصحة …، فيما قال المتحدث باسم الجيش إنه تم اعتقال …").
 */
function saidBy(said: Attribution[], at: number): Attribution | undefined {
  let best: Attribution | undefined;
  for (const a of said)
    if (a.tokStart <= at && at < a.tokEnd && a.cueEnd <= at && (!best || a.cueEnd > best.cueEnd)) best = a;
  return best ?? said.find((a) => a.tokStart <= at && at < a.tokEnd);
}

/** Chooses the source phrases of a trigger. */
function sources(
  doc: ArticleDoc,
  t: Trigger,
  all: ActorPhrase[],
  attributions: Attribution[],
  mainSubject: ActorPhrase[] | undefined,
): { list: ActorPhrase[]; rule: string } {
  const phrases = all;
  const tokens = doc.tokens ?? [];
  const { match } = t;
  if (match.pattern.form === "passive" || match.pattern.form === "noun") {
    const agent = agentPhrase(tokens, all, match.trigger, match.targets);
    if (agent) return { list: group(agent, all), rule: "source:agent" };
  }
  if (match.pattern.form === "passive") return { list: [], rule: "source:passive" };
  if (match.pattern.form === "participle") return clauseSubject(doc, t, all, attributions, mainSubject);
  const isTarget = (p: ActorPhrase) => match.targets.includes(p);
  const skipped = match.skipped.find((p) => !isTarget(p) && !(match.pattern.form === "noun" && isPlace(p)));
  if (skipped)
    return {
      list: group(skipped, phrases),
      rule: match.pattern.form === "noun" ? "source:genitive" : "source:vso",
    };
  // the attribution whose content holds the trigger, if any
  const said = attributions.find((a) => a.tokStart <= match.trigger && match.trigger < a.tokEnd);
  // "نقلت الوكالة عن المجلس ترحيبه بالمبادرة": a verbal noun with the speaker's pronoun is the speaker's
  const trig = tokens[match.trigger];
  if (
    said?.speaker.code &&
    match.pattern.form === "noun" &&
    piecesOf(trig)?.enclitics.length &&
    said.cueEnd <= match.trigger
  )
    return { list: [said.speaker], rule: "source:speaker-pronoun" };
  if (match.pattern.form === "noun") {
    // a capital or place after the noun is where it happens, not who does it ("لقاء باريس"، "قمة الرياض")
    const genitive = phrases.find(
      (p) => p.tokStart === match.trigger + 1 && !isTarget(p) && !inPrepPhrase(p, tokens) && !isPlace(p),
    );
    // "المحادثات الإيرانية الأمريكية": nationalities side by side on one noun are its parties
    if (genitive?.head === "adjective") {
      const side = [genitive, ...nationalitiesAfter(genitive, phrases)];
      if (side.length > 1) return { list: side, rule: "source:genitive" };
    }
    if (genitive) return { list: group(genitive, phrases), rule: "source:genitive" };
    // "هجوم بري إسرائيلي على رفح": a nationality after a word of description
    const adjective = phrases.find(
      (p) => p.head === "adjective" && p.tokStart === match.trigger + 2 && !isTarget(p),
    );
    if (adjective && tokens[match.trigger + 1]?.kind === "word")
      return { list: group(adjective, phrases), rule: "source:adjective" };
  }
  // "نفى لافروف أن تكون روسيا قد هاجمت أوكرانيا، واتهم الدول الغربية": a verb that opens a clause
  // after a comma takes its subject from the main clause, not from the complement before the comma
  const prev = tokens[match.trigger - 1];
  const opensClause =
    (prev?.text === "،" || prev?.text === ",") &&
    piecesOf(tokens[match.trigger])?.proclitics[0]?.norm === "و";
  const sentenceStart = doc.sentenceTokens?.[t.sentence] ?? 0;
  const mainClause =
    opensClause && t.clauseStart > sentenceStart && CLAUSE_OPENING.has(tokens[t.clauseStart - 1]?.norm ?? "");
  const [lo, hi] = mainClause ? [sentenceStart, t.clauseStart - 1] : [t.clauseStart, match.trigger];
  const before = phrases.filter(
    (p) =>
      p.tokEnd <= hi &&
      p.tokStart >= lo &&
      !isTarget(p) &&
      !inPrepPhrase(p, tokens) &&
      !(mainClause && isPlace(p)),
  );
  // the subject right before the verb wins over the clause's first actor ("احتجاجات إيران تتسع وواشنطن تفرض")
  const adjacent = [...before].reverse().find((p) => match.trigger - group(p, phrases).at(-1)!.tokEnd <= 1);
  if (adjacent && adjacent !== before[0] && !group(before[0]!, phrases).includes(adjacent))
    before.unshift(group(adjacent, phrases)[0]!);
  // a verbal noun's agent is the subject only when it stands close ("شنت القوات الأمريكية غارات"):
  // "فرض الاتحاد عقوبات على إيران … لاستخدامها في الحرب على أوكرانيا" is not the Union's war
  const noun = match.pattern.form === "noun";
  const lastBefore = before[0] ? group(before[0], phrases).at(-1) : undefined;
  // … or when the verb before that subject hands it the action: "قرر المجلس … استدعاء القائم بالأعمال"
  const light = before[0] && LIGHT_VERBS.has(tokens[before[0].tokStart - 1]?.stem ?? "");
  // … or no other actor stands between them ("بلينكن، سيناقش … في اجتماع يوم الخميس مع …")
  const between = (from: number) =>
    phrases.some(
      (p) =>
        p.tokStart >= from &&
        p.tokEnd <= match.trigger &&
        p.head !== "place" &&
        p.head !== "adjective" &&
        !inPrepPhrase(p, tokens),
    );
  const close = match.trigger - (lastBefore?.tokEnd ?? 0) <= NOUN_REACH || !between(lastBefore?.tokEnd ?? 0);
  if (before[0] && (!noun || light || close))
    return {
      list: group(before[0], phrases),
      // "أعلنت قيادة العمليات فرض حظر التجول": the light verb's subject does what its noun names
      // (right after it: "أعلنت الحكومة أمس عن خطة لمواجهة الاحتجاجات" does not protest)
      rule:
        noun && light && lastBefore && match.trigger - lastBefore.tokEnd <= 2
          ? "source:light-verb"
          : "source:subject-before",
    };
  if (noun && before[0]) return { list: [], rule: "source:none" };
  if (match.pattern.form === "noun") {
    const earlier = phrases.filter(
      (p) => p.tokEnd <= match.trigger && !isTarget(p) && !inPrepPhrase(p, tokens),
    );
    if (earlier[0]) return { list: group(earlier[0], phrases), rule: "source:sentence-subject" };
  }
  const after = phrases.find(
    (p) =>
      p.tokStart > match.trigger &&
      p.tokStart <= match.trigger + 2 &&
      !isTarget(p) &&
      !inPrepPhrase(p, tokens),
  );
  // (a verbal noun's following genitive was weighed above: "استهداف قنصليتها" is what was hit)
  if (after && !match.targets.length && match.pattern.form !== "noun")
    return { list: group(after, phrases), rule: "source:vso" };
  // "شنت الطائرات التركية غارات على …": the subject is a noun whose nationality names its actor
  if (
    after?.head === "adjective" &&
    match.pattern.form === "verb" &&
    after.tokStart === match.trigger + 2 &&
    tokens[match.trigger + 1]?.kind === "word" &&
    match.targets.every((p) => p.tokStart > after.tokEnd)
  )
    return { list: group(after, phrases), rule: "source:vso-adjective" };
  // "أعلنت القاهرة أنها سترسل …": the pronoun on أن is the speaker
  const comp = said ? tokens[said.tokStart] : undefined;
  if (said && piecesOf(comp)?.enclitics.length && said.speaker.code)
    return { list: [said.speaker], rule: "source:speaker-pronoun" };
  // "قال خان إن مكتبه يحقق في …", "إن قواته ستواصل": the speaker's own body, named by its pronoun
  const own = tokens[match.trigger - 1];
  const ownBody =
    !!own &&
    ((!!piecesOf(own)?.enclitics.length && OWN_BODIES.has(own.stem)) ||
      OWN_BODIES.has(own.norm.replace(/(ه|ها|هم)$/, "")));
  if (said?.speaker.code && ownBody) return { list: [said.speaker], rule: "source:speaker-body" };
  return { list: [], rule: "source:none" };
}

/**
 * The subject a participle hangs on: the source of the sentence's last coded verb before it
 * ("اتهم لعمامرة الرباط …، مطالبا …"), else the speaker ("قال السراج …، داعيا …"), else the
 * sentence's first actor outside a prepositional phrase.
 */
function clauseSubject(
  doc: ArticleDoc,
  t: Trigger,
  all: ActorPhrase[],
  attributions: Attribution[],
  mainSubject: ActorPhrase[] | undefined,
): { list: ActorPhrase[]; rule: string } {
  if (mainSubject?.length) return { list: mainSubject, rule: "source:clause-subject" };
  const trigger = t.match.trigger;
  const said = attributions.findLast((a) => a.cueEnd <= trigger && a.speaker.code);
  if (said) return { list: [said.speaker], rule: "source:clause-speaker" };
  const tokens = doc.tokens ?? [];
  const first = all.find(
    (p) =>
      p.tokEnd <= trigger &&
      p.head !== "adjective" &&
      !inPrepPhrase(p, tokens) &&
      !t.match.targets.includes(p),
  );
  return first ? { list: group(first, all), rule: "source:clause-first" } : { list: [], rule: "source:none" };
}

/** Words that introduce the agent of a passive or a verbal noun. */
const AGENT_MARKERS: Array<[string, string]> = [
  ["علي", "يد"], // على يد
  ["علي", "ايدي"], // على أيدي
  ["من", "قبل"], // من قبل
];
const AGENT_VERBS = new Set(["شن", "نفذ", "اجري", "قاد", "اطلق", "تبني", "ارتكب", "نظم"].map(normalize));
const AGENT_INSTRUMENTS = new Set(["رصاص", "نيران", "نار"].map(normalize));

/**
 * The agent named after a passive or a verbal noun: "تم اعتقال مئات المتظاهرين على أيدي قوات
 * مكافحة الشغب", "مقتل عشرات المحتجين برصاص قوات الأمن", "… من قبل الشرطة".
 */
function agentPhrase(
  tokens: WorkToken[],
  phrases: ActorPhrase[],
  trigger: number,
  targets: ActorPhrase[],
): ActorPhrase | null {
  for (let k = trigger + 1; k < trigger + 20; k++) {
    const t = tokens[k];
    if (t?.kind !== "word") return null;
    const next = tokens[k + 1];
    let at = -1;
    if (next && AGENT_MARKERS.some(([a, b]) => t.norm === a && next.stem.replace(/^ال/, "") === b))
      at = k + 2;
    else if (piecesOf(t)?.proclitics.some((x) => x.norm === "ب") && AGENT_INSTRUMENTS.has(t.stem)) at = k + 1;
    // "هجوم شنه مسلحون", "زيارة أجراها الوزيران": a relative verb with the noun's pronoun names its doer
    else if (piecesOf(t)?.enclitics.length && AGENT_VERBS.has(t.stem)) at = k + 1;
    // "قُتل سليماني في غارة أمريكية": the nationality of the attack that did it
    else if (ATTACK_NOUNS.has(t.stem.replace(/^ال/, ""))) {
      const adjective = phrases.find(
        (x) =>
          x.head === "adjective" && (x.tokStart === k + 1 || x.tokStart === k + 2) && !targets.includes(x),
      );
      if (adjective) return adjective;
    }
    if (at < 0) continue;
    const p = phrases.find((x) => x.tokStart === at && x.head !== "adjective" && !targets.includes(x));
    return p ?? null;
  }
  return null;
}

/** "بلينكن سيلتقي …": a subject before the verb counts when at most two words separate them. */
function isAdjacentSubject(src: { list: ActorPhrase[]; rule: string }, trigger: number): boolean {
  if (src.rule !== "source:subject-before" && src.rule !== "source:light-verb")
    return src.rule === "source:vso" || src.rule === "source:genitive";
  const last = src.list[src.list.length - 1];
  return !!last && trigger - last.tokEnd <= 2;
}

/** CAMEO actions done together: consult, negotiate, cooperate, agree, exchange, fight. */
const MUTUAL = new Set([
  "030",
  "031",
  "036",
  "040",
  "041",
  "044",
  "046",
  "050",
  "057",
  "060",
  "061",
  "062",
  "063",
  "064",
  "0841",
  "190",
  "193",
]);

function isMutual(cameo: string): boolean {
  return MUTUAL.has(cameo) || MUTUAL.has(cameo.slice(0, 3));
}

const ATTACK = /^(18|19|20)/;
/** Acts others judge as measures: demands, aid, sanctions, cuts, force and the like (not talk). */
const MEASURE = /^(06|07|08|10|12|13|14|15|16|17)/;
/** Taking captives: arrests, detentions, abductions, hostage-taking. */
const CAPTURE = /^(17[13]|181)/;
const RELEASE_WORDS = new Set(["افراج", "الافراج", "سراح", "اطلاق"].map(normalize));

/** Whoever holds someone, named after "لدى" a few words on: "الرهائن المحتجزين لدى حركة حماس". */
function holderAfter(
  tokens: WorkToken[],
  phrases: ActorPhrase[],
  from: number,
  to: number,
): ActorPhrase | null {
  for (let k = from; k < Math.min(to, from + 14); k++)
    if (tokens[k]?.norm === "لدي") return phrases.find((p) => p.tokStart === k + 1 && !!p.code) ?? null;
  return null;
}

/** "…، وبالإفراج عن": a release joined by و and ب to an earlier demand, after a comma. */
function secondRelease(tokens: WorkToken[], from: number, to: number): number {
  let comma = false;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.text === "،" || t.text === ",") comma = true;
    const pro = piecesOf(t)?.proclitics.map((x) => x.norm) ?? [];
    if (comma && pro[0] === "و" && pro.includes("ب") && RELEASE_WORDS.has(t.stem.replace(/^ال/, "")))
      return k;
  }
  return -1;
}

/** Does a demand ask to free someone ("بالإفراج عن", "بإطلاق سراح")? Its words or the next few. */
function freesCaptives(tokens: WorkToken[], match: { words: number[]; end: number }): boolean {
  for (let k = match.words[0]! + 1; k < match.end + 3; k++) {
    const t = tokens[k];
    if (t && (RELEASE_WORDS.has(t.stem) || RELEASE_WORDS.has(t.norm.replace(/^[وبل]+/, "")))) return true;
  }
  return false;
}
function location(doc: ArticleDoc, t: Trigger, phrases: ActorPhrase[]) {
  const tokens = doc.tokens ?? [];
  const places = phrases
    // places and capitals ("في القاهرة") are where an event happens
    .filter((p) => isPlace(p) && !t.match.targets.includes(p))
    .filter((p) => {
      const first = tokens[p.tokStart];
      const prev = tokens[p.tokStart - 1];
      // "في مطار دمشق", "إلى ميناء بنغازي": a facility of the place after a locative
      const facility =
        !!prev && FACILITIES.has(prev.stem) && LOCATIVE_OR_TO.has(tokens[p.tokStart - 2]?.norm ?? "");
      return (
        piecesOf(first)?.proclitics.some((x) => x.norm === "ب") ||
        (!!prev && LOCATIVE.has(prev.norm)) ||
        facility
      );
    });
  const after = places.find((p) => p.tokStart >= t.match.trigger);
  const chosen = after ?? places[places.length - 1];
  if (!chosen) return null;
  const capital = chosen.pieces.find((x) => x.resolved.kind === "capital");
  return capital
    ? {
        name: capital.resolved.entry.forms[0] ?? chosen.text,
        code: capital.resolved.country,
        text: chosen.text,
      }
    : { name: chosen.name ?? chosen.text, code: chosen.code, text: chosen.text };
}

const topicCache = new WeakMap<ArticleDoc, Map<number, string[]>>();

/** Topics named in a sentence (computed once per sentence). */
function topics(doc: ArticleDoc, sentence: number, lexicon: Lexicon): string[] {
  let perDoc = topicCache.get(doc);
  if (!perDoc) {
    perDoc = new Map();
    topicCache.set(doc, perDoc);
  }
  const hit = perDoc.get(sentence);
  if (hit) return hit;
  const found = sentenceTopics(doc, sentence, lexicon);
  perDoc.set(sentence, found);
  return found;
}

function sentenceTopics(doc: ArticleDoc, sentence: number, lexicon: Lexicon): string[] {
  const tokens = doc.tokens ?? [];
  const bounds = doc.sentenceTokens ?? [];
  const out = new Set<string>();
  const from = bounds[sentence] ?? 0;
  const to = bounds[sentence + 1] ?? tokens.length;
  const alt = (j: number) => (tokens[j]?.kind === "word" ? tokenKeys(tokens[j]!) : NO_KEYS);
  for (let i = from; i < to; i++) {
    const m = lexicon.topicTrie.longest(i, to, alt);
    if (!m) continue;
    for (const topic of m.values) out.add(topic.topic);
    i += m.length - 1;
  }
  return [...out].sort();
}

export function assembleEvents(doc: ArticleDoc, triggers: Trigger[], lexicon: Lexicon): EventOut[] {
  const tokens = doc.tokens ?? [];
  const events: EventOut[] = [];
  const actorsBySentence = bySentence(doc.actors ?? [], (a) => !!a.code);
  const attributionsBySentence = bySentence(doc.attributions ?? []);
  const datesBySentence = bySentence(doc.dates ?? []);
  const firsts = new Map<string, ActorPhrase>();
  const groupSizes = new Map<number, number>();
  for (const a of doc.actors ?? []) {
    groupSizes.set(a.group, (groupSizes.get(a.group) ?? 0) + 1);
    const key = `${a.sentence}|${a.group}`;
    const head = firsts.get(key);
    if (head) groupHeads.set(a, head);
    else firsts.set(key, a);
  }
  /** The authors of the latest attack and measure coded so far, for "أدان الهجوم" later on. */
  const lastActs: LastActs = { attack: null, measure: null, captor: null };
  const attacks = new Map<string, number>();
  /** Who accused each country last (by the accused country's code). */
  const accusers = new Map<string, ActorPhrase>();
  // the story's date: the first date its heading or lead gives ("أمس السبت" in the first sentence)
  const leadMention = (doc.dates ?? []).find((d) => d.sentence <= 2 && !d.since);
  const leadDate = leadMention ? resolveDate(leadMention, doc.input.published ?? null, false) : null;
  /** The source of each sentence's latest verb event: a participle after it shares it. */
  const mainSubjects = new Map<number, ActorPhrase[]>();
  for (const written of triggers) {
    const t = markedPassive(written, tokens);
    const { match } = t;
    const pattern = match.pattern;
    const sentenceStart = doc.sentenceTokens?.[t.sentence] ?? 0;
    const sentenceEnd = doc.sentenceTokens?.[t.sentence + 1] ?? tokens.length;
    const hasSlot = pattern.tokens.some((x) => x.kind === "slot");
    let eventTarget: ActorPhrase | null = null;
    if (match.open) {
      // "أدانت مصر الغارات": the object is an earlier attack, its author the target
      eventTarget = judgedEvent(tokens, match.end - 1, lastActs, doc.actors);
      if (!eventTarget) continue;
    } else if (hasSlot && !match.targets.length) continue;
    const withAdjectives = actorsBySentence.get(t.sentence) ?? [];
    const said = attributionsBySentence.get(t.sentence) ?? [];
    let src = sources(doc, t, withAdjectives, said, mainSubjects.get(t.sentence));
    // "رحبت حماس بالقرار، وأكدت استعدادها …": a verb joined by و with no subject of its own shares
    // the subject of the sentence's verb before it
    const shared = mainSubjects.get(t.sentence);
    // … and so does a verb after "قبل أن" / "بعد أن" ("والتقى البرهان، قبل أن يجتمع بوفد من …")
    const temporal =
      TEMPORAL.has(tokens[match.trigger - 2]?.stem ?? "") && tokens[match.trigger - 1]?.norm === "ان";
    if (
      !src.list.length &&
      pattern.form === "verb" &&
      shared &&
      (temporal ||
        (piecesOf(tokens[match.trigger])?.proclitics[0]?.norm === "و" &&
          !partyPhrases(withAdjectives).some(
            (p) => p.tokStart > shared.at(-1)!.tokEnd && p.tokEnd <= match.trigger,
          )))
    )
      src = { list: shared, rule: "source:shared-subject" };
    if (src.list.length && pattern.form === "verb" && !mainSubjects.has(t.sentence))
      mainSubjects.set(t.sentence, src.list);
    const phrases = withAdjectives.filter((p) => p.head !== "adjective");
    let targets = eventTarget ? [eventTarget] : match.targets;
    // "طالب غوتيريش الحوثيين بالإفراج عن الموظفين": a demand or appeal is aimed at whom it addresses,
    // the actor between its subject and the rest of the pattern
    if (/^(02|10)/.test(pattern.cameo) && pattern.form === "verb" && match.skipped[0] && match.words[1]) {
      const subjectEnd = group(match.skipped[0], phrases).at(-1)!.tokEnd;
      const addressee = phrases.findLast(
        (p) =>
          p.tokStart >= subjectEnd &&
          p.tokEnd <= match.words[1]! &&
          !prepOf(tokens[p.tokStart]) &&
          !LOCATIVE.has(tokens[p.tokStart - 1]?.norm ?? "") &&
          // (a name in apposition is the subject again: "الأمين العام للأمم المتحدة أنطونيو غوتيريش")
          p.code !== match.skipped[0]?.code,
      );
      const slotAfter = !targets[0] || targets[0].tokStart >= match.words[1];
      if (addressee && slotAfter && !targets.includes(addressee)) targets = group(addressee, phrases);
      // "ودان غوتيريش الهجوم، وطالب السلطات السودانية بإجراء تحقيق": a verb joined by و whose one
      // phrase is another party than the sentence's subject addresses that party; the subject is shared
      const shared = mainSubjects.get(t.sentence);
      const only = match.skipped[0];
      if (
        !addressee &&
        !targets.length &&
        shared?.length &&
        piecesOf(tokens[match.trigger])?.proclitics[0]?.norm === "و" &&
        only.tokStart === match.trigger + 1 &&
        !shared.some((x) => x.code === only.code)
      ) {
        targets = group(only, phrases);
        src = { list: shared, rule: "source:shared-subject" };
      }
    }
    // "استقبله ولي العهد": the object is the pronoun on the verb, the phrase after it the subject
    const pronoun = objectPronoun(tokens[match.trigger], pattern);
    if (pronoun && targets[0] && targets[0].tokStart <= match.trigger + 2) {
      const antecedent = antecedentOf(
        doc.actors ?? [],
        groupSizes,
        match.trigger,
        pronoun,
        targets,
        lastActs.attack,
        pattern,
      );
      if (antecedent.length) {
        src = { list: targets, rule: "source:vso" };
        targets = antecedent;
        eventTarget = antecedent[0]!;
      }
    }
    // "التقى الرئيس المصري نظيره الفرنسي": with no subject before, the slot phrase is the subject;
    // so is a nominative plural right after the verb ("حذر المسؤولون من …")
    const slot = pattern.tokens[1];
    const attack = /^(18|19|20)/.test(pattern.cameo);
    // the object after a subject: an actor (not a place after في, unless hit by an attack), or a noun
    // whose nationality names its agent ("أدانت الخارجية القطرية بشدة الغارات الإسرائيلية")
    // a name right after the subject is its apposition ("المتحدث العسكري باسم الحوثيين يحيى سريع"),
    // and an actor is not its own object
    const objectAfter = (end: number, subject?: ActorPhrase): ActorPhrase | undefined => {
      const same = (p: ActorPhrase) => !!subject?.code && !!p.code && p.code === subject.code;
      const apposition = phrases.find(
        (p) =>
          p.tokStart === end &&
          p.head === "person" &&
          !!subject?.code &&
          p.code?.slice(0, 3) === subject.code.slice(0, 3),
      );
      const from = apposition ? apposition.tokEnd : end;
      // … never past a comma: "ودان غوتيريش الهجوم، وطالب السلطات السودانية" (the authorities are the
      // next verb's object)
      let reach = from + 3;
      for (let q = from; q < reach; q++) if (tokens[q]?.kind === "punct") reach = q;
      return (
        phrases.find(
          (p) =>
            p.tokStart >= from &&
            p.tokStart <= reach &&
            !same(p) &&
            (attack || !LOCATIVE.has(tokens[p.tokStart - 1]?.norm ?? "")) &&
            // nor what a ب-noun after the subject governs ("اتهم الدول الغربية بتزويد كييف")
            !(p.tokStart > from && prepOf(tokens[p.tokStart - 1]) === "ب"),
        ) ??
        withAdjectives.find(
          (p) => p.head === "adjective" && p.tokStart > from && p.tokStart <= reach && !same(p),
        )
      );
    };
    // "قصفت المدفعية الإسرائيلية بلدات في جنوب لبنان": the subject is a noun with a nationality
    if (
      slot?.kind === "slot" &&
      pattern.form === "verb" &&
      targets[0]?.head === "adjective" &&
      targets[0].tokStart === match.trigger + 2 &&
      !src.list.length
    ) {
      const object = objectAfter(targets[0].tokEnd);
      if (!object) continue;
      src = { list: [targets[0]], rule: "source:vso-adjective" };
      targets = group(object, phrases);
    }
    // "دانت كل من مصر وقطر الغارات": the subject after a quantifier
    const quantified = tokens[match.trigger + 1]?.stem === "كل" && tokens[match.trigger + 2]?.stem === "من";
    let subjectInSlot = false;
    const subjectAt = match.trigger + (quantified ? 3 : 1);
    if (
      pattern.form !== "participle" &&
      pattern.form !== "passive" &&
      slot?.kind === "slot" &&
      !slot.prep &&
      targets[0] &&
      targets[0].tokStart === subjectAt
    ) {
      const lastTarget = targets[targets.length - 1]!;
      // (past a name in apposition: "دان الأمين العام للجامعة العربية أحمد أبو الغيط العملية")
      const named = phrases.find(
        (p) =>
          p.tokStart === lastTarget.tokEnd &&
          p.head === "person" &&
          p.code?.slice(0, 3) === lastTarget.code?.slice(0, 3),
      );
      const judged = /^1[12]/.test(pattern.cameo)
        ? judgedEvent(tokens, named?.tokEnd ?? lastTarget.tokEnd, lastActs, doc.actors)
        : null;
      const next = objectAfter(lastTarget.tokEnd, lastTarget) ?? judged ?? undefined;
      if (next && next === judged) eventTarget = judged;
      const nominative = /ون$/.test(tokens[targets[0].tokStart]?.norm ?? "");
      // the subject found before the verb loses to a VSO subject unless it stands right before it
      const weak = src.list.length === 0 || !isAdjacentSubject(src, match.trigger);
      if ((weak || nominative) && (next || nominative)) {
        src = { list: targets, rule: "source:vso" };
        targets = next ? group(next, withAdjectives) : [];
        if (!targets.length) continue;
      } else if (weak && !next && /^13/.test(pattern.cameo) && pattern.tokens.length > 2) {
        // "هدد ترامب بفرض عقوبات على العراق": the phrase in the object slot is the subject, and the
        // threat is aimed at the party its clause names (below)
        src = { list: targets, rule: "source:vso" };
        targets = [];
        subjectInSlot = true;
      }
    }
    // "في اجتماع استضافه وزير الخارجية التركي": the host meets the meeting's parties — those of "بين X وY",
    // else those of the meeting this sentence has coded ("التقى لافروف نظيره الأوكراني")
    let hostedBetween: ActorPhrase[] = [];
    if (pattern.cameo === "043") {
      const first = pattern.tokens[0];
      const hosted = first?.kind === "word" ? hostedMeeting(tokens, match.trigger, first.key, phrases) : null;
      const host =
        hosted && withAdjectives.find((p) => p.tokStart > match.trigger && p.tokStart <= match.trigger + 2);
      if (hosted && host?.code) {
        const met = events
          .filter((e) => e.sentences.includes(t.sentence) && e.cameo.startsWith("04"))
          .flatMap((e) => [e.source?.code, e.target?.code]);
        const parties = hosted.between.length
          ? hosted.between
          : phrases.filter((p) => !!p.code && met.includes(p.code) && p.tokEnd <= match.trigger);
        const own = host.code.slice(0, 3);
        const others = parties.filter((p) => p.code?.slice(0, 3) !== own);
        if (others.length) {
          src = { list: group(host, withAdjectives), rule: "source:host" };
          targets = others;
          hostedBetween = hosted.between;
        } else continue; // a meeting whose parties the sentence does not name: hosting whom is unknown
      }
    }
    // "بوساطة سعودية أمريكية", "إثر وساطة قادها المبعوث الأمريكي": a mediator deals with the parties
    // of what the sentence says it brought about (the talks, the ceasefire)
    if (pattern.cameo === "045" && pattern.form === "noun" && !targets.length && src.list.length) {
      // nationalities side by side are mediators side by side ("سعودية أمريكية")
      const more = nationalitiesAfter(src.list.at(-1)!, withAdjectives);
      if (more.length) src = { ...src, list: [...src.list, ...more] };
      const coded = new Set(
        events
          .filter((e) => e.sentences.includes(t.sentence))
          .flatMap((e) => [e.source?.code, e.target?.code]),
      );
      const own = countriesOf(src.list);
      // … or else the parties of the first "بين X وY" before it ("وقف إطلاق النار بين إسرائيل ولبنان")
      let at = -1;
      for (let k = sentenceStart; k < match.trigger && at < 0; k++) if (tokens[k]?.norm === "بين") at = k;
      const parties = phrases
        .filter((p) => !!p.code && coded.has(p.code) && p.tokEnd <= match.trigger)
        .concat(coded.size || at < 0 ? [] : betweenParties(at, phrases))
        .filter((p) => !own.has(p.code?.slice(0, 3)));
      if (parties.length) {
        targets = parties;
        src = { ...src, rule: `${src.rule}+target:mediated` };
      }
    }
    // "a meeting / ceasefire between X and Y" is X acting with Y (a mediator stands outside: 045)
    const slotIndex = pattern.tokens.findIndex((x) => x.kind === "slot");
    const beforeSlot = pattern.tokens[slotIndex - 1];
    if (
      beforeSlot?.kind === "word" &&
      beforeSlot.key === "بين" &&
      pattern.cameo !== "045" &&
      targets.length > 1 &&
      match.skipped.every(isPlace)
    ) {
      // both sides act: "وقف إطلاق النار بين إسرائيل وحماس" is coded each way
      src = { list: targets, rule: "source:between" };
      targets = [];
    }
    // what a participle's gap passed over is its object: "داعيا الطرفين إلى الحوار"
    if (pattern.form === "participle" && !targets.length && match.skipped[0])
      targets = group(match.skipped[0], phrases);
    // "واصلت القوات التركية قصفها الجوي لمواقع قوات سوريا الديمقراطية": an attack with no object in
    // its pattern hits the first other party its clause names (a place too: "قصف بلدات في جنوب لبنان")
    // (a verbal noun's only when its doer is its own — a genitive, adjective or "على أيدي" agent — or is
    // handed it by a light verb: "واصلت القوات قصفها"; a speaker's subject merely talks about it)
    const ownDoer =
      pattern.form !== "noun" ||
      ["source:genitive", "source:adjective", "source:agent"].includes(src.rule) ||
      LIGHT_VERBS.has(tokens[(src.list[0]?.tokStart ?? 0) - 1]?.stem ?? "");
    if (attack && !targets.length && src.list.length && src.rule !== "source:between" && ownDoer) {
      const own = countriesOf(src.list);
      let stop = match.end;
      while (
        stop < Math.min(match.end + 8, tokens.length) &&
        tokens[stop]?.sentence === t.sentence &&
        tokens[stop]?.kind !== "punct" &&
        !ATTACK_CLAUSE_ENDS.has(tokens[stop]?.norm ?? "")
      )
        stop++;
      // a nationality right after an attack noun is its doer's ("الضربة الصاروخية الأمريكية")
      const object = otherParty(
        withAdjectives,
        match.end,
        stop,
        own,
        (p) => !(p.head === "adjective" && p.tokStart === match.end && pattern.form === "noun"),
      );
      if (object) {
        targets = group(object, withAdjectives);
        src = { ...src, rule: `${src.rule}+target:attack-object` };
      }
    }
    // a pattern that ends on a noun names its owner as the target: "رحبت حماس بقرار مجلس الأمن",
    // "رحب المجلس بالمبادرة الإثيوبية"
    // (an intent is mutual between two sides; several agreeing on a course act together, not on each
    // other: "اتفقت السعودية والإمارات والبحرين ومصر على إعادة العلاقات مع قطر")
    const mutualSubject =
      src.list.length > 1 && isMutual(pattern.cameo) && !(/^03/.test(pattern.cameo) && src.list.length > 2);
    // "اتفق الجانبان على …" is an event between the two sides; one side agreeing on a course is not
    const verb = pattern.tokens[0];
    if (verb?.kind === "word" && RECIPROCAL.has(verb.key) && pattern.form === "verb" && !mutualSubject)
      continue;
    // … but what follows "أن" is a clause's subject, not an owner ("حذر نتنياهو من أن إسرائيل ستضرب")
    const lastEl = pattern.tokens[pattern.tokens.length - 1];
    const endsInClause = lastEl?.kind === "word" && CLAUSE_OPENING.has(lastEl.key);
    if (!hasSlot && !targets.length && pattern.form !== "noun" && !mutualSubject && !endsInClause) {
      // the pattern's last word may lie inside the target's phrase: "استدعت الخارجية القائم بالأعمال الإيراني"
      const lastWord = match.words[match.words.length - 1]!;
      const owner =
        phrases.find(
          (p) =>
            p.tokStart <= lastWord &&
            lastWord < p.tokEnd &&
            p.tokStart > match.trigger &&
            !src.list.includes(p),
        ) ??
        phrases.find(
          (p) =>
            p.tokStart === match.end &&
            !src.list.includes(p) &&
            // "إعلان جدة" is named after a place, not made with it
            !isPlace(p),
        ) ??
        withAdjectives.find((p) => p.head === "adjective" && p.tokStart === match.end);
      if (owner && !prepOf(tokens[owner.tokStart])) {
        targets = group(owner, withAdjectives);
        src = { ...src, rule: `${src.rule}+target:genitive` };
      }
    }
    // "قال عبد المهدي إن الغارة شكلت انتهاكا صارخا": what an act "constitutes" is its judge's view — the
    // speaker's (or the sentence's subject's), aimed at the author of the act or the actor judged
    if (CONSTITUTES.test(pattern.id)) {
      const judge =
        saidBy(said, match.trigger)?.speaker ??
        phrases.find(
          (p) =>
            p.tokEnd <= t.clauseStart &&
            p.tokStart >= sentenceStart &&
            !!p.code &&
            !isPlace(p) &&
            !inPrepPhrase(p, tokens),
        );
      const judged =
        withAdjectives.find((p) => p.tokStart >= t.clauseStart && p.tokEnd <= match.trigger && !!p.code) ??
        judgedEvent(tokens, t.clauseStart, lastActs, doc.actors);
      if (!judge?.code || !judged?.code || judge.code.slice(0, 3) === judged.code.slice(0, 3)) continue;
      src = { list: [judge], rule: "source:judge" };
      targets = [judged];
    }
    // "رحبت حماس بالقرار", "أعربت عن أسفها لهذا القرار": a judgement of a measure reported earlier is
    // aimed at whoever took it
    if (!hasSlot && !targets.length && /^(01|05|11|12)/.test(pattern.cameo) && src.list.length) {
      const own = src.list[0]?.code?.slice(0, 3);
      // … or what it describes between the verb (and its subject) and the description: "ووصف
      // العقوبات بأنها غير قانونية", "وصفت إيران الولايات المتحدة بأنها …"
      const described = DESCRIBING.test(pattern.id) && match.words[1] !== undefined;
      const objectFrom = described
        ? Math.max(match.trigger + 1, ...match.skipped.map((p) => group(p, phrases).at(-1)!.tokEnd))
        : -1;
      const object = described
        ? phrases.find(
            (p) => p.tokStart >= objectFrom && p.tokEnd <= match.words[1]! && p.code?.slice(0, 3) !== own,
          )
        : undefined;
      const judged =
        judgedEvent(
          tokens,
          match.words[match.words.length - 1]! + (pattern.form === "noun" ? 1 : 0),
          lastActs,
          doc.actors,
        ) ??
        object ??
        (described ? judgedEvent(tokens, objectFrom, lastActs, doc.actors) : null);
      if (judged?.code && judged.code.slice(0, 3) !== own) {
        targets = object ? group(object, phrases) : [judged];
        eventTarget = judged;
      }
    }
    // "ستقدم مساعدات إنسانية بقيمة 85 مليون دولار للبلدين": aid goes to the first other party its clause
    // marks as a recipient (لـ, إلى)
    if (!targets.length && /^07/.test(pattern.cameo) && src.list.length) {
      const own = countriesOf(src.list);
      // within 8 tokens, not past punctuation
      const stop = punctuationAfter(tokens, match.end, match.end + 9, t.sentence);
      const recipient = otherParty(
        withAdjectives,
        match.end,
        stop,
        own,
        // … or the object of a purpose after لـ ("سفينة تحمل مستشفيين لمساندة السلطات الليبية")
        (p) =>
          prepOf(tokens[p.tokStart]) === "ل" ||
          tokens[p.tokStart - 1]?.norm === "الي" ||
          prepOf(tokens[p.tokStart - 1]) === "ل",
      );
      if (recipient) {
        targets = group(recipient, withAdjectives);
        src = { ...src, rule: `${src.rule}+target:recipient` };
      } else if (pattern.form === "noun") {
        // aid on its way goes to the country of the place it reaches ("هبطت في مطار دمشق طائرة إماراتية")
        // … a country after it first ("لإغاثة متضرري الزلزال في سوريا وتركيا": both receive)
        const clauseEnd = punctuationAfter(tokens, stop, stop + 12, t.sentence);
        const named = phrases.find(
          (p) =>
            p.tokStart >= match.end &&
            p.tokStart < clauseEnd &&
            p.head === "country" &&
            !isPlace(p) &&
            !!p.code &&
            !own.has(p.code.slice(0, 3)) &&
            LOCATIVE_OR_TO.has(tokens[p.tokStart - 1]?.norm ?? ""),
        );
        const where = location(doc, t, phrases);
        const country = where?.code?.slice(0, 3);
        const place = country && phrases.find((p) => p.text === where?.text && p.code?.startsWith(country));
        if (named) targets = group(named, phrases).filter((p) => p.code && !own.has(p.code.slice(0, 3)));
        else if (place && !own.has(country))
          targets = [actorPhrase({ ...place, code: country, name: codeName(country, lexicon), group: -1 })];
        if (targets.length) {
          src = { ...src, rule: `${src.rule}+target:aid-destination` };
        }
      }
    }
    // "تم اعتقال مئات المتظاهرين": an arrest with no agent named is the state's (its police); with
    // no one named either ("أُلقي القبض على 350 شخصا"), of the people of the place or the sentence
    // … and a security force that reports arrests made them ("قال المتحدث باسم الجيش إنه تم اعتقال
    // أكثر من 120 مشتبها"), of the other party the sentence names
    if (!src.list.length && pattern.form === "passive" && /^173/.test(pattern.cameo)) {
      const speaker = saidBy(said, match.trigger)?.speaker;
      const reporter = speaker?.code && /^(MIL|COP|SPY)/.test(speaker.code.slice(3)) ? speaker : null;
      const own = reporter?.code?.slice(0, 3);
      const country =
        targets[0]?.code?.slice(0, 3) ??
        location(doc, t, phrases)?.code?.slice(0, 3) ??
        phrases
          .find((p) => p.code && p.head !== "adjective" && p.code.slice(0, 3) !== own)
          ?.code?.slice(0, 3) ??
        own;
      if (!targets.length && country && phrases[0] && lexicon.codes.countries.has(country)) {
        const people = `${country}CVL`;
        const verb = tokens[match.trigger]!;
        const text = doc.text.slice(verb.start, verb.end);
        targets = [
          actorPhrase({
            ...phrases[0]!,
            code: people,
            name: codeName(people, lexicon),
            role: "CVL",
            group: -1,
            text,
          }),
        ];
      }
      if (reporter && targets.length) src = { list: [reporter], rule: "source:reporting-force" };
      else if (country && lexicon.codes.countries.has(country)) {
        // the actor is implied by the verb: its text is the verb's
        const verb = tokens[match.trigger]!;
        const police = {
          ...targets[0]!,
          code: `${country}COP`,
          name: codeName(`${country}COP`, lexicon),
          text: doc.text.slice(verb.start, verb.end),
        };
        src = { list: [police], rule: "source:passive-state" };
      }
    }
    // "وطالب المبعوث الأممي غسان سلامة بهدنة": a slot that only names the subject again (a name in
    // apposition) addresses no one; the demand is aimed at what its clause names
    if (
      /^(02|10)/.test(pattern.cameo) &&
      targets.length > 0 &&
      src.list.length > 0 &&
      targets.every((p) => src.list.some((x) => x.code === p.code))
    ) {
      targets = [];
      subjectInSlot = true;
    }
    // "حذر عراقجي من أن بلاده سترد إذا أقر مجلس المحافظين قرارا ضدها": a warning or vow is aimed
    // at the first other party its clause names
    // … and so is readiness ("مؤكدا أن بلاده مستعدة للقيام بدور الوسيط بين السودانيين")
    if (
      (!hasSlot || subjectInSlot) &&
      !targets.length &&
      /^(03|10|13)/.test(pattern.cameo) &&
      src.list.length &&
      !mutualSubject
    ) {
      // … and a demand with no addressee at whom its content names, a place too ("قرار يطالب بوقف
      // فوري لإطلاق النار في غزة")
      const demand = pattern.cameo.startsWith("10");
      const own = countriesOf(src.list);
      // places are where things would happen ("أي هجوم على رفح"), not whom the warning is for
      // within the warning's clause: up to the next comma ("…، مؤكدا رفض القاهرة دفع الفلسطينيين")
      let stop = match.end;
      while (stop < sentenceEnd && tokens[stop]?.text !== "،" && tokens[stop]?.text !== ",") stop++;
      // … but a capital that is the clause's subject is its government ("بأن واشنطن ولندن ستدفعان")
      const subjectCapital = (p: ActorPhrase) =>
        p.head !== "place" &&
        !prepOf(tokens[p.tokStart]) &&
        !PREPOSITIONS.has(tokens[p.tokStart - 1]?.norm ?? "");
      const other = otherParty(
        withAdjectives,
        match.end,
        stop,
        own,
        (p) => demand || !isPlace(p) || subjectCapital(p),
      );
      if (other) {
        // "بأن الهجمات الأمريكية والبريطانية لن تمر": coordinated nationalities of one noun are all aimed at
        // … and so are coordinated subjects right after "أن" ("بأن واشنطن ولندن ستدفعان ثمنا باهظا")
        targets =
          other.head === "adjective" || other.tokStart === match.end ? group(other, withAdjectives) : [other];
        src = { ...src, rule: `${src.rule}+target:complement` };
      }
    }
    // "ولم تفرج سلطات صنعاء عن أي من المحتجزين": freeing unnamed captives frees those its side took
    const captive = lastActs.captive;
    const unnamedCaptives =
      src.list.length === 1 && targets.every((p) => p.head === "agent" && namesCaptives(p));
    if (
      /^084/.test(pattern.cameo) &&
      (!targets.length || unnamedCaptives) &&
      captive?.code &&
      lastActs.captor?.code?.slice(0, 3) === src.list[0]?.code?.slice(0, 3)
    ) {
      targets = [captive];
      src = { ...src, rule: `${src.rule}+target:captive` };
    }
    // "نفت الخارجية التركية أي مسؤولية لأنقرة عن الهجوم": a denial of responsibility is owed to the
    // latest attack's victim
    // (else whoever accused the denier: "وحمّلت الحكومة العراقية القوات التركية مسؤولية الهجوم")
    const victim = lastActs.victim ?? accusers.get(src.list[0]?.code?.slice(0, 3) ?? "-");
    if (
      pattern.cameo === "016" &&
      !targets.length &&
      victim?.code &&
      src.list[0]?.code &&
      !countriesOf(src.list).has(victim.code.slice(0, 3))
    ) {
      targets = [victim];
      src = { ...src, rule: `${src.rule}+target:victim` };
    }
    // "طالب غوتيريش بالإفراج عن جميع الموظفين المحتجزين": a call to free captives no party is named for
    // addresses whoever took them
    // (the holder the sentence names first: "عن جميع الرهائن المحتجزين لدى حركة حماس")
    const captor = holderAfter(tokens, phrases, match.end, sentenceEnd) ?? lastActs.captor;
    // … even when it names the captives ("بالإفراج عن الموظفين المحتجزين": the staff are what is asked for)
    const captives =
      /^(1053|0253)/.test(pattern.cameo) &&
      targets.length > 0 &&
      targets.every((p) => p.head === "agent" && !STATE.test(p.code?.slice(3, 6) ?? ""));
    if (
      (!targets.length || captives) &&
      /^(02|10)/.test(pattern.cameo) &&
      src.list.length &&
      captor?.code &&
      !countriesOf(src.list).has(captor.code.slice(0, 3)) &&
      freesCaptives(tokens, match)
    ) {
      targets = [captor];
      src = { ...src, rule: `${src.rule}+target:captor` };
    }
    // "تظاهر الآلاف في ساحة الشهداء وسط بيروت": with no actor named, the protesters are the people
    // of the place where they protest
    if (/^14/.test(pattern.cameo) && !src.list.length && pattern.form !== "passive") {
      const where = location(doc, t, phrases);
      const country = where?.code?.slice(0, 3);
      const place = phrases.find((p) => p.code?.startsWith(country ?? "-"));
      if (country && place && lexicon.codes.countries.has(country)) {
        const verb = tokens[match.trigger]!;
        const people = `${country}CVL`;
        src = {
          list: [
            {
              ...place,
              code: people,
              name: codeName(people, lexicon),
              text: doc.text.slice(verb.start, verb.end),
            },
          ],
          rule: "source:protest-place",
        };
      }
    }
    // "احتجاجات إيران", "خرج آلاف المحتجين في بغداد": people protesting at home protest their government
    if (/^14/.test(pattern.cameo) && !targets.length && src.list.length === 1) {
      const s0 = src.list[0]!;
      const country = s0.code?.slice(0, 3);
      if (country && lexicon.codes.countries.has(country) && !STATE.test(s0.code!.slice(3))) {
        const people = s0.code!.length === 3 ? `${country}CVL` : s0.code!;
        src = { list: [{ ...s0, code: people, name: codeName(people, lexicon) }], rule: src.rule };
        targets = [{ ...s0, code: `${country}GOV`, name: codeName(`${country}GOV`, lexicon), text: s0.text }];
        src = { ...src, rule: `${src.rule}+target:own-government` };
      }
    }
    // "فرضت السلطات حظر التجول في العاصمة", "أعلن الجيش حالة الطوارئ": a curfew or an emergency
    // with no one named is imposed on the people of the place (else of the imposer's country)
    // … and so is repression of unnamed crowds ("استخدمت قوات الأمن الغاز المسيل للدموع لتفريق المتظاهرين")
    if (/^(172[34]|175)/.test(pattern.cameo) && !targets.length && src.list[0]?.code) {
      const country = location(doc, t, phrases)?.code?.slice(0, 3) ?? src.list[0].code.slice(0, 3);
      if (lexicon.codes.countries.has(country)) {
        const people = `${country}CVL`;
        targets = [
          actorPhrase({
            ...src.list[0],
            code: people,
            name: codeName(people, lexicon),
            role: "CVL",
            group: -1,
          }),
        ];
        src = { ...src, rule: `${src.rule}+target:people-of-place` };
      }
    }
    if (!src.list.length && pattern.form !== "passive") continue;
    // a killing or attack with nobody named as its doer is part of an attack told elsewhere: not an event
    if (!src.list.length && ATTACK.test(pattern.cameo)) continue;
    // a mutual act with coordinated actors and no other party: each acts on the others
    // ("اتفق الطرفان على…", "وقعت الحكومة والحركة اتفاقا", "اشتبك الجيش والمتمردون")
    // "أفرجت الحكومة وجماعة الحوثي عن مئات الأسرى": two sides freeing prisoners free each other's
    const exchange =
      /^084/.test(pattern.cameo) &&
      src.list.length === 2 &&
      targets.length > 0 &&
      targets.every((p) => p.head === "agent" && namesCaptives(p));
    if (exchange) targets = [];
    // a verbal noun with no target ("الاحتجاجات", "العمليات الإرهابية") is an event only with its own
    // agent (a genitive or adjective after it); a sentence's subject often just talks about it — even
    // two of them ("وقع الجيش والدعم السريع إعلانا في ختام محادثات استمرت أسبوعا": not the talks' parties)
    if (
      pattern.form === "noun" &&
      !targets.length &&
      !["source:genitive", "source:adjective", "source:light-verb", "source:between"].includes(src.rule)
    )
      continue;
    const mutual = exchange || src.rule === "source:between" || (!targets.length && mutualSubject);
    if (mutual) targets = src.list;
    // "يحقق في هجمات على المدنيين … يشتبه في أن قوات الدعم السريع والجيش ارتكباها", "تشكيل لجنة تحقيق
    // في مقتل المحتجين برصاص قوات الأمن": an investigation is into the first party its sentence names
    // after it (the suspects, else the victims or the place)
    if (/^09/.test(pattern.cameo) && !targets.length && src.list.length) {
      const after = withAdjectives.find(
        (p) => p.tokStart >= match.end && !!p.code && !src.list.some((x) => x.group === p.group),
      );
      if (after) {
        targets = after.head === "adjective" ? [after] : group(after, withAdjectives);
        const suspects = phrases.filter(
          (p) => p.tokStart > after.tokEnd && !!p.code && SUSPECTS.test(p.code.slice(3, 6)),
        );
        if (suspects[0] && !STATE.test(after.code?.slice(3, 6) ?? "") && !/REB/.test(after.code ?? ""))
          targets = group(suspects[0], phrases);
        src = { ...src, rule: `${src.rule}+target:investigated` };
      }
    }
    // "بغداد تستدعي قائمها بالأعمال من أنقرة", "استدعاء القائم بالأعمال العراقي من أنقرة": summoning
    // one's own envoy is recalling him (161) from the capital after "من"
    const envoy = match.words[1] !== undefined ? tokens[match.words[1]] : undefined;
    const own = countriesOf(src.list);
    // (its own envoy named as the noun's genitive: "استدعاء القائم بالأعمال العراقي" — the state recalls)
    const envoyPhrase = phrases.find((p) => p.tokStart <= match.words[1]! && match.words[1]! < p.tokEnd);
    const recalled =
      pattern.cameo === "114" &&
      !!envoy &&
      (!!piecesOf(envoy)?.enclitics.length ||
        (!!envoyPhrase && src.list.includes(envoyPhrase) && pattern.form === "noun") ||
        withAdjectives.some(
          (p) =>
            p.head === "adjective" &&
            p.tokStart > match.words[1]! &&
            p.tokStart <= match.end + 1 &&
            own.has(p.code?.slice(0, 3)),
        ));
    if (recalled) {
      const from = tokens.findIndex((x, k) => k >= match.words[1]! && k < match.end + 4 && x.norm === "من");
      const capital = from >= 0 ? phrases.find((p) => p.tokStart === from + 1 && !!p.code) : undefined;
      if (capital && !own.has(capital.code?.slice(0, 3))) targets = [capital];
    }
    // a one-sided action needs no target (protests, force posture, attacks on unnamed targets); others do
    if (!targets.length && !UNTARGETED_ROOTS.has(pattern.cameo.slice(0, 2))) continue;
    // "نفى لافروف أن تكون روسيا قد هاجمت أوكرانيا": denying an attack is the act coded (016, deny
    // responsibility), between the same sides; the attack itself did not happen by this account
    const denied =
      DENIAL.test(t.modality.rule ?? "") && /^(1[5-9]|20)/.test(pattern.cameo) && !!targets.length;
    const cameo = denied ? "016" : recalled ? "161" : pattern.cameo;
    const code = lexicon.codes.cameo.get(cameo);
    if (!code) continue;
    const attribution = saidBy(said, match.trigger);
    const dates = datesBySentence.get(t.sentence) ?? [];
    const date = dates.find((d) => d.tokStart > match.trigger) ?? dates[dates.length - 1] ?? null;
    const future = t.modality.modality === "future";
    // an event its sentence does not date happened on the story's date, unless it is told as
    // before it ("وكان ترامب قد هدد …") or has not happened
    const storyDate =
      !date && t.modality.modality === "asserted" && !pluperfect(tokens, t.clauseStart, match.trigger)
        ? leadDate
        : null;
    const first = tokens[match.words[0]!]!;
    const last = tokens[match.words[match.words.length - 1]!]!;
    const base = {
      cameo,
      plover: code.plover,
      quad: code.quad,
      goldstein: code.goldstein,
      modality: denied ? ("asserted" as const) : t.modality.modality,
      date: date ? resolveDate(date, doc.input.published ?? null, future) : storyDate,
      date_text: date?.text ?? null,
      location: location(doc, t, phrases),
      attribution: attribution
        ? { code: attribution.speaker.code, name: attribution.speaker.name, text: attribution.speaker.text }
        : null,
      topics: topics(doc, t.sentence, lexicon),
      sentences: [t.sentence],
      evidence: doc.text.slice(first.start, last.end),
      evidence_start: first.start,
      evidence_end: last.end,
    };
    const rules = [
      pattern.id,
      src.rule,
      t.modality.rule,
      denied ? "recode:denial" : null,
      recalled ? "recode:recall" : null,
      storyDate ? "date:story" : null,
      attribution?.rule,
    ].filter((r): r is string => !!r);
    // "تلقى الأسد اتصالا هاتفيا من بن زايد": the caller acts on the one who receives
    const inverse = pattern.form === "inverse";
    const sourceList: Array<ActorPhrase | null> = (inverse ? targets : src.list).length
      ? inverse
        ? targets
        : src.list
      : [null];
    const targetList: Array<ActorPhrase | null> = (inverse ? src.list : targets).length
      ? inverse
        ? src.list
        : targets
      : [null];
    if (mutual) rules.push("dyad:mutual");
    for (const s of sourceList) {
      for (const g of targetList) {
        if (mutual && s === g) continue;
        if (!s && !g) continue;
        if (s && g && s.code === g.code) continue;
        // an actor acting on its own country ("زيارة الرئيس التونسي إلى تونس") is no dyad
        if (s?.code && g?.code && ownCountry(s.code, g.code)) continue;
        const actorRules = [...(s?.rules ?? []), ...(g?.rules ?? [])].filter((r) => r.startsWith("coref:"));
        events.push({
          ...base,
          source: s ? ref(s) : null,
          target: g ? ref(g) : null,
          rules: eventTarget ? [...rules, ...actorRules, "target:judged-event"] : [...rules, ...actorRules],
        });
        // "استقبل ولي العهد السعودي أمير قطر": the guest received makes a visit to the host
        const visit = lexicon.codes.cameo.get("042");
        if (RECEPTION.test(pattern.id) && s?.code && g?.code && visit)
          events.push({
            ...base,
            cameo: "042",
            plover: visit.plover,
            quad: visit.quad,
            goldstein: visit.goldstein,
            source: ref(g),
            target: ref(s),
            rules: [...rules, ...actorRules, "dyad:received-visit"],
          });
        if (s?.code && base.modality === "asserted") {
          if (ATTACK.test(pattern.cameo)) {
            // "أدان العملية": the story's main attacker — who attacked most often so far, the latest on a tie
            const key = s.code.slice(0, 3);
            const n = (attacks.get(key) ?? 0) + 1;
            attacks.set(key, n);
            const current = lastActs.attack?.code ? (attacks.get(lastActs.attack.code.slice(0, 3)) ?? 0) : 0;
            if (n >= current) lastActs.attack = s;
            if (g?.code) lastActs.victim = g;
          }
          if (MEASURE.test(pattern.cameo)) lastActs.measure = s;
          if (pattern.cameo.startsWith("11") && g?.code) accusers.set(g.code.slice(0, 3), s);
          if (CAPTURE.test(pattern.cameo)) {
            lastActs.captor = s;
            lastActs.captive = g;
          }
        }
        if (s && pattern.form === "verb") mainSubjects.set(t.sentence, src.list);
      }
    }
    // "حذر هانت من أن …", "توعد كاتس بأن …": a speech act's clause is its source's words, and
    // events coded inside it carry that attribution
    const speaker = src.list[0];
    if (endsInClause && speaker?.code && !saidBy(said, match.end)) {
      const bounds = doc.sentenceTokens ?? [];
      const words: Attribution = {
        sentence: t.sentence,
        tokStart: match.end,
        tokEnd: bounds[t.sentence + 1] ?? tokens.length,
        speaker,
        cueStart: match.trigger,
        cueEnd: match.end,
        rule: `attribution:${pattern.id}`,
      };
      if (!attributionsBySentence.has(t.sentence)) attributionsBySentence.set(t.sentence, said);
      said.push(words);
      doc.attributions?.push(words);
    }
    // "يطالب بوقف فوري لإطلاق النار، وبالإفراج عن جميع الرهائن المحتجزين لدى حماس": a second demand
    // joined by و to the first is one more event, addressed to the holder of the captives
    if (/^(02|10)/.test(pattern.cameo) && src.list[0]?.code && pattern.form !== "noun") {
      const second = secondRelease(tokens, match.end, sentenceEnd);
      const holder = second >= 0 ? holderAfter(tokens, phrases, second, sentenceEnd) : null;
      const release = lexicon.codes.cameo.get("1053");
      if (holder?.code && release && holder.code.slice(0, 3) !== src.list[0].code.slice(0, 3))
        events.push({
          ...base,
          cameo: "1053",
          plover: release.plover,
          quad: release.quad,
          goldstein: release.goldstein,
          source: ref(src.list[0]),
          target: ref(holder),
          rules: [...rules, "dyad:second-demand"],
        });
    }
    // the parties of a hosted meeting between them meet each other ("محادثات … بين شمخاني والعيبان")
    const meet = lexicon.codes.cameo.get("040");
    if (hostedBetween.length === 2 && meet) {
      const [a, b] = hostedBetween as [ActorPhrase, ActorPhrase];
      for (const [s, g] of [
        [a, b],
        [b, a],
      ] as const)
        events.push({
          ...base,
          cameo: "040",
          plover: meet.plover,
          quad: meet.quad,
          goldstein: meet.goldstein,
          source: ref(s),
          target: ref(g),
          rules: [...rules, "dyad:hosted-between"],
        });
    }
  }
  return events;
}
