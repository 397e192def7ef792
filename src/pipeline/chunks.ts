import type { ArticleDocument, ArticleInput, SentenceOut } from "../document.js";
import { mergeEvents } from "./stages/merge.js";

/**
 * Very long texts (a book, a 50 MB dump posing as one article) are analysed in
 * pieces of at most MAX_CHUNK characters, cut at a line break (else after a
 * sentence, else at a space), and the pieces' documents joined with offsets
 * into the whole text. The working memory stays that of one piece; only
 * coreference across a cut is lost. Texts up to MAX_CHUNK are one piece.
 */
export const MAX_CHUNK = 1_000_000;

/** Where each piece ends (the last is `text.length`). */
export function chunkEnds(text: string, max = MAX_CHUNK): number[] {
  const ends: number[] = [];
  let start = 0;
  while (text.length - start > max) {
    const limit = start + max;
    const floor = start + Math.floor(max / 2);
    let cut = text.lastIndexOf("\n", limit - 1) + 1;
    if (cut <= floor) {
      cut = -1;
      for (let i = limit - 1; i > floor; i--) {
        if (/[.!?\u061F\u2026\u06D4]/.test(text[i - 1] ?? "") && /\s/.test(text[i] ?? "")) {
          cut = i;
          break;
        }
      }
    }
    if (cut <= floor) {
      cut = -1;
      for (let i = limit - 1; i > floor; i--) {
        if (/\s/.test(text[i] ?? "")) {
          cut = i;
          break;
        }
      }
    }
    if (cut <= floor) {
      // no break at all: cut anywhere, but never between the halves of a surrogate pair
      cut = limit;
      const code = text.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut--;
    }
    ends.push(cut);
    start = cut;
  }
  ends.push(text.length);
  return ends;
}

/** Analyses the text piece by piece with `run` and joins the documents. */
export function runChunked(
  input: ArticleInput,
  run: (input: ArticleInput) => ArticleDocument,
  max = MAX_CHUNK,
): ArticleDocument {
  let out: ArticleDocument | null = null;
  let start = 0;
  for (const end of chunkEnds(input.text, max)) {
    const part = run({ ...input, text: input.text.slice(start, end), title: out ? null : input.title });
    const base: number = out ? (out.sentences[out.sentences.length - 1]?.index ?? -1) + 1 : 0;
    const off = start;
    const sentences: SentenceOut[] = part.sentences.map((s) => ({
      ...s,
      index: s.index + base,
      start: s.start + off,
      end: s.end + off,
    }));
    const entities = part.entities.map((e) => ({
      ...e,
      start: e.start + off,
      end: e.end + off,
      sentence: e.sentence + base,
    }));
    const events = part.events.map((e) => ({
      ...e,
      sentences: e.sentences.map((s) => s + base),
      ...(e.evidence_start != null ? { evidence_start: e.evidence_start + off } : {}),
      ...(e.evidence_end != null ? { evidence_end: e.evidence_end + off } : {}),
    }));
    const attributions = (part.attributions ?? []).map((a) => ({
      ...a,
      sentence: a.sentence + base,
      start: a.start + off,
      end: a.end + off,
    }));
    if (!out) out = { ...part, sentences, entities, events, attributions };
    else {
      for (const s of sentences) out.sentences.push(s);
      for (const e of entities) out.entities.push(e);
      for (const e of events) out.events.push(e);
      for (const a of attributions) out.attributions?.push(a);
    }
    start = end;
  }
  if (!out) throw new Error("no text to analyse");
  out.events = mergeEvents(out.events);
  return out;
}
