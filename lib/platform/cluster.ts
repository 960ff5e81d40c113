// Several instances on one PostgreSQL database: every domain event announced
// in one instance reaches the subscribers of the others through LISTEN/NOTIFY,
// so each turns it into its own live updates (read from the database, which
// holds the state) and its own cache expiry. No other server is needed.
//
// - One listening connection per process, outside the pool, re-established
//   with back-off when it drops. Each time it starts listening, the first
//   time included, every subscriber catches up (`missed`): events sent
//   meanwhile are gone, and a starting instance already serves pages and
//   live streams before it listens.
// - NOTIFY's payload is at most 8,000 bytes: an event is a type and ids, and
//   a burst (a ballot each, a match each) goes out at most four times a
//   second per edition, the latest of it, as the live updates do.
// - An instance ignores its own notifications: its subscribers heard the
//   event already.
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Db } from "./db";
import type { DomainEvent } from "./events";
import { coalesce } from "./live/coalesce";
import { metrics } from "./metrics";
import { log } from "./log";

export const CLUSTER_CHANNEL = "hexathon_events";
const PAYLOAD_LIMIT = 7_900;
const BURST_INTERVAL_MS = 250;
const BACKOFF_MS = { first: 250, max: 10_000 };

export type ClusterRelayOptions = {
  /** the database the instances share */
  url: string;
  /** where this instance's events are sent from (the pool, not the listening connection) */
  db: Db;
  /** hands another instance's event to this process's subscribers */
  deliver: (event: DomainEvent) => void | Promise<void>;
  /** every subscriber catches up: called each time the listening connection is up */
  missed: () => void | Promise<void>;
  /** how this instance is told apart in the notifications (random by default) */
  instanceId?: string;
};

export type ClusterRelay = {
  /** sends an event announced here to the other instances */
  send: (event: DomainEvent) => void;
  /** whether the listening connection is up (the health check shows it) */
  listening: () => boolean;
  stop: () => Promise<void>;
};

/** Events that come in bursts, each superseding the last: sent as the latest of each quarter second. */
function burstKey(event: DomainEvent): string | null {
  if (event.type === "ballot.cast") return `${event.type}:${event.editionId}`;
  if (event.type === "tournament.progressed") return `${event.type}:${event.progress.tournamentId}`;
  return null;
}

const CURRENT = Symbol.for("hexathon.clusterRelay");

/** This process's relay, for the health check: null on SQLite (one instance, events stay in-process). */
export function clusterRelay(): ClusterRelay | null {
  return (globalThis as { [CURRENT]?: ClusterRelay })[CURRENT] ?? null;
}

export function startClusterRelay({ url, db, deliver, missed, instanceId = randomUUID() }: ClusterRelayOptions): ClusterRelay {
  let client: pg.Client | null = null;
  let connected = false;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let backoff = BACKOFF_MS.first;
  // said once per outage, not at every retry
  let complained = false;

  const notify = (event: DomainEvent) => {
    const payload = JSON.stringify({ from: instanceId, event });
    if (payload.length > PAYLOAD_LIMIT) {
      log().error(`cluster: the ${event.type} event is too large to send to the other instances (${payload.length} bytes)`);
      return;
    }
    void db.$executeRawUnsafe("SELECT pg_notify($1, $2)", CLUSTER_CHANNEL, payload).catch((error: Error) => {
      // the database is unreachable: the other instances catch up when their own connection returns
      log().error(`cluster: could not send ${event.type} to the other instances: ${error.message}`);
    });
  };
  const bursts = new Map<string, (event: DomainEvent) => void>();

  const receive = (message: pg.Notification) => {
    if (message.channel !== CLUSTER_CHANNEL || !message.payload) return;
    let parsed: { from?: string; event?: DomainEvent };
    try {
      parsed = JSON.parse(message.payload);
    } catch {
      return; // not ours
    }
    if (!parsed.event || parsed.from === instanceId) return;
    if (typeof parsed.event.at === "number") metrics().clusterDelay.observe(Math.max(0, Date.now() - parsed.event.at) / 1000);
    void Promise.resolve(deliver(parsed.event)).catch((error) => log().error({ err: error }, "cluster: could not deliver an event"));
  };

  const scheduleReconnect = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, backoff);
    retry.unref?.();
    backoff = Math.min(backoff * 2, BACKOFF_MS.max);
  };

  const connect = async () => {
    // named, so an operator sees in pg_stat_activity which instance listens
    const next = new pg.Client({ connectionString: url, application_name: `hexathon events ${instanceId.slice(0, 8)}` });
    next.on("notification", receive);
    const lost = (error?: Error) => {
      if (client !== next) return;
      client = null;
      connected = false;
      next.removeAllListeners("notification");
      void next.end().catch(() => {});
      if (stopped) return;
      if (!complained) log().error(`cluster: no connection to hear the other instances${error ? ` (${error.message})` : ""}; retrying until there is`);
      complained = true;
      scheduleReconnect();
    };
    next.on("error", lost);
    next.on("end", () => lost());
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${CLUSTER_CHANNEL}`);
    } catch (error) {
      lost(error as Error);
      return;
    }
    if (stopped) return void next.end().catch(() => {});
    connected = true;
    backoff = BACKOFF_MS.first;
    if (complained) log().error("cluster: hearing the other instances again");
    complained = false;
    await Promise.resolve(missed()).catch((error) => log().error({ err: error }, "cluster: could not catch up"));
  };
  void connect();

  const relay: ClusterRelay = {
    send(event) {
      const key = burstKey(event);
      if (!key) return notify(event);
      let send = bursts.get(key);
      if (!send) bursts.set(key, (send = coalesce(notify, BURST_INTERVAL_MS)));
      send(event);
    },
    listening: () => connected,
    async stop() {
      stopped = true;
      const holder = globalThis as { [CURRENT]?: ClusterRelay };
      if (holder[CURRENT] === relay) delete holder[CURRENT];
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      connected = false;
      await current?.end().catch(() => {});
    },
  };
  (globalThis as { [CURRENT]?: ClusterRelay })[CURRENT] = relay;
  return relay;
}
