// The one way to answer JSON: parse the body with a zod schema, run, and map
// errors to one shape, { error: { code, message } }, with the status that
// fits. Domain errors keep their message; anything unexpected is logged and
// answered 500 without details (never caused by user input: that is a 4xx).
import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { DomainError, HTTP_STATUS } from "@/lib/errors";
import { getCurrentUser, type CurrentUser } from "./session";

export function jsonError(status: number, code: string, message: string) {
  return NextResponse.json({ error: { code, message } }, { status });
}

export function errorResponse(error: unknown) {
  if (error instanceof DomainError) return jsonError(HTTP_STATUS[error.code], error.code, error.message);
  const code = (error as { code?: string })?.code;
  if (code === "P2025") return jsonError(404, "NOT_FOUND", "That record doesn't exist.");
  if (code === "P2002") return jsonError(409, "CONFLICT", "That clashes with existing data.");
  console.error(error);
  return jsonError(500, "INTERNAL", "Something went wrong on our side.");
}

/** Reads and validates a JSON body; a malformed body is a 400 with a readable message. */
export async function parseRequest<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    const text = await request.text();
    body = text ? JSON.parse(text) : {};
  } catch {
    throw new BadRequest("The request body is not valid JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new BadRequest("The request body must be a JSON object.");
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadRequest(issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message);
  }
  return parsed.data;
}

export class BadRequest extends Error {}

type Handler<C> = (request: Request, context: C & { user: CurrentUser }) => Promise<Response>;

/** Wraps a route handler that needs a signed-in person. */
export function withUser<C>(handler: Handler<C>) {
  return async (request: Request, context: C) => {
    try {
      const user = await getCurrentUser();
      if (!user) return jsonError(401, "UNAUTHENTICATED", "Please sign in first.");
      return await handler(request, { ...context, user });
    } catch (error) {
      if (error instanceof BadRequest) return jsonError(400, "BAD_REQUEST", error.message);
      return errorResponse(error);
    }
  };
}
