import { z } from "zod";
import type { EventFilter } from "../store/types.js";

/**
 * Query parameters of the API, validated with zod: every bad parameter is
 * answered 400 with a message that names it. Actor codes are capitals,
 * CAMEO codes digits, dates YYYY-MM-DD — hostile strings never reach SQL
 * (and SQL only ever gets bound parameters anyway).
 */

const code = z.string().regex(/^[A-Z]{3,18}$/, "must be an actor code prefix (3 to 18 capital letters)");
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");

export const filterSchema = z
  .object({
    source: code.optional(),
    target: code.optional(),
    actor: code.optional(),
    cameo: z
      .string()
      .regex(/^\d{2,4}$/, "must be a CAMEO root or code (2 to 4 digits)")
      .optional(),
    plover: z
      .string()
      .regex(/^[A-Z]{3,12}$/, "must be a PLOVER type")
      .optional(),
    quad: z.coerce.number().int().min(1, "must be 1 to 4").max(4, "must be 1 to 4").optional(),
    modality: z.enum(["asserted", "future", "negated", "hypothetical"]).optional(),
    from: date.optional(),
    to: date.optional(),
    topic: z
      .string()
      .regex(/^[a-z_]{1,40}$/, "must be a topic name")
      .optional(),
    q: z.string().max(500, "must be at most 500 characters").optional(),
  })
  .strict();

export const eventsQuery = filterSchema.extend({
  limit: z.coerce.number().int().min(1, "must be 1 to 500").max(500, "must be 1 to 500").default(50),
  cursor: z.string().max(200).optional(),
  format: z.enum(["json", "csv"]).default("json"),
});

export const listQuery = filterSchema.extend({
  limit: z.coerce.number().int().min(1, "must be 1 to 1000").max(1000, "must be 1 to 1000").default(100),
});

export const timelineQuery = filterSchema.extend({
  bucket: z.enum(["day", "week", "month"]).default("day"),
  by: z.enum(["root", "quad"]).default("root"),
});

export const searchQuery = z
  .object({
    q: z.string().min(1, "is required").max(500, "must be at most 500 characters"),
    limit: z.coerce.number().int().min(1, "must be 1 to 200").max(200, "must be 1 to 200").default(20),
  })
  .strict();

export const exportQuery = filterSchema.extend({
  format: z.enum(["jsonl", "csv", "gdelt"]).default("jsonl"),
});

export class BadRequest extends Error {}

/** Parses a query with a schema; the error names the parameter. */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  return parseWith(schema, query, "parameter");
}

/** Validates a query ("parameter") or a request body ("field"); a 400 names the first bad one. */
export function parseWith<T extends z.ZodType>(
  schema: T,
  value: unknown,
  kind: "parameter" | "field",
): z.infer<T> {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const unknownKey = issue?.code === "unrecognized_keys";
  const name =
    issue?.path.join(".") || (unknownKey ? (issue as { keys?: string[] }).keys?.join(", ") : "") || kind;
  throw new BadRequest(
    `${kind} "${name}" ${unknownKey ? `is not a known ${kind}` : (issue?.message ?? "is invalid")}`,
  );
}

export function filterOf(q: EventFilter & Record<string, unknown>): EventFilter {
  const { source, target, actor, cameo, plover, quad, modality, from, to, topic, q: text } = q;
  return { source, target, actor, cameo, plover, quad, modality, from, to, topic, q: text };
}
