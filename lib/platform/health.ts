// The health check behind GET /api/health (the database answers a trivial
// query within a short time, or we say why not, without secrets), and the
// database's availability as this process last saw it: a probe every two
// seconds keeps it on globalThis, where proxy.ts reads it to answer 503 with
// a "temporarily unavailable" page instead of letting every page fail.
import { clusterRelay } from "./cluster";
import { databaseKind } from "./config";
import type { Db } from "./db";
import { loadMigrations, migrationsDir } from "./migrate";

export type Health = { ok: true } | { ok: false; reason: string };

/** Prisma wraps the driver's words: "Invalid `prisma.$queryRawUnsafe()` invocation: … Message: `Can't reach database server at …`". */
function meaningfulLine(message: string): string {
  const quoted = /Message: `([^`]+)`/.exec(message)?.[1];
  if (quoted) return quoted;
  return (
    message
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !/^Invalid `prisma\./.test(l))
      .at(-1) ?? ""
  );
}

/** What went wrong, in one line a person can act on: the error's code and message, with any credentials removed. */
export function describeDatabaseError(error: unknown): string {
  const e = error as { message?: unknown; code?: unknown; errors?: unknown[]; cause?: unknown };
  const parts = new Set<string>();
  const add = (x: unknown, orCode = true) => {
    const inner = x as { message?: unknown; code?: unknown; meta?: { message?: unknown } } | undefined;
    const message = typeof inner?.meta?.message === "string" ? inner.meta.message : typeof inner?.message === "string" ? meaningfulLine(inner.message) : "";
    if (message) parts.add(message.trim());
    else if (orCode && typeof inner?.code === "string") parts.add(inner.code);
  };
  add(e, false); // its code, if nothing better is found, comes last
  for (const inner of Array.isArray(e?.errors) ? e.errors : []) add(inner); // pg's AggregateError has an empty message
  if (e?.cause) add(e.cause);
  const text = [...parts].join("; ") || (typeof e?.code === "string" ? e.code : "no answer");
  // a connection string in an error keeps its host, never its user or password
  return text.replace(/(\w+:\/\/)[^/@\s]*@/g, "$1…@").slice(0, 300);
}

const UNAVAILABLE_PRISMA_CODES = new Set([
  "P1001", // can't reach the server
  "P1002", // the server timed out
  "P1008", // the operation timed out
  "P1017", // the server closed the connection
  "P2024", // no connection from the pool in time
  "P2028", // the transaction's connection went away (or it outlived its time)
  "P2037", // too many connections
]);
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TransactionAlreadyClosed"]);
/** PostgreSQL's SQLSTATEs for a lost or refused connection: class 08, a server shutting down or starting, too many clients. */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
/** What the drivers say when there is no connection to speak of (pg, its pool, Node's sockets, SQLite's lock). */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Can't reach database server|SQLITE_BUSY|database is locked/i;

/**
 * Whether an error means "no database right now" (a dropped connection, a
 * restarting server, an exhausted pool), which a request answers with 503 and
 * a retry, not a bug's 500. Looks through Prisma's wrapping to the driver's error.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const e = error as {
    code?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
    errors?: unknown;
  };
  if (
    typeof e.code === "string" &&
    (UNAVAILABLE_PRISMA_CODES.has(e.code) || UNAVAILABLE_SQLSTATE.test(e.code) || /^E(CONNREFUSED|CONNRESET|TIMEDOUT|PIPE)$/.test(e.code))
  )
    return true;
  if (typeof e.originalCode === "string" && UNAVAILABLE_SQLSTATE.test(e.originalCode)) return true;
  if (typeof e.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  const inner = [e.cause, e.meta?.driverAdapterError, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((x) => isDatabaseUnavailable(x, depth + 1));
}

export async function checkHealth(db: Db, timeoutMs = 3000): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Health>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `the database did not answer within ${timeoutMs} ms` }), timeoutMs);
  });
  const probe = db.$queryRawUnsafe("SELECT 1").then(
    (): Health => ({ ok: true }),
    (error: unknown): Health => ({ ok: false, reason: `the database is unreachable: ${describeDatabaseError(error)}` }),
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export type InstanceHealth = {
  /** "degraded": serving, but not hearing the other instances (their changes reach this one's pages late) */
  status: "ok" | "degraded" | "unavailable";
  database: Health;
  /** how this instance hears the others: "in-process" on SQLite, the one instance there is */
  events: "in-process" | "listening" | "reconnecting";
};

