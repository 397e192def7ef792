import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ArticleDocument, ArticleInput } from "../../src/document.js";
import { MAX_CHUNK, runChunked } from "../../src/pipeline/chunks.js";
import { createPipeline } from "../../src/pipeline/index.js";
import { newsArticle } from "../helpers/arabic-news.js";
import { contractProblems } from "../helpers/contract.js";

/**
 * The whole pipeline over random articles (Arabic news fragments, random
 * Unicode, bidi controls…): it never throws, and every document it returns
 * satisfies the output contract with offsets into the input text.
 * bench/fuzz.ts runs the same generator for as long as asked.
 */

const pipeline = createPipeline();

function check(input: ArticleInput, doc: ArticleDocument): void {
  const problems = contractProblems(doc, input.text);
  if (problems.length) throw new Error(`contract: ${problems.join("; ")}`);
  expect(doc.id).toBe(input.id);
  expect(doc.published).toBe(input.published ?? null);
  // every document is JSON: what the CLI prints and the store keeps
  expect(contractProblems(JSON.parse(JSON.stringify(doc)), input.text)).toEqual([]);
}

describe("pipeline fuzz", () => {
  it("short articles: no exception, the contract holds (2,000 runs)", () => {
    fc.assert(
      fc.property(newsArticle(0, 30), (input) => {
        check(input, pipeline.run(input));
      }),
      { numRuns: 2000 },
    );
  });

  it("long articles (coreference across many sentences): the contract holds (300 runs)", () => {
    fc.assert(
      fc.property(newsArticle(40, 200), (input) => {
        check(input, pipeline.run(input));
      }),
      { numRuns: 300 },
    );
  });

  it("an article cut into pieces (as very long texts are) still satisfies the contract (200 runs)", () => {
    // MAX_CHUNK is 1,000,000 characters; small pieces put the cuts in every kind of place
    expect(MAX_CHUNK).toBeGreaterThan(100_000);
    fc.assert(
      fc.property(newsArticle(10, 120), fc.integer({ min: 2, max: 400 }), (input, max) => {
        check(
          input,
          runChunked(input, (i) => pipeline.run(i), max),
        );
      }),
      { numRuns: 200 },
    );
  });
});
