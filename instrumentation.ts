// What the server does once when it starts, before it answers anyone. Next.js
// calls register() once per server process (https://nextjs.org/docs/app/guides/instrumentation).
export async function register() {
  // register() runs once per runtime: the edge runtime, if anything used it, has no database to talk to
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./app/_lib/start");
  startServer();
}
