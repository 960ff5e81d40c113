// The health check behind GET /api/health (the database answers a trivial
// query within a short time, or we say why not, without secrets), and the
// database's availability as this process last saw it: a probe every two
// seconds keeps it on globalThis, where proxy.ts reads it to answer 503 with
// a "temporarily unavailable" page instead of letting every page fail.
import type { Db } from "./db";

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

export type Availability = { ok: boolean; reason: string; checkedAt: number };
const STATE = Symbol.for("hexathon.databaseAvailability");
type Holder = { [STATE]?: { availability: Availability; timer?: NodeJS.Timeout } };

export const PROBE_EVERY_MS = 2000;

/** The database's availability as last probed in this process (unknown until the first probe: assumed up). */
export function databaseAvailability(): Availability | null {
  return (globalThis as Holder)[STATE]?.availability ?? null;
}

/** Probes the database now and every two seconds from then on (once per process). */
export function watchDatabase(db: Db): void {
  const holder = globalThis as Holder;
  if (holder[STATE]?.timer) return;
  const state: NonNullable<Holder[typeof STATE]> = holder[STATE] ?? { availability: { ok: true, reason: "", checkedAt: 0 } };
  holder[STATE] = state;
  const probe = async () => {
    const health = await checkHealth(db, PROBE_EVERY_MS);
    state.availability = { ok: health.ok, reason: health.ok ? "" : health.reason, checkedAt: Date.now() };
  };
  state.timer = setInterval(() => void probe(), PROBE_EVERY_MS);
  state.timer.unref();
  void probe();
}
