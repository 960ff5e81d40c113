import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/platform/errors";
import { setPhase } from "@/lib/editions/commands";
import { createTeam, joinTeam, leaveTeam, movePerson, renameTeam } from "@/lib/teams/commands";
import { teamOf } from "@/lib/teams/queries";
import { setInterest } from "@/lib/topics/commands";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { makeEdition, makeTopic, makeUser } from "../helpers/factories";
import { expectDomainError } from "../helpers/expect-domain-error";
import { translate } from "@/lib/platform/i18n";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

describe("teams", () => {
  it("creates a team around a topic with interested people, and the creator joins", async () => {
    const edition = await makeEdition(t.db, "TEAMS_FORMING");
    const [alice, bob, carol] = [await makeUser(t.db), await makeUser(t.db), await makeUser(t.db)];
    const topic = await makeTopic(t.db, edition.id, alice.id);
    await setInterest(t.db, bob, topic.id, true);
    const team = await createTeam(t.db, alice, edition.id, { name: "Laws of the Universe", topicId: topic.id, memberIds: [bob.id] });
    expect((await teamOf(t.db, alice.id, edition.id))?.id).toBe(team.id);
    expect((await teamOf(t.db, bob.id, edition.id))?.id).toBe(team.id);
    // dave never showed interest: he can't be brought along; bob is taken
    const dave = await makeUser(t.db);
    await expectDomainError(createTeam(t.db, carol, edition.id, { name: "Other", topicId: topic.id, memberIds: [dave.id] }), "INVALID", /interest/);
    await expectDomainError(createTeam(t.db, carol, edition.id, { name: "Other", topicId: topic.id, memberIds: [bob.id] }), "CONFLICT", /already in team/);
  });

  it("refuses a duplicate team name in the same edition, ignoring case, accents and spaces", async () => {
    const edition = await makeEdition(t.db, "TEAMS_FORMING");
    const [a, b] = [await makeUser(t.db), await makeUser(t.db)];
    const topic = await makeTopic(t.db, edition.id, a.id);
    await createTeam(t.db, a, edition.id, { name: "Café Crème", topicId: topic.id, memberIds: [] });
    await expectDomainError(createTeam(t.db, b, edition.id, { name: "  cafe   CREME ", topicId: topic.id, memberIds: [] }), "CONFLICT", /already exists/);
  });

  it("keeps a person in one team per edition", async () => {
    const edition = await makeEdition(t.db, "TEAMS_FORMING");
    const [a, b] = [await makeUser(t.db), await makeUser(t.db)];
    const topic = await makeTopic(t.db, edition.id, a.id);
    const first = await createTeam(t.db, a, edition.id, { name: "First", topicId: topic.id, memberIds: [] });
    const second = await createTeam(t.db, b, edition.id, { name: "Second", topicId: topic.id, memberIds: [] });
    await expectDomainError(joinTeam(t.db, a, second.id), "CONFLICT", /already in team “First”/);
    await expectDomainError(createTeam(t.db, a, edition.id, { name: "Third", topicId: topic.id, memberIds: [] }), "CONFLICT", /already in team/);
    // joining your own team again is harmless
    await joinTeam(t.db, a, first.id);
    expect((await t.db.team.findUniqueOrThrow({ where: { id: first.id } })).memberCount).toBe(1);
  });

  it("caps the team size, even when many people join at the same moment", async () => {
    const edition = await makeEdition(t.db, "TEAMS_FORMING", { maxTeamSize: 3 });
    const founder = await makeUser(t.db);
    const topic = await makeTopic(t.db, edition.id, founder.id);
    const team = await createTeam(t.db, founder, edition.id, { name: "Tight", topicId: topic.id, memberIds: [] });
    const joiners = await Promise.all(Array.from({ length: 8 }, () => makeUser(t.db)));
    const results = await Promise.allSettled(joiners.map((p) => joinTeam(t.db, p, team.id)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const refusals = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    for (const r of refusals) expect(translate((r.reason as DomainError).message, "en")).toMatch(/full \(3 of 3/);
    const stored = await t.db.team.findUniqueOrThrow({ where: { id: team.id }, include: { members: true } });
    expect(stored.members).toHaveLength(3);
    expect(stored.memberCount).toBe(3);
  });

  it("lets one person join only one of two teams when both requests race", async () => {
    const edition = await makeEdition(t.db, "TEAMS_FORMING");
    const [a, b, racer] = [await makeUser(t.db), await makeUser(t.db), await makeUser(t.db)];
    const topic = await makeTopic(t.db, edition.id, a.id);
    const t1 = await createTeam(t.db, a, edition.id, { name: "Red", topicId: topic.id, memberIds: [] });
    const t2 = await createTeam(t.db, b, edition.id, { name: "Blue", topicId: topic.id, memberIds: [] });
    const results = await Promise.allSettled([joinTeam(t.db, racer, t1.id), joinTeam(t.db, racer, t2.id), joinTeam(t.db, racer, t1.id)]);
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    expect(await t.db.teamMember.count({ where: { userId: racer.id } })).toBe(1);
    const counts = await t.db.team.findMany({ where: { id: { in: [t1.id, t2.id] } }, include: { _count: { select: { members: true } } } });
    for (const c of counts) expect(c.memberCount).toBe(c._count.members);
  });

  it("two teams created with the same name at once: exactly one exists", async () => {
    const edition = await makeEdition(t.db, "TEAMS_FORMING");
    const people = await Promise.all(Array.from({ length: 5 }, () => makeUser(t.db)));
    const topic = await makeTopic(t.db, edition.id, people[0].id);
    const results = await Promise.allSettled(people.map((p) => createTeam(t.db, p, edition.id, { name: "Same Name", topicId: topic.id, memberIds: [] })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as DomainError).code).toBe("CONFLICT");
    expect(await t.db.team.count({ where: { editionId: edition.id } })).toBe(1);
  });

  it("leaving the last seat removes the team; only members can leave", async () => {
    const edition = await makeEdition(t.db, "TEAMS_FORMING");
    const [a, b] = [await makeUser(t.db), await makeUser(t.db)];
    const topic = await makeTopic(t.db, edition.id, a.id);
    const team = await createTeam(t.db, a, edition.id, { name: "Solo", topicId: topic.id, memberIds: [] });
    await expectDomainError(leaveTeam(t.db, b, team.id), "INVALID", /not in this team/);
    await leaveTeam(t.db, a, team.id);
    expect(await t.db.team.findUnique({ where: { id: team.id } })).toBeNull();
  });

  it("locks teams for employees once hacking starts, and says so", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const edition = await makeEdition(t.db, "TEAMS_FORMING");
    const [a, b] = [await makeUser(t.db), await makeUser(t.db)];
    const topic = await makeTopic(t.db, edition.id, a.id);
    const team = await createTeam(t.db, a, edition.id, { name: "Locked", topicId: topic.id, memberIds: [] });
    await setPhase(t.db, organizer, edition.id, "HACKING");
    await expectDomainError(joinTeam(t.db, b, team.id), "INVALID", /locked/);
    await expectDomainError(leaveTeam(t.db, a, team.id), "INVALID", /locked/);
    await expectDomainError(renameTeam(t.db, b, team.id, "Mine now"), "FORBIDDEN");
    // organizers still move people
    await movePerson(t.db, organizer, edition.id, b.id, team.id);
    expect((await teamOf(t.db, b.id, edition.id))?.id).toBe(team.id);
  });

  it("organizers move people between teams, respecting the cap; employees can't", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const edition = await makeEdition(t.db, "TEAMS_FORMING", { maxTeamSize: 2 });
    const [a, b, c] = [await makeUser(t.db), await makeUser(t.db), await makeUser(t.db)];
    const topic = await makeTopic(t.db, edition.id, a.id);
    const t1 = await createTeam(t.db, a, edition.id, { name: "One", topicId: topic.id, memberIds: [] });
    const t2 = await createTeam(t.db, b, edition.id, { name: "Two", topicId: topic.id, memberIds: [] });
    await expectDomainError(movePerson(t.db, a, edition.id, c.id, t1.id), "FORBIDDEN", /Only organizers/);
    await movePerson(t.db, organizer, edition.id, c.id, t1.id);
    await expectDomainError(movePerson(t.db, organizer, edition.id, b.id, t1.id), "INVALID", /full/);
    // the failed move left b where they were
    expect((await teamOf(t.db, b.id, edition.id))?.id).toBe(t2.id);
    await movePerson(t.db, organizer, edition.id, c.id, t2.id);
    expect((await t.db.team.findUniqueOrThrow({ where: { id: t1.id } })).memberCount).toBe(1);
    expect((await t.db.team.findUniqueOrThrow({ where: { id: t2.id } })).memberCount).toBe(2);
  });
});
