import type { ArticleDocument, ArticleInput } from "../document.js";
import type { KnownWords } from "../lang/ar/clitics.js";
import { commonWords, knownStems } from "../lang/ar/stems.js";
import { type Lexicon, loadLexicon } from "../lexicon/load.js";
import { MAX_CHUNK, runChunked } from "./chunks.js";
import type { ArticleDoc } from "./doc.js";
import { checkOrder, type Stage } from "./stage.js";
import { actorsStage } from "./stages/actors.js";
import { attributionStage } from "./stages/attribution.js";
import { datesStage } from "./stages/dates.js";
import { eventsStage } from "./stages/events.js";
import { languageStage } from "./stages/language.js";
import { mentionsStage } from "./stages/mentions.js";
import { mergeStage } from "./stages/merge.js";
import { sentencesStage } from "./stages/sentences.js";
import { tokensStage } from "./stages/tokens.js";

/**
 * The pipeline: an ordered list of stages over the article document. Each
 * stage is one file under stages/ and declares what it needs and adds.
 */

export interface PipelineContext {
  known: KnownWords;
  lexicon: Lexicon;
  common: ReadonlySet<string>;
}

export const STAGES: ReadonlyArray<Stage<PipelineContext>> = [
  languageStage,
  sentencesStage,
  tokensStage,
  mentionsStage,
  actorsStage,
  datesStage,
  attributionStage,
  eventsStage,
  mergeStage,
];

/** Stages that read Arabic: skipped for text in another language. */
const ARABIC_ONLY = new Set(["mentions", "actors", "dates", "attribution", "events", "merge"]);

checkOrder(STAGES, ["input", "text", "warnings"]);

export interface Pipeline {
  /** Analyses one article into the output document. */
  run(input: ArticleInput): ArticleDocument;
  /** Analyses one article and returns the working document (tokens, segmentation…). */
  analyse(input: ArticleInput): ArticleDoc;
}

export function createPipeline(ctx: Partial<PipelineContext> = {}): Pipeline {
  const lexicon = ctx.lexicon ?? loadLexicon();
  const context: PipelineContext = {
    lexicon,
    known: ctx.known ?? knownStems(lexicon.words),
    common: ctx.common ?? commonWords(),
  };
  const analyse = (input: ArticleInput): ArticleDoc => {
    const doc: ArticleDoc = { input, text: input.text, warnings: [] };
    for (const stage of STAGES) {
      // text in another language gets its structure, but no Arabic actors or events
      if (doc.language !== "ar" && ARABIC_ONLY.has(stage.name)) continue;
      stage.run(doc, context);
    }
    return doc;
  };
  const run = (input: ArticleInput): ArticleDocument => toDocument(analyse(input));
  // a very long text is analysed in pieces, so its memory stays bounded (see chunks.ts)
  return { analyse, run: (input) => (input.text.length > MAX_CHUNK ? runChunked(input, run) : run(input)) };
}

/** The contract's view of a working document. */
export function toDocument(doc: ArticleDoc): ArticleDocument {
  const sentences = (doc.sentences ?? []).map((s) => ({
    index: s.index,
    start: s.start,
    end: s.end,
    heading: s.heading,
    text: s.text,
  }));
  let title = doc.input.title ?? null;
  // a plain-text article that opens with a heading line has that line as its title
  if (title == null && sentences[0]?.heading && sentences[0].index === 0) title = sentences[0].text;
  const out: ArticleDocument = {
    id: doc.input.id,
    published: doc.input.published ?? null,
    language: doc.language ?? "und",
    title,
    sentences,
    entities: doc.entities ?? [],
    events: doc.events ?? [],
  };
  const tokens = doc.tokens ?? [];
  // an attribution whose content is empty (the speaker ends the sentence) has nothing to show
  out.attributions = (doc.attributions ?? [])
    .filter((a) => a.tokStart < a.tokEnd)
    .map((a) => ({
      speaker: { code: a.speaker.code, name: a.speaker.name, text: a.speaker.text },
      sentence: a.sentence,
      start: tokens[a.tokStart]?.start ?? 0,
      end: tokens[a.tokEnd - 1]?.end ?? 0,
      rule: a.rule,
    }));
  if (doc.input.url) out.url = doc.input.url;
  if (doc.input.source) out.source = doc.input.source;
  return out;
}
