// A fresh, migrated database for one test file: a temporary SQLite file, or a
// throw-away PostgreSQL database created next to HEXATHON_TEST_PG_URL and
// dropped afterwards. Refuses anything but a local server, so tests can't
// touch a real database by mistake.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "@/lib/platform/db";
import { migrate, type Migration } from "@/lib/platform/migrate";
import { createThrowawayDatabase } from "./throwaway-pg.mjs";

export type TestDatabase = { kind: "sqlite" | "postgresql"; url: string; db: Db; drop: () => Promise<void> };

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
  const database = await createThrowawayDatabase("hexathon_test");
  await migrate(database.url, migrations);
  const db = createDb(database.url);
  return {
    kind,
    url: database.url,
    db,
    drop: async () => {
      await db.$disconnect();
      await database.drop();
    },
  };
}
