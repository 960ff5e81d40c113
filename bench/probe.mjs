// A bench-only window into the server process, preloaded with
// NODE_OPTIONS=--import by bench/server.mjs — never by the app itself, so
// production servers don't have it. It needs no change to app/ or lib/: the
// live bus already sits on globalThis (lib/platform/live/bus.ts, `hexathonLiveBus`),
// and its subscriberCount() exists "for leak tests and benchmarks".
//
// It listens on 127.0.0.1 only, on the port given in
// HEXATHON_BENCH_PROBE_PORT, and answers GET /stats (live subscriptions,
// memory, open handles) and POST /gc (a full garbage collection first, so
// memory figures after a burst are comparable with the ones before).
// Inert when the variable is unset; the variable is removed at once so a
// process the server spawns doesn't try to open the same port.
import http from "node:http";
import v8 from "node:v8";
import vm from "node:vm";

const port = Number(process.env.HEXATHON_BENCH_PROBE_PORT);
delete process.env.HEXATHON_BENCH_PROBE_PORT;

if (port) {
  // gc() fetched from a fresh context after switching the flag on, rather than
  // --expose-gc: that would put a global gc() in front of the app's own code
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc");

  const stats = () => {
    const bus = globalThis.hexathonLiveBus;
    const resources = {};
    for (const kind of process.getActiveResourcesInfo()) resources[kind] = (resources[kind] ?? 0) + 1;
    return {
      pid: process.pid,
      // null until the first live page subscribed: the bus is created lazily
      subscribers: bus ? bus.subscriberCount() : null,
      memory: process.memoryUsage(),
      resources,
    };
  };

  const server = http.createServer((req, res) => {
    if (req.method === "POST" && req.url === "/gc") {
      gc();
      gc(); // twice: the first pass may only queue finalizers (closed streams, sockets) that free more
    } else if (!(req.method === "GET" && req.url === "/stats")) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(stats()));
  });
  server.on("error", (error) => console.error(`bench probe: ${error.message}`));
  server.listen(port, "127.0.0.1");
  server.unref(); // never keeps the server process alive on its own
}
