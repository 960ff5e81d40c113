// The server's start-up: the one place that sets work going outside a request.
import { releaseTournaments, resumeTournaments } from "@/lib/arena/runner";
import { shareLocalUploads } from "@/lib/articles/uploads";
import { queueScheduledNews } from "@/lib/notifications/commands";
import { outboxWorker } from "@/lib/notifications/outbox";
import { startClusterRelay } from "@/lib/platform/cluster";
import { databaseKind, databaseUrl, tournamentLeaseMs } from "@/lib/platform/config";
import { getDb } from "@/lib/platform/db";
import { deliver, eventsMissed, relayEvents } from "@/lib/platform/events";
import { databaseAvailability, markStopping, watchDatabase } from "@/lib/platform/health";
import { claimDatabase, deploymentProblem } from "@/lib/platform/instance";
import { closeAllStreams } from "@/lib/platform/live/sse";
import { log } from "@/lib/platform/log";
import { metrics } from "@/lib/platform/metrics";
import { pageStore } from "@/lib/platform/page-store";
import { requestAnswered } from "@/lib/platform/requests";
import { storedPageTags } from "./cache-expiry";
import { registerSubscribers } from "./subscribers";

export function startServer() {
  // `next build` may load the server's code to prerender pages: it is no server
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // made now: scripts/serve.mjs writes its own lines through it
  log();
  refuseToStartIf(deploymentProblem());
  try {
    claimDatabase();
  } catch (error) {
    refuseToStartIf((error as Error).message);
  }
  registerSubscribers();
  // scripts/serve.mjs answers the pages stored whole from it; the subscribers expire them
  pageStore(storedPageTags);
  // scripts/serve.mjs tells of each answered request: a log line and the HTTP metrics
  (globalThis as { [ANSWERED]?: typeof requestAnswered })[ANSWERED] = requestAnswered;
  metrics();
  const db = getDb();
  // several instances may share PostgreSQL: each hears the others' events (SQLite serves one)
  const relay = databaseKind() === "postgresql" ? startClusterRelay({ url: databaseUrl(), db, deliver, missed: eventsMissed }) : null;
  relayEvents(relay?.send ?? null);
  // proxy.ts answers 503 while the database is unreachable
  watchDatabase(db);
  // images uploaded before the database kept them, from this instance's data directory, for every instance
  void shareLocalUploads(db)
    .then((shared) => shared && log().info({ shared }, "shared the uploaded images kept only here with the other instances"))
    .catch((error) => log().error({ err: error }, "could not share the uploaded images kept here"));
  // tournaments a crash or a restart interrupted carry on, now and whenever a runner stopped early
  const resume = () => {
    if (databaseAvailability()?.ok === false) return; // said once by the health check, not every 30 s here
    void resumeTournaments(db).catch((error) => log().error({ err: error }, "could not resume the tournaments left running"));
  };
  resume();
  // as often as a lease is renewed: a dead instance's tournament is taken over within a lease and a third
  setInterval(resume, tournamentLeaseMs() / 3).unref();

  // the clock's news (a challenge opening, presentations soon), queued once whichever instance looks first
  const scheduled = () => {
    if (databaseAvailability()?.ok === false) return;
    void queueScheduledNews(db)
      .then((queued) => queued > 0 && outboxWorker(db).kick())
      .catch((error) => log().error({ err: error }, "could not queue the scheduled news"));
  };
  setInterval(scheduled, 30_000).unref();

  // A graceful stop (a deploy, a scale-down): Next stops accepting and finishes the requests in flight, which
  // an event stream never does by itself, so the streams end here (each browser reconnects, through the load
  // balancer, to another instance), and the tournaments played here are handed to the others at once.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    markStopping(); // /api/ready says 503 from now on
    const streams = closeAllStreams();
    log().info({ streams }, "stopping: ended the live streams; handing back the tournaments played here");
    void releaseTournaments(db).catch((error) => log().error({ err: error }, "could not hand back the tournaments"));
    void relay?.stop();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

/** Logs a failure Next.js caught (instrumentation.ts onRequestError), with what finds it again. */
export function requestFailed(
  error: unknown,
  request: { path: string; method: string; headers: NodeJS.Dict<string | string[]> },
  context: { routePath: string; routeType: string },
) {
  const requestId = request.headers["x-request-id"];
  log().error(
    {
      err: error,
      digest: (error as { digest?: unknown })?.digest,
      requestId: typeof requestId === "string" ? requestId : undefined,
      method: request.method,
      route: context.routePath,
      kind: context.routeType,
      path: request.path.split("?")[0],
    },
    "request failed",
  );
}

/** An instance that mustn't run says why and stops before it answers anyone. */
function refuseToStartIf(problem: string | null) {
  if (!problem) return;
  log().fatal(`Hexathon cannot start: ${problem}`);
  process.exit(1);
}

// where scripts/serve.mjs finds requestAnswered (it is plain JavaScript outside the bundle)
const ANSWERED = Symbol.for("hexathon.requestAnswered");
