// Errors that domain code throws on purpose. Each carries a message a person
// understands; routes map the code to an HTTP status (app/_lib/) and show the
// message, optionally next to a form field.

export type DomainErrorCode =
  | "UNAUTHENTICATED" // 401: sign in first
  | "FORBIDDEN" // 403: signed in, but not allowed
  | "NOT_FOUND" // 404
  | "CONFLICT" // 409: clashes with existing data (duplicate name, already in a team)
  | "INVALID" // 422: well-formed but against the rules (team full, wrong phase)
  | "RATE_LIMITED"; // 429

/** A place in a text a person typed, 1-based. */
export type TextPosition = { line: number; column: number };

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** the form field the message belongs next to, if any */
    readonly field?: string,
    /** where in that field, when it is a text (a bot's source): the page marks the line, in any language */
    readonly at?: TextPosition,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const HTTP_STATUS: Record<DomainErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 422,
  RATE_LIMITED: 429,
};

export const forbidden = (message: string) => new DomainError("FORBIDDEN", message);
export const notFound = (message: string) => new DomainError("NOT_FOUND", message);
export const conflict = (message: string, field?: string) => new DomainError("CONFLICT", message, field);
export const invalid = (message: string, field?: string, at?: TextPosition) => new DomainError("INVALID", message, field, at);

/** Prisma's "unique constraint failed" (works with driver adapters too). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
/** Prisma's "record to update/delete not found". */
export function isRecordNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}
