import { normalize } from "../../lang/ar/normalize.js";
import type { Lexicon } from "../../lexicon/load.js";
import type { ArticleDoc, Attribution } from "../doc.js";
import type { ActorPhrase } from "../phrases.js";
import type { Stage } from "../stage.js";
import { ATTRIBUTION, mayStart } from "../starts.js";
import { NO_KEYS, tokenKeys } from "./mentions.js";
import { piecesOf } from "./tokens.js";

/**
 * Attribution: who says what.
 *   "قال المتحدث باسم الوزارة ماثيو ميلر، إن …"  speech verb, speaker after it (VSO),
 *                                               the content from إن/أن to the end
 *   "وأكدت الوزارة أن …" / "الوزارة أكدت أن …"   the speaker before the verb
 *   "ووفقا لتصريحات ميلر …" / "بحسب …" / "نقلا عن …"  the whole sentence
 *   "… مؤكدة أنها …"                               the clause's subject speaks
 * Events coded inside the content carry the speaker as their attribution.
 */

const COMPLEMENTIZERS = new Set(["ان", "بان", "لان", "انه", "انها", "انهم", "بانه", "بانها"].map(normalize));
const SPEAKER_REACH = 10;

function isComplementizer(norm: string, stem: string): boolean {
  return COMPLEMENTIZERS.has(norm) || COMPLEMENTIZERS.has(stem);
}

export function findAttributions(doc: ArticleDoc, lexicon: Lexicon): Attribution[] {
  const tokens = doc.tokens ?? [];
  const bounds = doc.sentenceTokens ?? [];
  // coded actors by sentence, in order (one pass: filtering per sentence is quadratic in long texts)
  const actors = new Map<number, ActorPhrase[]>();
  for (const a of doc.actors ?? []) {
    if (!a.code) continue;
    const list = actors.get(a.sentence);
    if (list) list.push(a);
    else actors.set(a.sentence, [a]);
  }
  const trie = lexicon.cueTries.attribution;
  const out: Attribution[] = [];
  for (let s = 0; s + 1 < bounds.length; s++) {
    const from = bounds[s]!;
    const to = bounds[s + 1]!;
    const inSentence = actors.get(s) ?? [];
    const alt = (j: number) => (tokens[j]?.kind === "word" ? tokenKeys(tokens[j]!) : NO_KEYS);
    for (let i = from; i < to; i++) {
      const m = mayStart(tokens[i], lexicon, ATTRIBUTION) ? trie.longest(i, to, alt) : null;
      if (!m) continue;
      const cue = m.values[0]!;
      const cueEnd = i + m.length;
      let speaker: ActorPhrase | undefined;
      let contentStart = from;
      if (cue.kind === "source") {
        // "في بيانه" / "في كلمته": the subject's own statement; "في بيان لوزارة الخارجية": the genitive's
        const own = !!piecesOf(tokens[cueEnd - 1])?.enclitics.length || tokens[i]?.norm === "في";
        const genitive = inSentence.find(
          (a) =>
            a.tokStart >= cueEnd &&
            a.tokStart <= cueEnd + 1 &&
            (!own || !!piecesOf(tokens[a.tokStart])?.proclitics.some((x) => x.norm === "ل")),
        );
        speaker =
          own && !genitive
            ? inSentence.findLast((a) => a.tokEnd <= i)
            : (genitive ?? inSentence.find((a) => a.tokStart >= cueEnd && a.tokStart <= cueEnd + 2));
        contentStart = from;
      } else {
        const after = inSentence.find((a) => a.tokStart >= cueEnd && a.tokStart <= cueEnd + SPEAKER_REACH);
        let compAt = -1;
        for (let k = cueEnd; k < to && compAt < 0; k++)
          if (isComplementizer(tokens[k]!.norm, tokens[k]!.stem)) compAt = k;
        // "نقلت وكالة الأنباء عن المجلس العسكري ترحيبه …": who is quoted speaks, not who quotes
        const quoted = cue.id === "sp.naqala" ? quotedAfter(tokens, inSentence, cueEnd, to) : undefined;
        if (cue.id === "sp.naqala" && !quoted) continue;
        if (quoted) speaker = quoted;
        else if (after && (compAt < 0 || after.tokStart < compAt)) speaker = after;
        else if (isParticiple(tokens[i]!.stem)) speaker = subjectOf(out, s, inSentence, i, tokens);
        else speaker = inSentence.findLast((a) => a.tokEnd <= i);
        contentStart =
          compAt >= 0 && !quoted ? compAt : speaker && speaker.tokStart > i ? speaker.tokEnd : cueEnd;
      }
      if (!speaker) continue;
      out.push({
        sentence: s,
        tokStart: contentStart,
        tokEnd: to,
        speaker,
        cueStart: i,
        cueEnd,
        rule: `attribution:${cue.id}`,
      });
      i = cueEnd - 1;
    }
  }
  endContents(out, tokens);
  return out;
}

