import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/migrate";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t?.drop(); });

describe("migration runner", () => {
  it("applies each migration once: running it again changes nothing", async () => {
    expect(await migrate(t.url)).toEqual([]);
    expect(await t.db.user.count()).toBe(0);
  });

  it("applies new migrations in order and rolls back a failing one entirely", async () => {
    const good = { name: "99990101000000_test_good", sql: `CREATE TABLE "probe_a" ("id" INTEGER PRIMARY KEY);` };
    const bad = { name: "99990102000000_test_bad", sql: `CREATE TABLE "probe_b" ("id" INTEGER PRIMARY KEY); THIS IS NOT SQL;` };
    expect(await migrate(t.url, [good])).toEqual([good.name]);
    await expect(migrate(t.url, [good, bad])).rejects.toThrow();
    // probe_b was rolled back with the failed migration, which stays pending
    const tables = t.kind === "sqlite"
      ? await t.db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE name LIKE 'probe_%'`)
      : await t.db.$queryRawUnsafe<{ name: string }[]>(`SELECT tablename::text AS name FROM pg_tables WHERE tablename LIKE 'probe_%'`);
    expect(tables.map((r) => r.name)).toEqual(["probe_a"]);
  });

  it("runs concurrent starts safely", async () => {
    const m = { name: "99990103000000_test_concurrent", sql: `CREATE TABLE "probe_c" ("id" INTEGER PRIMARY KEY);` };
    const results = await Promise.all([migrate(t.url, [m]), migrate(t.url, [m]), migrate(t.url, [m])]);
    expect(results.flat()).toEqual([m.name]);
  });
});
