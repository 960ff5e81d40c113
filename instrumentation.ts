// What the server does once when it starts, before it answers anyone. Next.js
// calls register() once per server process (https://nextjs.org/docs/app/guides/instrumentation).
export async function register() {
  // the proxy's edge-compatible bundle has no database to talk to
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./app/_lib/start");
  startServer();
}
