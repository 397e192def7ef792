import type { ArticleDoc } from "../doc.js";
import type { Stage } from "../stage.js";

/**
 * Language identification by script and function words: Arabic text is coded,
 * anything else is reported as its language and left without Arabic events.
 *
 *   "قال المتحدث باسم…" → ar ;  "The minister said…" → en ;  "Le ministre a dit…" → fr
 */
const FR = /\b(le|la|les|des|est|une|dans|pour|avec|qui|sur|au|aux|du)\b/g;
const EN = /\b(the|and|of|to|in|is|that|for|with|was|on|said)\b/g;
const DE = /\b(der|die|und|das|ist|nicht|mit|für|von|den)\b/g;

export function detectLanguage(text: string): string {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  // count letters by code (a regex match would build an array of every letter)
  let arabic = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0x0621 && c <= 0x064a) arabic++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0xff)) latin++;
  }
  if (arabic === 0 && latin === 0) return "und";
  if (arabic >= latin) return "ar";
  const lower = sample.toLowerCase();
  const scores: Array<[string, number]> = [
    ["en", lower.match(EN)?.length ?? 0],
    ["fr", lower.match(FR)?.length ?? 0],
    ["de", lower.match(DE)?.length ?? 0],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  const top = scores[0];
  return top && top[1] > 0 ? top[0] : "und";
}

export const languageStage: Stage<unknown> = {
  name: "language",
  needs: ["text"],
  adds: ["language"],
  run(doc: ArticleDoc) {
    doc.language = detectLanguage(doc.text);
  },
};
