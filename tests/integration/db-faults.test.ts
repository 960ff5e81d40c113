// PostgreSQL connections dropped under the app (a failover, a restart,
// `pg_terminate_backend`): the requests using them fail as "unavailable" (a
// 503, never a 500), and the app recovers by itself, with no connection lost
// to the pool and nothing thrown where nobody catches it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { checkHealth, isDatabaseUnavailable } from "@/lib/platform/health";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

const postgres = process.env.HEXATHON_TEST_DB === "postgresql";
let t: TestDatabase;
let admin: pg.Client;
beforeAll(async () => {
  if (!postgres) return;
  t = await createTestDatabase();
  admin = new pg.Client({ connectionString: t.url });
  await admin.connect();
});
afterAll(async () => {
  await admin?.end();
  await t?.drop();
});

/** Ends every connection the app holds to this database, as a failing-over server would. */
async function terminateAppConnections(): Promise<number> {
  const database = new URL(t.url).pathname.slice(1);
  const result = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'hexathon'", [database]);
  return result.rowCount ?? 0;
}

/** Settles within `ms`, or says it hung. */
function settled<T>(promise: Promise<T>, ms: number): Promise<"ok" | "failed" | "hung"> {
  return Promise.race([
    promise.then(
      () => "ok" as const,
      () => "failed" as const,
    ),
    new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), ms)),
  ]);
}

describe.skipIf(!postgres)("PostgreSQL connections dropped under the app", () => {
  it("fail the requests using them as unavailable, and the pool recovers in full", async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", onUncaught);
    try {
      const failures: unknown[] = [];
      // transactions and queries, more than the pool's 10 connections, each holding its connection a while
      const load = Array.from({ length: 40 }, (_, i) =>
        (i % 2
          ? t.db.$transaction(async (tx) => {
              await tx.user.count();
              await tx.$executeRawUnsafe("SELECT pg_sleep(0.4)");
              await tx.user.count();
            })
          : t.db.user.findMany({ where: { email: { contains: "x" } } }).then(() => t.db.$queryRawUnsafe("SELECT pg_sleep(0.4)::text AS slept"))
        ).catch((error: unknown) => void failures.push(error)),
      );
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await terminateAppConnections()).toBeGreaterThan(0);
      expect(await settled(Promise.all(load), 10_000)).toBe("ok");

      expect(failures.length).toBeGreaterThan(0);
      for (const failure of failures) expect(isDatabaseUnavailable(failure), String(failure)).toBe(true);

      // every connection came back to the pool: twice the pool's size in transactions, all through
      const after = Array.from({ length: 20 }, () => t.db.$transaction(async (tx) => tx.$executeRawUnsafe("SELECT pg_sleep(0.05)")));
      expect(await settled(Promise.all(after), 10_000)).toBe("ok");
      expect(await checkHealth(t.db)).toEqual({ ok: true });
      expect(uncaught).toEqual([]);
    } finally {
      process.off("uncaughtException", onUncaught);
    }
  });
});

describe("an error that means no database right now", () => {
  it("is told apart from every other failure", () => {
    const adapter = (cause: object) => ({ code: "P2010", message: "Raw query failed.", meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });
    expect(isDatabaseUnavailable(adapter({ kind: "postgres", code: "57P01", message: "terminating connection due to administrator command" }))).toBe(true);
    expect(isDatabaseUnavailable(adapter({ kind: "DatabaseNotReachable", host: "db" }))).toBe(true);
    expect(isDatabaseUnavailable({ code: "P1001", message: "Can't reach database server at db:5432" })).toBe(true);
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);

    expect(isDatabaseUnavailable(adapter({ kind: "postgres", code: "23505", message: "duplicate key value" }))).toBe(false);
    expect(isDatabaseUnavailable({ code: "P2002", message: "Unique constraint failed" })).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });
});
