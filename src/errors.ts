/**
 * Coded errors: every message is prefixed with a stable code and names the
 * input (file, line, field) it concerns, so users and scripts can act on it.
 */
export type ErrorCode =
  | "E_NOT_TEXT"
  | "E_EMPTY"
  | "E_ENCODING"
  | "E_JSONL"
  | "E_INPUT"
  | "E_USAGE"
  | "E_LEXICON"
  | "E_GOLD"
  | "E_DB";

export class MarsadError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly where?: string,
  ) {
    super(where ? `${where}: ${message}` : message);
    this.name = "MarsadError";
  }

  /** The one-line form printed by the CLI: `E_CODE: where: message`. */
  format(): string {
    return `${this.code}: ${this.message}`;
  }
}

export function formatError(err: unknown): string {
  if (err instanceof MarsadError) return err.format();
  if (err instanceof Error) return `E_INTERNAL: ${err.message}`;
  return `E_INTERNAL: ${String(err)}`;
}
