// The reports on a real database (SQLite and PostgreSQL): who took part in
// each edition, first-timers and people back from the previous one, teams and
// their sizes, topics that became teams, ballots, judge coverage, riddle
// participation and departments; organizers only.
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import { allReports, editionFigures, editionReport } from "@/lib/insights/queries";
import { reportCsv } from "@/lib/insights/rules";
import { recordOutcome } from "@/lib/teams/commands";
import { createArticle, publishArticle, saveArticle } from "@/lib/articles/commands";
import { reviveTopic } from "@/lib/topics/commands";
import { revivalOf, revivalTarget } from "@/lib/topics/queries";
import { editionOutcomes } from "@/lib/teams/queries";
import { outcomeSchema } from "@/lib/teams/schemas";
import { translate } from "@/lib/platform/i18n";
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
    expect(reportCsv([report], (text) => translate(text, "en"))).toContain("People,First time,1\r\n");
    expect(reportCsv([report], (text) => translate(text, "fr"))).toContain("Personnes,");
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

describe("what happened next", () => {
  const told = { status: "ADOPTED" as const, happenedOn: "2026-03-02", note: "Shipped in release 4.2.", links: ["https://tracker.example/PROJ-12"] };

  it("the team tells it once the edition is over, an organizer may too, others may not; it counts in the report", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const [member, outsider] = [await makeUser(t.db), await makeUser(t.db)];
    const edition = await makeEdition(t.db, "HACKING");
    const team = await makeTeam(t.db, edition.id, "Shippers");
    await addMember(t.db, team, member.id);
    await expectDomainError(recordOutcome(t.db, member, team.id, told), "INVALID", "What became of a project is told once its edition is over.");
    await t.db.edition.update({ where: { id: edition.id }, data: { phase: "CLOSED" } });
    await expectDomainError(recordOutcome(t.db, outsider, team.id, told), "FORBIDDEN");
    await expectDomainError(recordOutcome(t.db, null, team.id, told), "UNAUTHENTICATED");
    await recordOutcome(t.db, member, team.id, { ...told, status: "CONTINUED", links: [] });
    await recordOutcome(t.db, organizer, team.id, told); // updated, not added
    const other = await makeTeam(t.db, edition.id, "Stoppers");
    await recordOutcome(t.db, organizer, other.id, { ...told, status: "STOPPED", note: "", links: [] });
    expect(await editionOutcomes(t.db, edition.id)).toEqual([
      expect.objectContaining({ team: "Shippers", status: "ADOPTED", happenedOn: "2026-03-02", links: ["https://tracker.example/PROJ-12"] }),
      expect.objectContaining({ team: "Stoppers", status: "STOPPED" }),
    ]);
    const report = await editionReport(t.db, organizer, edition.id);
    expect(report.outcomes).toEqual({ ADOPTED: 1, INTERNAL_USE: 0, CONTINUED: 0, STOPPED: 1 });
  });

  it("refuses a day to come, a day that doesn't exist, links that aren't web addresses, and more than five", () => {
    const form = (fields: Record<string, string>) => outcomeSchema.safeParse({ status: "ADOPTED", happenedOn: "2026-03-02", note: "", links: "", ...fields });
    expect(form({}).success).toBe(true);
    expect(translate(form({ happenedOn: "2999-01-01" }).error?.issues[0].message ?? "", "en")).toBe("That day is still to come: tell it once it happened.");
    expect(translate(form({ happenedOn: "2026-02-30" }).error?.issues[0].message ?? "", "en")).toBe("That day doesn't exist.");
    expect(translate(form({ links: "javascript:alert(1)" }).error?.issues[0].message ?? "", "en")).toBe(
      "Each line must be a web address starting with http:// or https://.",
    );
    expect(translate(form({ links: Array.from({ length: 6 }, (_, i) => `https://x.example/${i}`).join("\n") }).error?.issues[0].message ?? "", "en")).toBe(
      "Five links at most.",
    );
    expect(form({ links: " https://a.example/1 \r\n\nhttps://b.example/2" }).data?.links).toEqual(["https://a.example/1", "https://b.example/2"]);
    expect(form({ status: "SOLD" }).success).toBe(false);
  });
});

describe("reviving a past topic or project", () => {
  it("brings it back as a proposal of the edition open now, linked to where it came from and its write-up", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const alice = await makeUser(t.db, "EMPLOYEE", "Alice");
    const past = await makeEdition(t.db, "ARCHIVED");
    const topic = await makeTopic(t.db, past.id, organizer.id);
    const team = await makeTeam(t.db, past.id, "Heat", { topicId: topic.id });
    await addMember(t.db, team, alice.id);
    const article = await createArticle(t.db, alice, { editionId: past.id, teamId: team.id, title: "Heat, the write-up" });
    await saveArticle(
      t.db,
      alice,
      article.id,
      {
        title: "Heat, the write-up",
        summary: "What we built, and what we learned.",
        body: "## What we built\n\n".padEnd(80, "x"),
        tags: [],
        coverFile: null,
        coverAlt: "",
      },
      article.version,
    );
    await publishArticle(t.db, organizer, article.id);
    const now = await makeEdition(t.db, "PROPOSALS_OPEN");
    expect((await revivalTarget(t.db, alice))?.id).toBe(now.id);

    const revived = await reviveTopic(t.db, alice, { editionId: now.id }, { topicId: topic.id });
    expect(revived).toMatchObject({
      editionId: now.id,
      title: topic.title,
      pitch: topic.pitch,
      kind: topic.kind,
      status: "PENDING",
      revivedFromTopicId: topic.id,
    });
    expect(await revivalOf(t.db, revived)).toEqual({
      from: { kind: "topic", id: topic.id, title: topic.title, editionNumber: past.number },
      writeUp: { slug: expect.any(String), title: "Heat, the write-up", summary: "What we built, and what we learned." },
    });
    await expectDomainError(reviveTopic(t.db, alice, { editionId: now.id }, { topicId: topic.id }), "CONFLICT");

    const project = await reviveTopic(t.db, alice, { editionId: now.id }, { teamId: team.id });
    expect(project).toMatchObject({ title: topic.title, revivedFromTeamId: team.id });
    expect((await revivalOf(t.db, project))?.from).toEqual({ kind: "team", id: team.id, title: "Heat", editionNumber: past.number });
  });

  it("refuses what can't be revived: a rejected topic, one of the same edition, proposals closed, nobody signed in", async () => {
    const alice = await makeUser(t.db);
    const past = await makeEdition(t.db, "CLOSED");
    const rejected = await makeTopic(t.db, past.id, alice.id, "REJECTED");
    const open = await makeEdition(t.db, "PROPOSALS_OPEN");
    const hacking = await makeEdition(t.db, "HACKING");
    const approved = await makeTopic(t.db, past.id, alice.id);
    await expectDomainError(reviveTopic(t.db, alice, { editionId: open.id }, { topicId: rejected.id }), "INVALID", "Only an approved topic can be revived.");
    await expectDomainError(reviveTopic(t.db, alice, { editionId: past.id }, { topicId: approved.id }), "INVALID");
    await expectDomainError(reviveTopic(t.db, alice, { editionId: hacking.id }, { topicId: approved.id }), "INVALID");
    await expectDomainError(reviveTopic(t.db, null, { editionId: open.id }, { topicId: approved.id }), "UNAUTHENTICATED");
    await expectDomainError(reviveTopic(t.db, alice, { editionId: open.id }, { topicId: "nope" }), "NOT_FOUND");
  });
});