/** GET /api/health: the database answers, and this instance hears the others' events. */
export async function instanceHealth(db: Db): Promise<InstanceHealth> {
  const database = await checkHealth(db).catch((error: unknown): Health => ({ ok: false, reason: describeDatabaseError(error) }));
  const relay = clusterRelay();
  const events = !relay ? "in-process" : relay.listening() ? "listening" : "reconnecting";
  return { status: !database.ok ? "unavailable" : events === "reconnecting" ? "degraded" : "ok", database, events };
}

export type Availability = { ok: boolean; reason: string; checkedAt: number };
const STATE = Symbol.for("hexathon.databaseAvailability");
type Holder = { [STATE]?: { availability: Availability; timer?: NodeJS.Timeout; probe?: () => void } };

export const PROBE_EVERY_MS = 2000;

/** The database's availability as last probed in this process (unknown until the first probe: assumed up). */
export function databaseAvailability(): Availability | null {
  return (globalThis as Holder)[STATE]?.availability ?? null;
}

/**
 * A request just failed for want of the database: probe again now rather than
 * at the next tick, so that the health check and proxy.ts know at once.
 */
export function databaseTrouble(): void {
  (globalThis as Holder)[STATE]?.probe?.();
}

/** Probes the database now and every two seconds from then on (once per process). */
export function watchDatabase(db: Db): void {
  const holder = globalThis as Holder;
  if (holder[STATE]?.timer) return;
  const state: NonNullable<Holder[typeof STATE]> = holder[STATE] ?? { availability: { ok: true, reason: "", checkedAt: 0 } };
  holder[STATE] = state;
  let probing = false;
  const probe = async () => {
    if (probing) return;
    probing = true;
    try {
      let health = await checkHealth(db, PROBE_EVERY_MS);
      // the probe's connection may be one that just dropped (the pool replaces those): down only if the next tries fail too
      for (let retry = 0; retry < 3 && !health.ok; retry++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        health = await checkHealth(db, PROBE_EVERY_MS);
      }
      state.availability = { ok: health.ok, reason: health.ok ? "" : health.reason, checkedAt: Date.now() };
    } finally {
      probing = false;
    }
  };
  state.probe = () => void probe();
  state.timer = setInterval(state.probe, PROBE_EVERY_MS);
  state.timer.unref();
  state.probe();
}

const STOPPING = Symbol.for("hexathon.stopping");
let shipped: string[] | null = null;

/** The migrations this build ships (read once): a database missing one isn't ready for this code. */
function shippedMigrations(): string[] {
  return (shipped ??= loadMigrations(migrationsDir(databaseKind())).map((m) => m.name));
}

/** The process was asked to stop: it finishes what it is doing, and says it isn't ready for more. */
export function markStopping(): void {
  (globalThis as { [STOPPING]?: boolean })[STOPPING] = true;
}

export function isStopping(): boolean {
  return (globalThis as { [STOPPING]?: boolean })[STOPPING] === true;
}

export type Readiness = { ready: true } | { ready: false; reason: string };

/**
 * GET /api/ready: whether a load balancer should send this instance new
 * requests: not stopping, its database answering with every migration this
 * build knows applied, and (on PostgreSQL) hearing the other instances' events.
 */
export async function instanceReadiness(db: Db, expectedMigrations = shippedMigrations()): Promise<Readiness> {
  if (isStopping()) return { ready: false, reason: "this instance is shutting down" };
  const health = await instanceHealth(db);
  if (!health.database.ok) return { ready: false, reason: health.database.reason };
  if (health.events === "reconnecting")
    return { ready: false, reason: "this instance lost its connection for the other instances' events and is reconnecting" };
  let applied: Set<string>;
  try {
    applied = new Set((await db.$queryRawUnsafe<{ name: string }[]>(`SELECT "name" FROM "_hexathon_migrations"`)).map((row) => row.name));
  } catch (error) {
    return { ready: false, reason: `the migrations couldn't be read: ${describeDatabaseError(error)}` };
  }
  const pending = expectedMigrations.filter((name) => !applied.has(name));
  if (pending.length)
    return { ready: false, reason: `${pending.length} migration(s) not applied yet (${pending.slice(0, 3).join(", ")}): run \`hexathon migrate\`` };
  return { ready: true };
}
