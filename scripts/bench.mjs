// `npm run bench`: performance figures of the production build, each next to
// its target, measured against a trivial route in the same run (so a slow or
// busy machine moves both, and the ratio stays meaningful).
//
// It needs an existing `next build` (.next/) and never builds: it starts
// the server (scripts/serve.mjs) on a throw-away demo database, measures, and removes it all
// again (also on Ctrl-C). A benchmark, not a test: it exits 0 whatever the
// figures, and 1 only when the server can't be started.
//
//   npm run bench                 the full run (about 6 minutes)
//   npm run bench -- --quick      a tenth of the load, to try changes to the bench itself
//   npm run bench -- --no-probe   without bench/probe.mjs in the server: subscriptions only inferred
//   npm run bench -- --port 3500  where to start looking for a free port (default 3400)
//
// Sections live in bench/ (vote.mjs, articles.mjs, arena.mjs, judging.mjs, cluster.mjs); a new one exports a
// function returning table rows and is called below.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { measureBaseline } from "../bench/load.mjs";
import { formatTable, ms, perSecond, row } from "../bench/report.mjs";
import { currentServer, freePort, startServer } from "../bench/server.mjs";
import { voteSection } from "../bench/vote.mjs";
import { arenaSection } from "../bench/arena.mjs";
import { judgingSection } from "../bench/judging.mjs";
import { ARTICLES_QUICK, articlesSection } from "../bench/articles.mjs";
import { CLUSTER_QUICK, clusterSection } from "../bench/cluster.mjs";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const useProbe = !args.includes("--no-probe");
const portArg = args.indexOf("--port");
const port = portArg >= 0 ? Number(args[portArg + 1]) : 3400;
// the same concurrency for the baseline and the ballots: the ratio compares the server, not the load shape
const CONCURRENCY = 64;
const log = (message) => console.error(message);

// Ctrl-C or a kill: stop the server (its whole process group) and remove the temp dir before leaving
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    log(`\nbench: ${signal}, stopping the server…`);
    await currentServer()?.stop();
    process.exit(130);
  });
}
process.on("exit", () => currentServer()?.stopSync());

const began = performance.now();
// the generator shares the machine with the server: other work (a build, tests) moves every figure, so say how busy it was
const loadBefore = os.loadavg()[0];
if (loadBefore > 1) log(`bench: the machine is already busy (1-min load average ${loadBefore.toFixed(1)}): figures will be noisy`);
let server;
const probePort = useProbe ? await freePort(port + 60) : null;
try {
  server = await startServer({ port, probePort, log });
} catch (error) {
  log(`bench: the server could not be started: ${error.message}`);
  await currentServer()?.stop();
  process.exit(1);
}

let probe = probePort ? `http://127.0.0.1:${probePort}` : null;
if (probe) {
  try {
    const res = await fetch(`${probe}/stats`);
    if (!res.ok) throw new Error(String(res.status));
  } catch (error) {
    log(`bench: the probe does not answer (${error.message}): subscriptions will only be inferred`);
    probe = null;
  }
}

const rows = [];
let observed = false;
try {
  log(`bench: baseline GET /api/time, ${CONCURRENCY} in flight…`);
  const baseline = await measureBaseline(server.origin, { concurrency: CONCURRENCY, durationMs: quick ? 1_500 : 4_000 });
  rows.push(
    row("baseline", `GET /api/time, ${CONCURRENCY} in flight, ${(baseline.requests / 1000).toFixed(1)}k requests`, perSecond(baseline.perSecond)),
    row("baseline", "p50 / p99", `${ms(baseline.p50)} / ${ms(baseline.p99)}`),
    row("baseline", "errors", String(baseline.errors), "0", baseline.errors === 0),
    row("baseline", "1-min load average before the run", loadBefore.toFixed(1), "quiet if < 1"),
  );

  const vote = await voteSection({
    server,
    probe,
    baseline,
    log,
    options: { concurrency: CONCURRENCY, ...(quick && { voters: 200, sseClients: 100, leakClients: 500 }) },
  });
  rows.push(...vote.rows);
  observed = vote.observed;
} catch (error) {
  if (stopping) await new Promise(() => {}); // interrupted: the signal handler stops the server and exits
  log(`bench: a section failed: ${error.stack ?? error.message}\n--- server log (tail) ---\n${server.logTail()}`);
  rows.push(row("error", "section aborted", error.message.split("\n")[0].slice(0, 60), "", false));
}

// the articles section fills the database with 10,000 articles: after the vote, which wants the demo as seeded
try {
  rows.push(...(await articlesSection({ server, log, options: { concurrency: CONCURRENCY, ...(quick && ARTICLES_QUICK) } })));
} catch (error) {
  if (stopping) await new Promise(() => {});
  log(`bench: the articles section failed: ${error.stack ?? error.message}\n--- server log (tail) ---\n${server.logTail()}`);
  rows.push(row("error", "articles section aborted", error.message.split("\n")[0].slice(0, 60), "", false));
}

await server.stop();
// the arena needs no server: it runs after it has stopped, with the cores to itself
try {
  rows.push(...(await arenaSection({ log, quick })));
} catch (error) {
  log(`bench: the arena section failed: ${error.stack ?? error.message}`);
  rows.push(row("error", "arena section aborted", error.message.split("\n")[0].slice(0, 60), "", false));
}
// judging is a simulation in its own process: no server, the cores to itself
if (!stopping)
  try {
    rows.push(...(await judgingSection({ log, quick })));
  } catch (error) {
    log(`bench: the judging section failed: ${error.stack ?? error.message}`);
    rows.push(row("error", "judging section aborted", error.message.split("\n")[0].slice(0, 60), "", false));
  }

// the cluster starts its own instances behind nginx, on PostgreSQL: last, with the machine to itself
if (!stopping)
  try {
    rows.push(...(await clusterSection({ log, port: await freePort(port + 300), options: { concurrency: CONCURRENCY, ...(quick && CLUSTER_QUICK) } })));
  } catch (error) {
    if (stopping) await new Promise(() => {});
    log(`bench: the cluster section failed: ${error.stack ?? error.message}`);
    rows.push(row("error", "cluster section aborted", error.message.split("\n")[0].slice(0, 60), "", false));
  }

if (stopping) await new Promise(() => {}); // interrupted after the last section: no table
const total = (performance.now() - began) / 1000;
console.log(
  `\nHexathon bench — the production server on a fresh demo database, load generator on the same ${os.cpus().length}-core machine${quick ? " (--quick)" : ""}\n`,
);
console.log(formatTable(rows));
console.log(
  observed
    ? "\nSubscriptions are observed with bench/probe.mjs, preloaded into the server by the bench only (NODE_OPTIONS=--import);\n" +
        "RSS is read from /proc/<pid>/status of the server's process tree."
    : "\nSubscriptions are INFERRED (no server-side probe): a fresh stream still receives a new count promptly after\n" +
        "the drop, and RSS (from /proc/<pid>/status of the server's process tree) returns near its start.",
);
console.log(`Whole run: ${total.toFixed(0)} s.`);
process.exit(0);
