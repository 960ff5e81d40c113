import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awardPrize, castJuryVote, createJuryPrize } from "@/lib/prizes/commands";
import { juryBallot, juryTallies, listJuryPrizes } from "@/lib/prizes/queries";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { makeEdition, makeTeam, makeUser } from "../helpers/factories";
import { expectDomainError } from "../helpers/expect-domain-error";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

describe("jury prizes", () => {
  it("are defined by organizers, voted by judges (one pick each, replaceable), tallied and awarded", async () => {
    const edition = await makeEdition(t.db, "VOTING");
    const [a, b] = [await makeTeam(t.db, edition.id, "Alpha"), await makeTeam(t.db, edition.id, "Beta")];
    const organizer = await makeUser(t.db, "ORGANIZER");
    const [judge1, judge2] = [await makeUser(t.db, "JUDGE"), await makeUser(t.db, "JUDGE")];
    const employee = await makeUser(t.db, "EMPLOYEE");

    expect((await expectDomainError(createJuryPrize(t.db, employee, edition.id, { name: "PM prize", description: "" }))).code).toBe("FORBIDDEN");
    const prize = await createJuryPrize(t.db, organizer, edition.id, { name: "PM prize", description: "" });

    await expectDomainError(castJuryVote(t.db, employee, prize.id, a.id), undefined, "Only judges vote for jury prizes.");
    await castJuryVote(t.db, judge1, prize.id, a.id);
    await castJuryVote(t.db, judge1, prize.id, b.id); // changed their mind
    await castJuryVote(t.db, judge2, prize.id, b.id);
    expect((await juryBallot(t.db, judge1, edition.id))[0].myPick).toBe(b.id);
    const [tally] = await juryTallies(t.db, organizer, edition.id);
    expect(tally.judges).toBe(2);
    expect(tally.tally).toEqual([{ teamId: b.id, name: "Beta", votes: 2 }]);
    expect((await expectDomainError(juryTallies(t.db, judge1, edition.id))).code).toBe("FORBIDDEN");

    // not shown publicly until awarded
    expect(await listJuryPrizes(t.db, null, edition.id)).toHaveLength(0);
    expect((await expectDomainError(awardPrize(t.db, judge1, prize.id, b.id))).code).toBe("FORBIDDEN");
    await awardPrize(t.db, organizer, prize.id, b.id);
    expect((await listJuryPrizes(t.db, null, edition.id)).map((p) => p.team?.name)).toEqual(["Beta"]);
    await expectDomainError(castJuryVote(t.db, judge2, prize.id, a.id), undefined, "This prize has already been awarded.");
  });

  it("refuses teams of another edition", async () => {
    const edition = await makeEdition(t.db, "VOTING");
    const other = await makeEdition(t.db, "VOTING");
    const stranger = await makeTeam(t.db, other.id, "Stranger");
    const organizer = await makeUser(t.db, "ORGANIZER");
    const judge = await makeUser(t.db, "JUDGE");
    const prize = await createJuryPrize(t.db, organizer, edition.id, { name: "Jury", description: "" });
    expect((await expectDomainError(castJuryVote(t.db, judge, prize.id, stranger.id))).code).toBe("INVALID");
    expect((await expectDomainError(awardPrize(t.db, organizer, prize.id, stranger.id))).code).toBe("INVALID");
  });
});
