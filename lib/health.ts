// The health check behind GET /api/health: the database answers a trivial
// query within a short time, or we say why not.
import type { Db } from "./db";

export type Health = { ok: true } | { ok: false; reason: string };

export async function checkHealth(db: Db, timeoutMs = 3000): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Health>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `the database did not answer within ${timeoutMs} ms` }), timeoutMs);
  });
  const probe = db.$queryRawUnsafe("SELECT 1").then(
    (): Health => ({ ok: true }),
    (error: Error): Health => ({ ok: false, reason: `the database is unreachable: ${error.message.split("\n")[0]}` }),
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
