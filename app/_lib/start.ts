// The server's start-up: the one place that sets work going outside a request.
import { resumeTournaments } from "@/lib/arena/runner";
import { getDb } from "@/lib/platform/db";
import { databaseAvailability, watchDatabase } from "@/lib/platform/health";
import { registerSubscribers } from "./subscribers";

/** How often running tournaments nobody in this process plays are picked up again. */
const TOURNAMENT_WATCH_MS = 30_000;

export function startServer() {
  registerSubscribers();
  const db = getDb();
  // proxy.ts answers 503 while the database is unreachable
  watchDatabase(db);
  // tournaments a crash or a restart interrupted carry on, now and whenever a runner stopped early
  const resume = () => {
    if (databaseAvailability()?.ok === false) return; // said once by the health check, not every 30 s here
    void resumeTournaments(db).catch((error) => console.error("could not resume the tournaments left running", error));
  };
  resume();
  setInterval(resume, TOURNAMENT_WATCH_MS).unref();
}
