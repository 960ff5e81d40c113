// A fresh, migrated database for one test file: a temporary SQLite file, or a
// throw-away PostgreSQL database created next to HEXATHON_TEST_PG_URL and
// dropped afterwards. Refuses anything but a local server, so tests can't
// touch a real database by mistake.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "@/lib/platform/db";
import { migrate, type Migration } from "@/lib/platform/migrate";

export type TestDatabase = { kind: "sqlite" | "postgresql"; url: string; db: Db; drop: () => Promise<void> };

export const PG_ADMIN_URL = process.env.HEXATHON_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function assertLocal(url: string) {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]", ""].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}).`);
  }
}

/** `migrations` limits what is applied (default: every committed migration). */
export async function createTestDatabase(
  kind = (process.env.HEXATHON_TEST_DB ?? "sqlite") as TestDatabase["kind"],
  migrations?: Migration[],
): Promise<TestDatabase> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hexathon-test-"));
    const url = `file:${path.join(dir, "test.db")}`;
    await migrate(url, migrations);
    const db = createDb(url);
    return {
      kind,
      url,
      db,
      drop: async () => {
        await db.$disconnect();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  assertLocal(PG_ADMIN_URL);
  const name = `hexathon_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  await migrate(url.toString(), migrations);
  const db = createDb(url.toString());
  return {
    kind,
    url: url.toString(),
    db,
    drop: async () => {
      await db.$disconnect();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
