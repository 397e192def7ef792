import { z } from "zod";
import { MarsadError } from "../errors.js";

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
