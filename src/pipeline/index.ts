import type { ArticleDocument, ArticleInput } from "../document.js";
import type { KnownWords } from "../lang/ar/clitics.js";
import { knownStems } from "../lang/ar/stems.js";
import type { ArticleDoc } from "./doc.js";
import { checkOrder, type Stage } from "./stage.js";
import { languageStage } from "./stages/language.js";
import { sentencesStage } from "./stages/sentences.js";
import { tokensStage } from "./stages/tokens.js";

/**
 * The pipeline: an ordered list of stages over the article document. Each
 * stage is one file under stages/ and declares what it needs and adds.
 */

export interface PipelineContext {
  known: KnownWords;
}

export const STAGES: ReadonlyArray<Stage<PipelineContext>> = [languageStage, sentencesStage, tokensStage];

checkOrder(STAGES, ["input", "text", "warnings"]);

export interface Pipeline {
  /** Analyses one article into the output document. */
  run(input: ArticleInput): ArticleDocument;
  /** Analyses one article and returns the working document (tokens, segmentation…). */
  analyse(input: ArticleInput): ArticleDoc;
}

export function createPipeline(ctx: Partial<PipelineContext> = {}): Pipeline {
  const context: PipelineContext = { known: ctx.known ?? knownStems() };
  const analyse = (input: ArticleInput): ArticleDoc => {
    const doc: ArticleDoc = { input, text: input.text, warnings: [] };
    for (const stage of STAGES) stage.run(doc, context);
    return doc;
  };
  return { analyse, run: (input) => toDocument(analyse(input)) };
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
  if (doc.input.url) out.url = doc.input.url;
  if (doc.input.source) out.source = doc.input.source;
  return out;
}
