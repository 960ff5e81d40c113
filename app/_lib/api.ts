// The one way to answer JSON: parse the body with a zod schema, run, and map
// errors to one shape, { error: { code, message } }, with the status that
// fits. Domain errors keep their message; a database out of reach is a 503
// with Retry-After; anything unexpected is logged and answered 500 without
// details (never caused by user input: that is a 4xx).
import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb, type Db } from "@/lib/platform/db";
import { DomainError, HTTP_STATUS, type TextPosition } from "@/lib/platform/errors";
import { databaseTrouble, describeDatabaseError, isDatabaseUnavailable } from "@/lib/platform/health";
import { currentRequestId, log } from "@/lib/platform/log";
import { assertOrganizer } from "@/lib/people/rules";
import { bodyLimitFor, formatBytes, wellFormedJson } from "@/lib/platform/request-guard";
import { getCurrentUser, type CurrentUser } from "./session";
import { translator } from "./translate";
import { msg } from "@/lib/platform/messages";

export function jsonError(status: number, code: string, message: string, field?: string, at?: TextPosition) {
  return NextResponse.json({ error: { code, message, ...(field && { field }), ...(at && { at }) } }, { status });
}

/** The JSON answer to an error, its message in the reader's language (lib/'s messages are translated here). */
export async function errorResponse(error: unknown) {
  if (error instanceof BadRequest) return jsonError(400, "BAD_REQUEST", (await translator())(error.message));
  if (error instanceof PayloadTooLarge) return jsonError(413, "TOO_LARGE", (await translator())(error.message));
  if (error instanceof DomainError) return jsonError(HTTP_STATUS[error.code], error.code, (await translator())(error.message), error.field, error.at);
  const code = (error as { code?: string })?.code;
  if (code === "P2025") return jsonError(404, "NOT_FOUND", (await translator())(msg("platform.api.noRecord")));
  if (code === "P2002") return jsonError(409, "CONFLICT", (await translator())(msg("platform.api.clash")));
  if (isDatabaseUnavailable(error)) {
    databaseTrouble();
    log().error({ reason: describeDatabaseError(error) }, "database unavailable");
    return NextResponse.json(
      { error: { code: "UNAVAILABLE", message: (await translator())(msg("platform.api.databaseAway")) } },
      { status: 503, headers: { "Retry-After": "2", "Cache-Control": "no-store" } },
    );
  }
  log().error({ err: error }, "request failed");
  const id = currentRequestId();
  return jsonError(500, "INTERNAL", (await translator())(id ? msg("platform.api.failedWithId", { id }) : msg("platform.api.failed")));
}

/**
 * Reads at most `limit` bytes of a request's body (proxy.ts refuses a declared
 * Content-Length over the limit; this stops a chunked body that has none).
 */
export async function readBody(request: Request, limit: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLarge(msg("platform.guard.tooLarge", { size: formatBytes(limit) }));
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Reads and validates a JSON body; a malformed body is a 400 with a readable message. */
export async function parseRequest<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const text = await readBody(request, bodyLimitFor(new URL(request.url).pathname));
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    throw new BadRequest(msg("platform.api.notJson"));
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new BadRequest(msg("platform.api.notObject"));
  // a lone surrogate ("\ud800") is valid JSON but no text a database can store
  if (!wellFormedJson(body)) throw new BadRequest(msg("platform.api.loneSurrogate"));
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // lib's message (a zod issue's) in the reader's language now: after the field's name, it is no longer one message
    const message = (await translator())(issue.message);
    throw new BadRequest(issue.path.length ? `${issue.path.join(".")}: ${message}` : message);
  }
  return parsed.data;
}

export class BadRequest extends Error {}
export class PayloadTooLarge extends Error {}

type Handler<C> = (request: Request, context: C & { user: CurrentUser }) => Promise<Response>;
type Authorize<C> = (user: CurrentUser, context: C) => unknown;

/**
 * Wraps a route handler that needs a signed-in person. `authorize` (a lib/
 * check) runs before the handler reads the body: a caller who may not act at
 * all hears 403, not what is wrong with a body they shouldn't send.
 */
export function withUser<C>(handler: Handler<C>, authorize?: Authorize<C>) {
  return async (request: Request, context: C) => {
    try {
      const user = await getCurrentUser();
      if (!user) return jsonError(401, "UNAUTHENTICATED", (await translator())(msg("people.signInFirst")));
      await authorize?.(user, context);
      return await handler(request, { ...context, user });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** For routes on one record (`[id]`): a lib/ check of whether this person may act on it at all. */
export const authorizeById =
  (check: (db: Db, user: CurrentUser, id: string) => Promise<unknown>): Authorize<{ params: Promise<{ id: string }> }> =>
  async (user, { params }) =>
    check(getDb(), user, (await params).id);

/** For routes and form actions only organizers may call at all; `doing` is lib/'s phrase for what they do ("change roles"). */
export const organizersOnly = (doing: string) => (user: CurrentUser) => assertOrganizer(user, doing);
