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
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
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
// an internal tool phones nobody (next.config.js says so too, but the release has no next.config.js)
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const { default: next } = await import("next");

const dir = path.join(import.meta.dirname, "..");
// In the release archive (the standalone build, without next.config.js) the configuration is the one the
// build wrote down, as Next's own standalone server.js reads it.
let conf;
const buildConfig = path.join(dir, ".next", "required-server-files.json");
if (!existsSync(path.join(dir, "next.config.js")) && existsSync(buildConfig)) {
  conf = JSON.parse(readFileSync(buildConfig, "utf8")).config;
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(conf);
}
// Next compares a proxy.ts rewrite's origin with its own, made of this name; it writes a loopback address
// (127.0.0.1, ::1) in a request's URL as "localhost", so a loopback server calls itself that, else a
// rewrite to another language's page would be taken for another site and proxied (vercel/next.js#94745)
const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|\[::1\])$/;
const app = next({ dev: false, dir, hostname: !hostname || LOOPBACK.test(hostname) ? "localhost" : hostname, port, ...(conf && { conf }) });
await app.prepare();
const handle = app.getRequestHandler();
// What the app's start-up (app/_lib/start.ts) leaves on globalThis for this file, which is outside its bundle:
// the page store (lib/platform/page-store.ts), what to do once a request is answered (lib/platform/requests.ts),
// the request context its log lines read the request's id from, and its logger (lib/platform/log.ts).
const STORE = Symbol.for("hexathon.pageStore");
const ANSWERED = Symbol.for("hexathon.requestAnswered");
const REQUEST = Symbol.for("hexathon.requestContext");
const LOGGER = Symbol.for("hexathon.logger");
const requests = (globalThis[REQUEST] ??= new AsyncLocalStorage());
const logError = (message, error) => (globalThis[LOGGER] ? globalThis[LOGGER].error({ err: error }, message) : console.error(message, error));
// Which instance answered, on every answer: behind a load balancer, the one to look at. Random per process
// (a restarted instance is another one), and nothing about the machine.
const INSTANCE = randomBytes(6).toString("hex");
const routeOf = routeMatcher(dir);
// set on SIGTERM or SIGINT: the answers from then on close their connection
let stopping = false;
// a load balancer's id for the request (nginx's $request_id) is kept, if it looks like one
const GIVEN_ID = /^[\w.:-]{8,128}$/;

const server = http.createServer((req, res) => {
  const started = performance.now();
  const given = req.headers["x-request-id"];
  const requestId = typeof given === "string" && GIVEN_ID.test(given) ? given : randomUUID();
  // the app reads it from the request (its log lines, the 500 answers that quote it)
  req.headers["x-request-id"] = requestId;
  res.setHeader("X-Request-Id", requestId);
  res.setHeader("X-Hexathon-Instance", INSTANCE);
  if (stopping) res.setHeader("Connection", "close");
  res.once("close", () => {
    const address = pathOf(req);
    // 499: the client went away before any answer (nginx's word for it)
    const status = res.headersSent ? res.statusCode : 499;
    globalThis[ANSWERED]?.({ requestId, method: req.method ?? "GET", route: routeOf(address), path: address, status, ms: performance.now() - started });
  });
  requests.run({ id: requestId }, () => {
    const store = globalThis[STORE];
    if (store?.serve(req, res)) return;
    store?.capture(req, res);
    handle(req, res).catch((error) => {
      logError(`failed to handle the request for ${pathOf(req)}`, error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end(`Internal Server Error (request ${requestId})`);
    });
  });
});
server.on("error", (error) => {
  console.error(`Hexathon cannot start: ${error.code === "EADDRINUSE" ? `port ${port} is in use by another program.` : error.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  const message = `Hexathon ready on http://${hostname ?? "localhost"}:${port}`;
  if (globalThis[LOGGER]) globalThis[LOGGER].info({ instance: INSTANCE, port }, message);
  else console.log(message);
});

/** The address without its query string, which may carry a one-time token. */
function pathOf(req) {
  return (req.url ?? "/").split("?")[0];
}

/**
 * The route pattern of a path ("/api/vote/abc" → "/api/vote/[code]"), from the build's routes manifest:
 * what the metrics count requests by (a raw address would make a label per voter card).
 */
function routeMatcher(root) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(root, ".next", "routes-manifest.json"), "utf8"));
  } catch {
    return () => "(unknown)";
  }
  const exact = new Set((manifest.staticRoutes ?? []).map((route) => route.page));
  const patterns = (manifest.dynamicRoutes ?? []).map((route) => ({ page: route.page, regex: new RegExp(route.regex) }));
  const find = (address) => (exact.has(address) ? address : patterns.find((route) => route.regex.test(address))?.page);
  return (address) => {
    if (address.startsWith("/_next/")) return address.startsWith("/_next/static/") ? "/_next/static" : "/_next";
    const trimmed = address.length > 1 ? address.replace(/\/+$/, "") : address;
    // pages live under app/[locale]/ and are asked for without it (the proxy adds the reader's language):
    // what matches only as a language ("/account" as /[locale]) is the page under it
    const direct = find(trimmed);
    const page = direct && !direct.startsWith("/[locale]") ? direct : find(`/en${trimmed === "/" ? "" : trimmed}`);
    if (page === undefined) return "(no route)";
    return page.replace(/^\/\[locale\](?=\/|$)/, "") || "/";
  };
}

for (const [signal, code] of [
  ["SIGTERM", 143],
  ["SIGINT", 130],
]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // The requests in flight finish; idle keep-alive connections close now, busy ones after their answer
    // (which says "Connection: close"): a load balancer keeps sending requests down a connection it holds
    // open, and a busy instance would otherwise never see its connections idle.
    server.close(() => void app.close().finally(() => process.exit(code)));
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 100).unref();
    // a client that never finishes its request doesn't hold the stop up for ever
    setTimeout(() => process.exit(code), 30_000).unref();
  });
}