/** The actor right after the first "عن" a few words on: "نقلت الوكالة عن المجلس …". */
function quotedAfter(
  tokens: ArticleDoc["tokens"] & object,
  inSentence: ActorPhrase[],
  from: number,
  to: number,
): ActorPhrase | undefined {
  for (let k = from; k < Math.min(to, from + 8); k++)
    if (tokens[k]?.norm === "عن") return inSentence.find((a) => a.tokStart === k + 1);
  return undefined;
}

/** "مؤكدا", "مضيفة", "مشيرا": a circumstantial participle, said by the sentence's subject. */
function isParticiple(stem: string): boolean {
  return stem.length > 3 && stem.startsWith("م") && /[اه]$/.test(stem);
}

const PREPOSITIONS = new Set(["في", "على", "الي", "من", "عن", "مع", "ضد", "بين", "لدي"].map(normalize));

/**
 * Who says what a participle adds: the speaker already found in the sentence, else its first
 * actor that is no preposition's object ("نفى المتحدث … بقائي أن …، ووصف …، مؤكدا أن …").
 */
function subjectOf(
  found: Attribution[],
  s: number,
  inSentence: ActorPhrase[],
  at: number,
  tokens: ArticleDoc["tokens"] & object,
): ActorPhrase | undefined {
  const earlier = found.findLast((a) => a.sentence === s && a.cueStart < at);
  if (earlier) return earlier.speaker;
  return (
    inSentence.find(
      (a) =>
        a.tokEnd <= at &&
        a.head !== "place" &&
        a.head !== "adjective" &&
        !piecesOf(tokens[a.tokStart])?.proclitics.some((x) => x.norm === "ل" || x.norm === "ب") &&
        !PREPOSITIONS.has(tokens[a.tokStart - 1]?.norm ?? ""),
    ) ?? inSentence.findLast((a) => a.tokEnd <= at)
  );
}

/** Words that, after a comma, open a clause the speaker does not say: "…، في حين أدانت عمان …". */
const CLAUSE_BREAKS = new Set(["حين", "بينما", "فيما", "المقابل", "كما"].map(normalize));

/**
 * A reported content ends where the next speaker's cue starts or at a contrastive
 * clause after a comma ("قال X إن …، بينما أكد Y أن …": Y's words are not X's).
 */
function endContents(list: Attribution[], tokens: ArticleDoc["tokens"] & object): void {
  for (let k = 0; k < list.length; k++) {
    const a = list[k]!;
    const next = list[k + 1];
    if (next && next.sentence === a.sentence && next.cueStart > a.tokStart && next.cueStart < a.tokEnd)
      a.tokEnd = next.cueStart;
    for (let j = a.tokStart + 1; j < a.tokEnd; j++) {
      const t = tokens[j]!;
      if (t.text !== "،" && t.text !== ",") continue;
      const n1 = tokens[j + 1];
      const n2 = tokens[j + 2];
      if ((n1 && CLAUSE_BREAKS.has(n1.stem)) || (n1?.stem === "في" && n2 && CLAUSE_BREAKS.has(n2.stem))) {
        a.tokEnd = j;
        break;
      }
    }
  }
}

export const attributionStage: Stage<{ lexicon: Lexicon }> = {
  name: "attribution",
  needs: ["tokens", "actors"],
  adds: ["attributions"],
  run(doc, ctx) {
    doc.attributions = findAttributions(doc, ctx.lexicon);
  },
};
