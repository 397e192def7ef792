import { splitSentences } from "../../lang/ar/sentences.js";
import type { ArticleDoc } from "../doc.js";
import type { Stage } from "../stage.js";

/** Sentence and heading units with exact offsets (see lang/ar/sentences.ts). */
export const sentencesStage: Stage<unknown> = {
  name: "sentences",
  needs: ["text"],
  adds: ["sentences"],
  run(doc: ArticleDoc) {
    doc.sentences = splitSentences(doc.text);
  },
};
