// The reports on a real database (SQLite and PostgreSQL): who took part in
// each edition, first-timers and people back from the previous one, teams and
// their sizes, topics that became teams, ballots, judge coverage, riddle
// participation and departments; organizers only.
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import { allReports, editionFigures, editionReport } from "@/lib/insights/queries";
import { reportCsv } from "@/lib/insights/rules";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { addMember, makeChallenge, makeEdition, makeTeam, makeTopic, makeUser } from "../helpers/factories";
import { expectDomainError } from "../helpers/expect-domain-error";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe("an edition's report", () => {
  it("counts the people, the first-timers, the returners, teams, topics, ballots, judging, riddles and departments", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const [ann, bob, cid, dan, eve] = await Promise.all(["Ann", "Bob", "Cid", "Dan", "Eve"].map((name) => makeUser(t.db, "EMPLOYEE", name)));
    await t.db.user.updateMany({ where: { id: { in: [ann.id, bob.id] } }, data: { department: "Payments" } });
    await t.db.user.update({ where: { id: cid.id }, data: { department: "Search" } });

    // the earlier edition: Ann proposed, Bob showed interest, Dan was in a team
    const before = await makeEdition(t.db, "ARCHIVED");
    const oldTopic = await makeTopic(t.db, before.id, ann.id);
    await t.db.interest.create({ data: { userId: bob.id, topicId: oldTopic.id } });
    const oldTeam = await makeTeam(t.db, before.id, "Old team", { topicId: oldTopic.id });
    await addMember(t.db, oldTeam, dan.id);
    const draft = await makeEdition(t.db, "DRAFT"); // a draft counts for nothing
    await makeTopic(t.db, draft.id, eve.id);

    // this edition: Ann and Cid in a team of two on a FUN topic, Bob interested; a TEAM_TOOLING topic with no team
    const edition = await makeEdition(t.db, "CLOSED");
    const fun = await makeTopic(t.db, edition.id, ann.id);
    const tooling = await makeTopic(t.db, edition.id, bob.id);
    await t.db.topic.update({ where: { id: tooling.id }, data: { kind: "TEAM_TOOLING" } });
    await t.db.interest.create({ data: { userId: bob.id, topicId: fun.id } });
    const team = await makeTeam(t.db, edition.id, "Pair", { topicId: fun.id });
    await addMember(t.db, team, ann.id);
    await addMember(t.db, team, cid.id);
    const solo = await makeTeam(t.db, edition.id, "Solo");
    await addMember(t.db, solo, bob.id);
    for (const voterKey of ["device:1", "device:2", "device:3"]) await t.db.ballot.create({ data: { editionId: edition.id, voterKey } });
    const riddle = await makeChallenge(t.db, edition.id, { title: "The riddle" });
    const attempt = await t.db.attempt.create({ data: { challengeId: riddle.id, teamId: team.id, userId: ann.id, answer: "15", correct: true } });
    await t.db.attempt.create({ data: { challengeId: riddle.id, teamId: team.id, userId: cid.id, answer: "14", correct: false } });
    await t.db.solve.create({ data: { challengeId: riddle.id, teamId: team.id, attemptId: attempt.id, solvedAt: new Date() } });
    const track = await t.db.judgingTrack.create({ data: { editionId: edition.id, name: "Best hack", method: "RUBRIC" } });
    for (const [sequence, withdrawn] of [
      [1, false],
      [2, false],
      [3, true],
    ] as const) {
      await t.db.judgment.create({
        data: { trackId: track.id, judgeId: organizer.id, sequence, kind: "RUBRIC", teamId: team.id, withdrawnAt: withdrawn ? new Date() : null },
      });
    }

    const report = await editionReport(t.db, organizer, edition.id);
    // Ann (proposer, member), Bob (proposer, interested, member), Cid (member)
    expect(report.participation).toEqual({ people: 3, firstTimers: 1, returning: 2, previousPeople: 3, retention: 2 / 3 });
    expect(report.teams).toEqual({
      teams: 2,
      average: 1.5,
      histogram: [
        { size: 1, count: 1 },
        { size: 2, count: 1 },
      ],
    });
    expect(report.topics.find((k) => k.kind === "FUN")).toMatchObject({ proposed: 1, becameTeams: 1 });
    expect(report.topics.find((k) => k.kind === "TEAM_TOOLING")).toMatchObject({ proposed: 1, becameTeams: 0 });
    expect(report.vote).toEqual({ ballots: 3, people: 3 });
    expect(report.judging).toEqual({
      tracks: 1,
      judgments: 2,
      perTeam: expect.arrayContaining([
        { team: "Pair", judgments: 2 },
        { team: "Solo", judgments: 0 },
      ]),
    });
    expect(report.challenges).toEqual([{ title: "The riddle", kind: "RIDDLE", took: 1, succeeded: 1, teams: 2 }]);
    expect(report.departments).toEqual([
      { department: "Payments", people: 2 },
      { department: "Search", people: 1 },
    ]);
    expect(reportCsv([report])).toContain("People,First time,1\r\n");
  });

  it("is for organizers only, and drafts have none", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const employee = await makeUser(t.db);
    const edition = await makeEdition(t.db, "HACKING");
    await expectDomainError(editionReport(t.db, employee, edition.id), "FORBIDDEN");
    await expectDomainError(editionReport(t.db, null, edition.id), "UNAUTHENTICATED");
    await expectDomainError(allReports(t.db, employee), "FORBIDDEN");
    await expectDomainError(editionReport(t.db, organizer, (await makeEdition(t.db, "DRAFT")).id), "NOT_FOUND");
  });

  it("all editions, oldest first; the archive's figures hide drafts and unapproved topics", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const reports = await allReports(t.db, organizer);
    const numbers = reports.map((r) => r.edition.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    const proposer = await makeUser(t.db);
    await makeTopic(t.db, edition.id, proposer.id, "PENDING");
    const figures = (await editionFigures(t.db, null)).find((f) => f.number === edition.number)!;
    expect(figures.people).toBe(1);
    expect(figures.topics.every((k) => k.proposed === 0)).toBe(true);
    const drafts = (await t.db.edition.findMany({ where: { phase: "DRAFT" }, select: { number: true } })).map((e) => e.number);
    expect(drafts.length).toBeGreaterThan(0);
    expect((await editionFigures(t.db, null)).filter((f) => drafts.includes(f.number))).toEqual([]);
  });
});
