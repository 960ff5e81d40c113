// Serves the production build (`next build` ran before): what `next start`
// does, with the stored pages answered first (lib/platform/page-store.ts) —
// an article read by everyone costs a lookup, not a trip through Next's
// router. `npm start` runs it after the migrations.
//
//   node scripts/serve.mjs [-p PORT] [-H HOSTNAME]   (defaults: $PORT or 3000; every interface)
//
// On SIGTERM or SIGINT it stops accepting, lets the app end its event streams
// and hand back its tournaments (app/_lib/start.ts), finishes the requests in
// flight and exits, as `next start` does.
import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
// not $HOSTNAME: shells and containers set it to the machine's name
const hostname = values.hostname;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Hexathon cannot start: the port must be a number from 0 to 65535 (got "${values.port ?? process.env.PORT}").`);
  process.exit(1);
}
// the build is served as built, whatever the shell says (`next start` does the same)
process.env.NODE_ENV = "production";
const { default: next } = await import("next");

const app = next({ dev: false, dir: path.join(import.meta.dirname, ".."), hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();
// the app's start-up makes the store (lib/platform/page-store.ts pageStore), under this name
const STORE = Symbol.for("hexathon.pageStore");
// Which instance answered, on every answer: behind a load balancer, the one to look at. Random per process
// (a restarted instance is another one), and nothing about the machine.
const INSTANCE = randomBytes(6).toString("hex");

const server = http.createServer((req, res) => {
  res.setHeader("X-Hexathon-Instance", INSTANCE);
  const store = globalThis[STORE];
  if (store?.serve(req, res)) return;
  store?.capture(req, res);
  handle(req, res).catch((error) => {
    console.error(`Failed to handle request for ${req.url}`, error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("Internal Server Error");
  });
});
server.on("error", (error) => {
  console.error(`Hexathon cannot start: ${error.code === "EADDRINUSE" ? `port ${port} is in use by another program.` : error.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => console.log(`Hexathon ready on http://${hostname ?? "localhost"}:${port}`));

let stopping = false;
for (const [signal, code] of [
  ["SIGTERM", 143],
  ["SIGINT", 130],
]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // the requests in flight finish; idle keep-alive connections close now, busy ones after their answer
    server.close(() => void app.close().finally(() => process.exit(code)));
    server.closeIdleConnections();
    // a client that never finishes its request doesn't hold the stop up for ever
    setTimeout(() => process.exit(code), 30_000).unref();
  });
}
