import type { ArticleDoc, DocField } from "./doc.js";

/**
 * A pipeline stage: one function over the article document, with the fields it
 * needs before it runs and the ones it adds. The runner checks the order once.
 */
export interface Stage<Ctx> {
  name: string;
  needs: DocField[];
  adds: DocField[];
  run(doc: ArticleDoc, ctx: Ctx): void;
}

/** Throws if a stage needs a field that no earlier stage adds. */
export function checkOrder<Ctx>(stages: ReadonlyArray<Stage<Ctx>>, initial: DocField[]): void {
  const have = new Set<DocField>(initial);
  for (const stage of stages) {
    for (const need of stage.needs) {
      if (!have.has(need))
        throw new Error(`pipeline: stage "${stage.name}" needs "${need}", which no earlier stage adds`);
    }
    for (const add of stage.adds) have.add(add);
  }
}
