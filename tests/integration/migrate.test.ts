import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMigrations, migrate, migrationsDir } from "@/lib/platform/migrate";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

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
    const tables =
      t.kind === "sqlite"
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

describe("upgrading a database that holds data", () => {
  it("keeps every row when a migration rebuilds a parent table", async () => {
    const kind = (process.env.HEXATHON_TEST_DB ?? "sqlite") as "sqlite" | "postgresql";
    const all = loadMigrations(migrationsDir(kind));
    const old = await createTestDatabase(kind, all.slice(0, 1));
    try {
      // data as the first release stored it: raw SQL, since today's client knows newer columns
      const now = new Date().toISOString();
      const ts = kind === "sqlite" ? `'${now}'` : `'${now}'::timestamp`;
      await old.db.$executeRawUnsafe(
        `INSERT INTO "User" ("id","email","name","role","createdAt","updatedAt") VALUES ('u1','a@x.test','A','EMPLOYEE',${ts},${ts})`,
      );
      await old.db.$executeRawUnsafe(
        `INSERT INTO "Edition" ("id","number","title","timezone","phase","hackingStartsAt","presentationsStartAt","endsAt","maxTeamSize","createdAt","updatedAt") VALUES ('e1',1,'One','Europe/Paris','HACKING',${ts},${ts},${ts},5,${ts},${ts})`,
      );
      await old.db.$executeRawUnsafe(
        `INSERT INTO "Topic" ("id","editionId","proposerId","title","pitch","kind","status","createdAt","updatedAt") VALUES ('t1','e1','u1','T','pitch pitch','FUN','APPROVED',${ts},${ts})`,
      );
      await old.db.$executeRawUnsafe(
        `INSERT INTO "Team" ("id","editionId","topicId","name","nameKey","memberCount","createdAt","updatedAt") VALUES ('team1','e1','t1','Team','team',1,${ts},${ts})`,
      );
      await old.db.$executeRawUnsafe(`INSERT INTO "TeamMember" ("id","teamId","userId","editionId","joinedAt") VALUES ('m1','team1','u1','e1',${ts})`);

      expect((await migrate(old.url)).length).toBe(all.length - 1);
      expect(await old.db.topic.count()).toBe(1);
      expect(await old.db.team.count()).toBe(1);
      expect(await old.db.teamMember.count()).toBe(1);
      const edition = await old.db.edition.findUniqueOrThrow({ where: { id: "e1" } });
      expect(edition.slotSeconds).toBe(300);
    } finally {
      await old.drop();
    }
  });
});
