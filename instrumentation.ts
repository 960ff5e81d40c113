// What the server does once when it starts, before it answers anyone. Next.js
// calls register() once per server process (https://nextjs.org/docs/app/guides/instrumentation).
import type { Instrumentation } from "next";

export async function register() {
  // register() runs once per runtime: the edge runtime, if anything used it, has no database to talk to
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./app/_lib/start");
  startServer();
}

/**
 * A page, route or action failed: one log line with the request's id and the
 * error's digest, the reference the error page shows (app/error.tsx), so
 * that what a person quotes leads to this line and to the request's others.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { requestFailed } = await import("./app/_lib/start");
  requestFailed(error, request, context);
};
