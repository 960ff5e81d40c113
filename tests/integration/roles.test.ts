// Role changes under concurrency: however organizers' requests interleave,
// there is always at least one organizer left.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/platform/errors";
import { startSession, actorForSession } from "@/lib/people/sessions";
import { setRole } from "@/lib/people/commands";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { makeUser } from "../helpers/factories";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

const organizers = () => t.db.user.count({ where: { role: "ORGANIZER" } });

describe("the last organizer", () => {
  it("two organizers demoting each other at the same moment leave one organizer, never none", async () => {
    // a race is a matter of timing: several rounds, each starting from exactly two organizers
    for (let round = 0; round < 8; round++) {
      await t.db.user.updateMany({ where: { role: "ORGANIZER" }, data: { role: "EMPLOYEE" } });
      const [olga, oscar] = [await makeUser(t.db, "ORGANIZER", `Olga ${round}`), await makeUser(t.db, "ORGANIZER", `Oscar ${round}`)];
      const results = await Promise.allSettled([setRole(t.db, olga, oscar.id, "EMPLOYEE"), setRole(t.db, oscar, olga.id, "JUDGE")]);
      expect(await organizers(), `round ${round}`).toBe(1);
      expect(
        results.filter((r) => r.status === "fulfilled"),
        `round ${round}`,
      ).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected");
      expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(DomainError);
    }
  });

  it("three organizers each demoting another at once leave at least one", async () => {
    for (let round = 0; round < 4; round++) {
      await t.db.user.updateMany({ where: { role: "ORGANIZER" }, data: { role: "EMPLOYEE" } });
      const [a, b, c] = [await makeUser(t.db, "ORGANIZER"), await makeUser(t.db, "ORGANIZER"), await makeUser(t.db, "ORGANIZER")];
      await Promise.allSettled([setRole(t.db, a, b.id, "EMPLOYEE"), setRole(t.db, b, c.id, "EMPLOYEE"), setRole(t.db, c, a.id, "EMPLOYEE")]);
      expect(await organizers(), `round ${round}`).toBeGreaterThanOrEqual(1);
    }
  });

  it("an organizer demoted a moment ago can't change roles any more, even with a request already past sign-in", async () => {
    await t.db.user.updateMany({ where: { role: "ORGANIZER" }, data: { role: "EMPLOYEE" } });
    const [olga, oscar, rita] = [await makeUser(t.db, "ORGANIZER"), await makeUser(t.db, "ORGANIZER"), await makeUser(t.db)];
    await setRole(t.db, olga, oscar.id, "JUDGE");
    // `oscar` still says ORGANIZER: the session was read before the change
    const error = await setRole(t.db, oscar, rita.id, "ORGANIZER").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("FORBIDDEN");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: rita.id } })).role).toBe("EMPLOYEE");
  });

  it("promotions and demotions of others still go through, and a role change still ends the person's sessions", async () => {
    await t.db.user.updateMany({ where: { role: "ORGANIZER" }, data: { role: "EMPLOYEE" } });
    const olga = await makeUser(t.db, "ORGANIZER");
    const [rita, sam] = [await makeUser(t.db), await makeUser(t.db)];
    const sid = await startSession(t.db, rita.id);
    await Promise.all([setRole(t.db, olga, rita.id, "ORGANIZER"), setRole(t.db, olga, sam.id, "JUDGE")]);
    expect(await organizers()).toBe(2);
    expect(await actorForSession(t.db, rita.id, sid)).toBeNull();
    // now Olga may step down: Rita is an organizer
    expect((await setRole(t.db, olga, olga.id, "EMPLOYEE")).role).toBe("EMPLOYEE");
    expect(await organizers()).toBe(1);
  });
});
