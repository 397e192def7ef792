import { normalize } from "../lang/ar/normalize.js";
import type { WorkToken } from "./doc.js";
import type { ActorPhrase } from "./phrases.js";

/**
 * Meetings hosted by a third party: "في اجتماع استضافته السعودية", "محادثات
 * استضافتها العاصمة الصينية بين شمخاني والعيبان" (used by stages/assemble.ts).
 */

/** Nouns of meetings: what a hosting verb hosts when it does not host a party. */
const MEETINGS = new Set(
  ["اجتماع", "محادثات", "مفاوضات", "قمة", "لقاء", "مؤتمر", "جولة", "مباحثات", "حوار"].map(normalize),
);

/**
 * "في اجتماع ثلاثي استضافه وزير الخارجية التركي", "المحادثات استضافتها العاصمة الصينية بين …":
 * a hosting verb whose object is a meeting (a pronoun after a meeting noun, or the noun itself).
 * Returns the parties the meeting is between when the sentence says so ("بين X وY"), else [].
 */
export function hostedMeeting(
  tokens: WorkToken[],
  trigger: number,
  verbKey: string,
  phrases: ActorPhrase[],
): { between: ActorPhrase[] } | null {
  const verb = tokens[trigger];
  // the pronoun read off the written verb: "استضافه" may be segmented as one word
  const pronoun = ["ه", "ها", "هم", "هما"].includes(verb?.norm.slice(verbKey.length) ?? "");
  const meetingBefore = [1, 2, 3].some((k) => {
    const t = tokens[trigger - k];
    return !!t && t.sentence === verb?.sentence && MEETINGS.has(t.stem.replace(/^ال/, ""));
  });
  const meetingAfter = MEETINGS.has((tokens[trigger + 1]?.stem ?? "").replace(/^ال/, ""));
  if (!verb || (!(meetingBefore && pronoun) && !meetingAfter)) return null;
  let at = -1;
  for (let k = trigger + 1; k < tokens.length && tokens[k]!.sentence === verb.sentence && at < 0; k++)
    if (tokens[k]!.norm === "بين") at = k;
  return { between: at < 0 ? [] : betweenParties(at, phrases) };
}

/** The two parties of "بين X وY" whose "بين" is token `at`: two actors of different countries after it. */
export function betweenParties(at: number, phrases: ActorPhrase[]): ActorPhrase[] {
  const between: ActorPhrase[] = [];
  for (const p of phrases) {
    if (p.tokStart <= at || p.head === "place" || !p.code) continue;
    if (between.some((b) => b.code?.slice(0, 3) === p.code?.slice(0, 3))) continue;
    between.push(p);
    if (between.length === 2) break;
  }
  return between.length === 2 ? between : [];
}
