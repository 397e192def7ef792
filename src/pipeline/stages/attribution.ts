import { normalize } from "../../lang/ar/normalize.js";
import type { Lexicon } from "../../lexicon/load.js";
import type { ArticleDoc, Attribution } from "../doc.js";
import type { ActorPhrase } from "../phrases.js";
import type { Stage } from "../stage.js";
import { tokenKeys } from "./mentions.js";

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
    const alt = (j: number) => (tokens[j]?.kind === "word" ? tokenKeys(tokens[j]!) : []);
    for (let i = from; i < to; i++) {
      const m = trie.longest(i, to, alt);
      if (!m) continue;
      const cue = m.values[0]!;
      const cueEnd = i + m.length;
      let speaker: ActorPhrase | undefined;
      let contentStart = from;
      if (cue.kind === "source") {
        speaker = inSentence.find((a) => a.tokStart >= cueEnd && a.tokStart <= cueEnd + 2);
        contentStart = from;
      } else {
        const after = inSentence.find((a) => a.tokStart >= cueEnd && a.tokStart <= cueEnd + SPEAKER_REACH);
        const comp = tokens.slice(cueEnd, to).findIndex((t) => isComplementizer(t.norm, t.stem));
        const compAt = comp >= 0 ? cueEnd + comp : -1;
        if (after && (compAt < 0 || after.tokStart < compAt)) speaker = after;
        else speaker = [...inSentence].reverse().find((a) => a.tokEnd <= i);
        contentStart = compAt >= 0 ? compAt : speaker && speaker.tokStart > i ? speaker.tokEnd : cueEnd;
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
  return out;
}

export const attributionStage: Stage<{ lexicon: Lexicon }> = {
  name: "attribution",
  needs: ["tokens", "actors"],
  adds: ["attributions"],
  run(doc, ctx) {
    doc.attributions = findAttributions(doc, ctx.lexicon);
  },
};
