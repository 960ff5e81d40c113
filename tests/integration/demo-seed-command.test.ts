// `DATABASE_URL=… npm run demo:seed [-- --reset]`: the demo goes into an empty
// database only, and --reset wipes Hexathon's tables (and nothing else of the
// schema) first. Run as the operator runs it, in a child process, on the
// shared PostgreSQL that several instances use (SQLite has `npm run demo`).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

const run = promisify(execFile);
const postgres = process.env.HEXATHON_TEST_DB === "postgresql";

let t: TestDatabase;
beforeAll(async () => {
  if (postgres) t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

/** Runs the seed script against the test database; resolves with its exit code and output. */
async function seed(...args: string[]) {
  const script = path.join("scripts", "seed-demo.ts");
  try {
    const { stdout, stderr } = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
      env: { ...process.env, DATABASE_URL: t.url },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

async function query<T>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe.runIf(postgres)("npm run demo:seed on PostgreSQL", () => {
  it("seeds an empty database, refuses a full one, and starts over with --reset", async () => {
    const first = await seed();
    expect(first.code).toBe(0);
    expect(first.output).toContain("organizer@demo.test");
    const people = (await query<{ n: string }>(`SELECT count(*) AS n FROM "User"`))[0].n;

    // someone's own table in the same schema survives a reset
    await query(`CREATE TABLE "NotHexathon" ("id" int); INSERT INTO "NotHexathon" VALUES (7)`);
    await query(
      `INSERT INTO "User" ("id", "email", "name", "role", "createdAt", "updatedAt") VALUES ('extra', 'extra@demo.test', 'Extra', 'EMPLOYEE', now(), now())`,
    );

    const again = await seed();
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/Not seeding PostgreSQL: it already has \d+ people\./);
    expect(again.output).toContain("--reset");

    const reset = await seed("--reset");
    expect(reset.code).toBe(0);
    expect(reset.output).toContain("Wiped Hexathon's data from PostgreSQL.");
    expect((await query<{ n: string }>(`SELECT count(*) AS n FROM "User"`))[0].n).toBe(people);
    expect(await query(`SELECT 1 FROM "User" WHERE "id" = 'extra'`)).toEqual([]);
    expect(await query(`SELECT "id" FROM "NotHexathon"`)).toEqual([{ id: 7 }]);
  }, 120_000);
});
