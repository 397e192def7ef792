import { z } from "zod";
import { MarsadError } from "../errors.js";
import { defaultJobs } from "../parallel/pool.js";

/** Shared option schemas: a bad value is an E_USAGE error that names it. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD")
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    "is not a real date",
  );

export function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = issue?.path.join(".") ?? "option";
  const value =
    issue && raw && typeof raw === "object"
      ? (raw as Record<string, unknown>)[String(issue.path[0])]
      : undefined;
  throw new MarsadError(
    "E_USAGE",
    `--${name} ${value === undefined ? "" : JSON.stringify(value)} ${issue?.message ?? "is invalid"}`.replace(
      /\s+/g,
      " ",
    ),
  );
}

/** `--jobs N`: analysis threads, default the number of cores. */
export const jobs = z.coerce
  .number()
  .int()
  .min(1, "must be at least 1")
  .max(256, "must be at most 256")
  .default(defaultJobs());

/** `--queue redis://…` and `--queue-name NAME` (several deployments may share one Redis). */
export const queueUrl = z.string().regex(/^rediss?:\/\//, "must be a redis:// URL");
export const queueName = z
  .string()
  .regex(/^[a-z0-9_-]{1,64}$/, "must be a-z, 0-9, _ or -")
  .default("marsad-articles");
