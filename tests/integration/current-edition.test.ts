// The current edition read from the database (the header's link, the home
// page): the live one, not the newest (lib/editions/rules.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentAndActiveEditions, currentEdition, headerEditionNumber } from "@/lib/editions/queries";
import { setPhase } from "@/lib/editions/commands";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { makeEdition, makeUser } from "../helpers/factories";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

describe("the current edition", () => {
  it("is for organizers, while no edition is public, the newest draft; for others none", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    await makeEdition(t.db, "DRAFT", { number: 1 });
    expect((await currentEdition(t.db, organizer))?.number).toBe(1);
    expect(await currentEdition(t.db, null)).toBeNull();
    // the header: the public answer when there is one, else the draft for organizers only
    expect(await headerEditionNumber(t.db, organizer, null)).toBe(1);
    expect(await headerEditionNumber(t.db, null, null)).toBeNull();
    expect(await headerEditionNumber(t.db, organizer, 7)).toBe(7);
    await t.db.edition.deleteMany({});
  });

  it("stays 0x09 in its final when 0x0B opens for proposals, and both are active", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const employee = await makeUser(t.db);
    await makeEdition(t.db, "ARCHIVED", { number: 8 });
    const ninth = await makeEdition(t.db, "HACKING", { number: 9 });
    const eleventh = await makeEdition(t.db, "DRAFT", { number: 11 });
    await setPhase(t.db, organizer, ninth.id, "PRESENTATIONS");
    await setPhase(t.db, organizer, eleventh.id, "PROPOSALS_OPEN");
    await makeEdition(t.db, "DRAFT", { number: 12 }); // the one after, being prepared: nobody's current edition

    for (const actor of [null, employee, organizer]) {
      expect((await currentEdition(t.db, actor))?.number).toBe(9);
      const { current, otherActive } = await currentAndActiveEditions(t.db, actor);
      expect(current?.number).toBe(9);
      expect(otherActive.map((e) => e.number)).toEqual([11]);
    }

    // the vote, then the prizes: 0x09 is closed, and 0x0B takes over
    await setPhase(t.db, organizer, ninth.id, "VOTING");
    expect((await currentEdition(t.db, null))?.number).toBe(9);
    await setPhase(t.db, organizer, ninth.id, "CLOSED");
    expect((await currentEdition(t.db, null))?.number).toBe(11);
    const after = await currentAndActiveEditions(t.db, employee);
    expect([after.current?.number, after.otherActive]).toEqual([11, []]);
  });
});
