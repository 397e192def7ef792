import { z } from "zod";

/**
 * A validator for the output contract (../shared/spec/OUTPUT.md): the shape of
 * the article document, and its offsets against the original text. Tests use
 * `contractProblems` (a list of problems, empty when valid) or `expectContract`.
 */

const offset = z.number().int().min(0);
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD")
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, "must be a real date");

const actorRef = z.object({
  code: z.string().min(1).nullable(),
  name: z.string().nullable(),
  text: z.string().nullable(),
});

const sentence = z.object({
  index: z.number().int().min(0),
  start: offset,
  end: offset,
  heading: z.boolean(),
  text: z.string().min(1),
});

const entity = z.object({
  text: z.string().min(1),
  type: z.enum(["PER", "ORG", "GPE", "LOC", "NORP", "DATE"]),
  start: offset,
  end: offset,
  sentence: z.number().int().min(0),
  actor: z.string().min(1).nullable(),
  rule: z.string().optional(),
  name: z.string().nullable().optional(),
});

const event = z.object({
  source: actorRef.nullable(),
  target: actorRef.nullable(),
  cameo: z.string().regex(/^\d{2,4}$/, "must be a CAMEO code of 2 to 4 digits"),
  plover: z.string().min(1),
  quad: z.number().int().min(1).max(4).optional(),
  goldstein: z.number().min(-10).max(10).optional(),
  modality: z.enum(["asserted", "future", "negated", "hypothetical"]),
  date: date.nullable(),
  date_text: z.string().nullable(),
  location: z.object({ name: z.string(), code: z.string().nullable(), text: z.string() }).nullable(),
  attribution: z
    .object({
      code: z.string().nullable(),
      name: z.string().nullable(),
      text: z.string().nullable().optional(),
    })
    .nullable(),
  topics: z.array(z.string().min(1)),
  sentences: z.array(z.number().int().min(0)).min(1),
  evidence: z.string(),
  evidence_start: offset.optional(),
  evidence_end: offset.optional(),
  rules: z.array(z.string()),
});

const attribution = z.object({
  speaker: actorRef,
  sentence: z.number().int().min(0),
  start: offset,
  end: offset,
  rule: z.string().min(1),
});

export const documentSchema = z.object({
  id: z.string().min(1),
  published: date.nullable(),
  language: z.string().min(2),
  title: z.string().nullable(),
  url: z.string().nullable().optional(),
  source: z.string().nullable().optional(),
  sentences: z.array(sentence),
  entities: z.array(entity),
  events: z.array(event),
  attributions: z.array(attribution).optional(),
});

export type ContractDocument = z.infer<typeof documentSchema>;

/** At most this many problems are listed (a broken offset map breaks every span). */
const MAX_PROBLEMS = 20;

/**
 * The problems of a document against the contract: its shape, then its offsets.
 * With `original` (the text marsad analysed), every sentence's and entity's
 * `text` must be `original.slice(start, end)`; without it (an HTML page, whose
 * text marsad extracts), entities are checked against their sentence's text.
 */
export function contractProblems(value: unknown, original?: string): string[] {
  const parsed = documentSchema.safeParse(value);
  if (!parsed.success) {
    return parsed.error.issues
      .slice(0, MAX_PROBLEMS)
      .map((i) => `${i.path.join(".") || "document"}: ${i.message}`);
  }
  const doc = parsed.data;
  const problems: string[] = [];
  const add = (p: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const length = original?.length ?? Number.POSITIVE_INFINITY;
  const span = (where: string, start: number, end: number) => {
    if (start > end) add(`${where}: start ${start} > end ${end}`);
    if (end > length) add(`${where}: end ${end} is past the text (${length})`);
  };
  // sentences: numbered 0, 1, 2… in text order, without overlap
  let last = 0;
  doc.sentences.forEach((s, i) => {
    const where = `sentences.${i}`;
    if (s.index !== i) add(`${where}: index ${s.index}, expected ${i}`);
    span(where, s.start, s.end);
    if (s.start < last) add(`${where}: starts at ${s.start}, inside the previous sentence (ends ${last})`);
    last = s.end;
    if (original !== undefined && original.slice(s.start, s.end) !== s.text)
      add(`${where}: text ${JSON.stringify(s.text)} is not original.slice(${s.start}, ${s.end})`);
  });
  const sentenceAt = (i: number) => doc.sentences[i];
  doc.entities.forEach((e, i) => {
    const where = `entities.${i}`;
    span(where, e.start, e.end);
    const s = sentenceAt(e.sentence);
    if (!s) add(`${where}: sentence ${e.sentence} does not exist (${doc.sentences.length} sentences)`);
    else if (e.start < s.start || e.end > s.end)
      add(`${where}: [${e.start}, ${e.end}) is outside its sentence [${s.start}, ${s.end})`);
    else if (s.text.slice(e.start - s.start, e.end - s.start) !== e.text)
      add(`${where}: text ${JSON.stringify(e.text)} does not match its sentence at [${e.start}, ${e.end})`);
    if (original !== undefined && original.slice(e.start, e.end) !== e.text)
      add(`${where}: text ${JSON.stringify(e.text)} is not original.slice(${e.start}, ${e.end})`);
  });
  doc.events.forEach((e, i) => {
    const where = `events.${i}`;
    if (!e.source && !e.target) add(`${where}: neither source nor target`);
    for (const n of e.sentences)
      if (!sentenceAt(n)) add(`${where}: sentence ${n} does not exist (${doc.sentences.length} sentences)`);
    if (new Set(e.sentences).size !== e.sentences.length) add(`${where}: sentences repeat: ${e.sentences}`);
    if ((e.evidence_start === undefined) !== (e.evidence_end === undefined))
      add(`${where}: evidence_start and evidence_end come together`);
    if (e.evidence_start !== undefined && e.evidence_end !== undefined) {
      span(`${where}.evidence`, e.evidence_start, e.evidence_end);
      if (original !== undefined && original.slice(e.evidence_start, e.evidence_end) !== e.evidence)
        add(
          `${where}: evidence ${JSON.stringify(e.evidence)} is not original.slice(evidence_start, evidence_end)`,
        );
    }
  });
  (doc.attributions ?? []).forEach((a, i) => {
    const where = `attributions.${i}`;
    span(where, a.start, a.end);
    if (!sentenceAt(a.sentence)) add(`${where}: sentence ${a.sentence} does not exist`);
  });
  return problems;
}

/** Throws, listing the problems, unless the document satisfies the contract. */
export function expectContract(value: unknown, original?: string, label = "document"): ContractDocument {
  const problems = contractProblems(value, original);
  if (problems.length) throw new Error(`${label} breaks the output contract:\n  ${problems.join("\n  ")}`);
  return value as ContractDocument;
}

/** Parses CLI stdout in JSON Lines (one document a line) or one pretty JSON document. */
export function parseDocuments(stdout: string): unknown[] {
  const text = stdout.trim();
  if (!text) return [];
  if (text.startsWith("{\n")) return [JSON.parse(text)];
  return text.split("\n").map((line, i) => {
    try {
      return JSON.parse(line);
    } catch (err) {
      throw new Error(`stdout line ${i + 1} is not JSON: ${(err as Error).message}`);
    }
  });
}
