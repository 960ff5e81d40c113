// Prometheus metrics (prom-client, the client every Node service uses): what
// an operator watches during the final. One registry per process, on
// globalThis: Next.js bundles the start-up hook, the routes and the actions
// separately, and scripts/serve.mjs (outside the bundle) counts the HTTP
// requests, so all of them must find the same counters. GET /metrics
// (app/metrics/route.ts) exposes them when METRICS_TOKEN is set.
import { timingSafeEqual } from "node:crypto";
import client from "prom-client";
import { openStreamCount } from "./live/sse";
import { currentPageStore } from "./page-store";

const storedPagesSeen: Partial<Record<"served" | "kept" | "expired", number>> = {};

function create() {
  const registry = new client.Registry();
  // the process: CPU, memory, event-loop lag, garbage collection, handles (standard names, as Grafana's Node dashboards expect)
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const seconds = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
  return {
    registry,
    httpRequests: new client.Counter({
      name: "hexathon_http_requests_total",
      help: "HTTP requests answered, by method, route pattern and status",
      labelNames: ["method", "route", "status"] as const,
      registers,
    }),
    httpDuration: new client.Histogram({
      name: "hexathon_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its answer (event streams are counted when they end)",
      labelNames: ["method", "route"] as const,
      buckets: seconds,
      registers,
    }),
    ballots: new client.Counter({
      name: "hexathon_ballots_total",
      help: "Ballots saved: a voter's first (cast) or a later one replacing it (replaced)",
      labelNames: ["outcome"] as const,
      registers,
    }),
    streams: new client.Gauge({
      name: "hexathon_event_streams_open",
      help: "Server-Sent Events streams open on this instance (projectors, phones, screens)",
      registers,
      collect() {
        this.set(openStreamCount());
      },
    }),
    storedPages: new client.Counter({
      name: "hexathon_stored_pages_total",
      help: "Whole pages answered from this instance's page store (served), put in it (kept), or expired by a change (expired)",
      labelNames: ["event"] as const,
      registers,
      collect() {
        // the store keeps its own totals: each scrape adds what they grew by
        const counts = currentPageStore()?.counts;
        if (!counts) return;
        for (const event of ["served", "kept", "expired"] as const) {
          const grown = counts[event] - (storedPagesSeen[event] ?? 0);
          if (grown > 0) this.inc({ event }, grown);
          storedPagesSeen[event] = counts[event];
        }
      },
    }),
    liveDelay: new client.Histogram({
      name: "hexathon_live_update_delay_seconds",
      help: "From a change (on any instance) to its live update written to this instance's open streams",
      labelNames: ["feed"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    clusterDelay: new client.Histogram({
      name: "hexathon_cluster_event_delay_seconds",
      help: "From an event announced on another instance to its arrival here (PostgreSQL LISTEN/NOTIFY)",
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers,
    }),
    riddleAttempts: new client.Counter({
      name: "hexathon_riddle_attempts_total",
      help: "Answers to speed riddles: right, wrong, or refused (the team's cooldown or its last wrong answer)",
      labelNames: ["result"] as const,
      registers,
    }),
    judgments: new client.Counter({
      name: "hexathon_judgments_total",
      help: "Judges' judgments recorded (by kind: SEEN, PAIR, RANKING, RUBRIC, SKIP), or refused as a repeat of one already recorded (kind refused_repeat)",
      labelNames: ["kind"] as const,
      registers,
    }),
    outbox: new client.Counter({
      name: "hexathon_outbox_attempts_total",
      help: "Attempts at sending outbox messages (channel EMAIL or WEBHOOK), by outcome: sent, retry (failed, tried again later), failed (given up)",
      labelNames: ["channel", "outcome"] as const,
      registers,
    }),
    outboxQueued: new client.Gauge({
      name: "hexathon_outbox_queued",
      help: "Outbox messages waiting to be sent (all instances: read from the database when scraped)",
      registers,
    }),
    matches: new client.Counter({ name: "hexathon_tournament_matches_total", help: "Tournament matches played on this instance", registers }),
    forfeits: new client.Counter({
      name: "hexathon_tournament_forfeits_total",
      help: "Bots that forfeited a tournament match, by reason",
      labelNames: ["reason"] as const,
      registers,
    }),
    moves: new client.Counter({ name: "hexathon_sandbox_moves_total", help: "Moves bots played in the sandbox during tournament matches", registers }),
    dbQueries: new client.Histogram({
      name: "hexathon_db_query_duration_seconds",
      help: "Database statements, by kind, from the call to the answer (waiting for SQLite's one writer included)",
      labelNames: ["statement"] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof create>;
const METRICS = Symbol.for("hexathon.metrics");

/** This process's metrics, made on first use. */
export function metrics(): Metrics {
  const holder = globalThis as { [METRICS]?: Metrics };
  return (holder[METRICS] ??= create());
}

/** "SELECT …" → "select": a bounded label for a statement. */
export function statementKind(sql: string): string {
  const word = /^\s*(?:WITH\b[\s\S]*?\)\s*)?(\w+)/i.exec(sql)?.[1]?.toLowerCase();
  return word && ["select", "insert", "update", "delete", "begin", "commit", "rollback"].includes(word) ? word : "other";
}

/** Counts the time of a database statement. */
export async function timed<T>(sql: string, run: () => Promise<T>): Promise<T> {
  const stop = metrics().dbQueries.startTimer({ statement: statementKind(sql) });
  try {
    return await run();
  } finally {
    stop();
  }
}

export type MetricsAccess = "off" | "allowed" | "refused";

/** Whether a scrape may read the metrics: off without METRICS_TOKEN, then only with `Authorization: Bearer <token>`. */
export function metricsAccess(authorization: string | null, token = process.env.METRICS_TOKEN?.trim()): MetricsAccess {
  if (!token) return "off";
  const given = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1] ?? "";
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b) ? "allowed" : "refused";
}

/** The exposition, in Prometheus's text format. */
export async function exposition(): Promise<{ contentType: string; body: string }> {
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
