// Judging tracks on a real database (SQLite and PostgreSQL): who may do what,
// judgments kept for good (undo and withdrawal mark, never delete), a form
// sent twice counted once, two judges at once both counted, pause, invitations
// single-use under a race, conflicts of interest, results and their exports.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addCriterion,
  addJudge,
  awardTrackWinner,
  createInvite,
  createTrack,
  declareConflict,
  enterTrack,
  inviteTarget,
  publishResults,
  recordJudgment,
  redeemInvite,
  revokeInvite,
  sendJudge,
  setTrackStatus,
  skipTeam,
  updateTrack,
  withdrawJudgeJudgments,
  withdrawJudgment,
} from "@/lib/judging/commands";
import { deliberation, judgePage, judgmentsCsv, listTracks, publishedResults, resultsCsv } from "@/lib/judging/queries";
import { bonusLeaderboard } from "@/lib/challenges/leaderboard";
import { createJuryPrize } from "@/lib/prizes/commands";
import type { TrackInput } from "@/lib/judging/schemas";
import type { Db } from "@/lib/platform/db";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { readMetrics } from "../helpers/metrics";
import { addMember, makeEdition, makeTeam, makeUser } from "../helpers/factories";
import { expectDomainError } from "../helpers/expect-domain-error";
import { translate } from "@/lib/platform/i18n";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

const settings = (overrides: Partial<TrackInput> = {}): TrackInput => ({
  name: "Best technical achievement",
  description: "",
  method: "PAIRWISE",
  rankingRule: "BORDA",
  normalize: false,
  eligibility: "ALL",
  excludeSameDepartment: false,
  excludeReports: false,
  prizeId: null,
  bonusPoints: "",
  ...overrides,
});

async function setUp(db: Db, teams = 4, overrides: Partial<TrackInput> = {}) {
  const edition = await makeEdition(db, "PRESENTATIONS");
  const organizer = await makeUser(db, "ORGANIZER");
  const list = [];
  for (let i = 0; i < teams; i++) list.push(await makeTeam(db, edition.id, `Team ${String.fromCharCode(65 + i)} ${edition.number}`));
  const track = await createTrack(db, organizer, edition.id, settings(overrides));
  return { edition, organizer, teams: list, track };
}

async function seat(db: Db, organizer: Parameters<typeof addJudge>[1], trackId: string) {
  const judge = await makeUser(db, "EMPLOYEE");
  await addJudge(db, organizer, trackId, judge.email);
  return judge;
}

/** The judge's next visit: sent to a team, then the form for it. */
async function visit(db: Db, judge: { id: string; role: "EMPLOYEE" | "JUDGE" | "ORGANIZER" }, trackId: string) {
  await sendJudge(db, judge, trackId);
  return judgePage(db, judge, trackId);
}

describe("judging tracks", () => {
  it("only organizers set up, open and publish; a track opens with two teams and, for a rubric, a criterion", async () => {
    const { edition, organizer, track } = await setUp(t.db, 2, { method: "RUBRIC" });
    const employee = await makeUser(t.db, "EMPLOYEE");
    expect((await expectDomainError(createTrack(t.db, employee, edition.id, settings()))).code).toBe("FORBIDDEN");
    expect((await expectDomainError(setTrackStatus(t.db, employee, track.id, "OPEN"))).code).toBe("FORBIDDEN");
    await expectDomainError(setTrackStatus(t.db, organizer, track.id, "OPEN"), undefined, /at least one criterion/);
    expect((await expectDomainError(addCriterion(t.db, employee, track.id, { name: "Impact", description: "", weight: 2, scale: 5 }))).code).toBe("FORBIDDEN");
    await addCriterion(t.db, organizer, track.id, { name: "Impact", description: "", weight: 2, scale: 5 });
    await setTrackStatus(t.db, organizer, track.id, "OPEN");
    expect((await expectDomainError(publishResults(t.db, employee, track.id, true))).code).toBe("FORBIDDEN");
    // results stay with organizers and the track's judges until published
    expect(await listTracks(t.db, employee, edition.id)).toHaveLength(0);
    expect((await expectDomainError(deliberation(t.db, employee, track.id))).code).toBe("FORBIDDEN");
    expect((await expectDomainError(publishedResults(t.db, employee, track.id))).code).toBe("NOT_FOUND");
    expect((await expectDomainError(resultsCsv(t.db, employee, track.id))).code).toBe("NOT_FOUND");
    expect((await expectDomainError(judgmentsCsv(t.db, employee, track.id))).code).toBe("NOT_FOUND");
    await publishResults(t.db, organizer, track.id, true);
    expect((await listTracks(t.db, employee, edition.id)).map((x) => x.id)).toEqual([track.id]);
    expect(await publishedResults(t.db, employee, track.id)).toBeTruthy();
  });

  it("pairwise: the app sends the judge, the chain of comparisons ranks, undo withdraws and the ranking follows", async () => {
    const { organizer, teams, track } = await setUp(t.db, 4);
    const judge = await seat(t.db, organizer, track.id);
    await expectDomainError(sendJudge(t.db, judge, track.id), undefined, /hasn't started/);
    await setTrackStatus(t.db, organizer, track.id, "OPEN");

    let page = await visit(t.db, judge, track.id);
    const first = page.next!;
    expect(page.current).toBeNull();
    // the first team has nothing to be compared with
    await expectDomainError(
      recordJudgment(t.db, judge, track.id, { kind: "PAIR", sequence: 1, teamId: first.id, preferredId: first.id, notes: "", starred: false }),
      undefined,
      /first team/,
    );
    await recordJudgment(t.db, judge, track.id, { kind: "SEEN", sequence: 1, teamId: first.id, notes: "Clean demo", starred: true });
    page = await judgePage(t.db, judge, track.id);
    expect(page.current?.id).toBe(first.id);
    const second = page.next!;
    expect(second.id).not.toBe(first.id);
    // the app sent the judge to `second`: a comparison with another team is refused
    const other = teams.find((x) => x.id !== first.id && x.id !== second.id)!;
    await expectDomainError(
      recordJudgment(t.db, judge, track.id, { kind: "PAIR", sequence: 2, teamId: other.id, preferredId: other.id, notes: "", starred: false }),
      undefined,
      /sent you to another team/,
    );
    expect(
      (
        await expectDomainError(
          recordJudgment(t.db, judge, track.id, { kind: "PAIR", sequence: 2, teamId: second.id, preferredId: other.id, notes: "", starred: false }),
        )
      ).field,
    ).toBe("preferredId");
    const pair = await recordJudgment(t.db, judge, track.id, {
      kind: "PAIR",
      sequence: 2,
      teamId: second.id,
      preferredId: second.id,
      notes: "",
      starred: false,
    });
    let view = await deliberation(t.db, organizer, track.id);
    const rankOf = (id: string) => view.standings.find((s) => s.teamId === id)!.rank;
    expect(rankOf(second.id)).toBeLessThan(rankOf(first.id));
    expect(view.standings.find((s) => s.teamId === first.id)!.remarks).toEqual([expect.objectContaining({ notes: "Clean demo", starred: true })]);

    // undo: kept, marked withdrawn; the ranking no longer counts it; twice is refused
    await withdrawJudgment(t.db, judge, pair.id);
    await expectDomainError(withdrawJudgment(t.db, judge, pair.id), undefined, "This judgment was already withdrawn.");
    view = await deliberation(t.db, organizer, track.id);
    expect(rankOf(second.id)).toBe(rankOf(first.id));
    const row = await t.db.judgment.findUniqueOrThrow({ where: { id: pair.id } });
    expect(row.withdrawnAt).not.toBeNull();
    expect(row.withdrawnById).toBe(judge.id);
    const mine = (await judgePage(t.db, judge, track.id)).mine;
    expect(mine.find((j) => j.id === pair.id)?.withdrawnAt).toBeTruthy();
    // another person may not undo it
    const stranger = await makeUser(t.db, "EMPLOYEE");
    expect((await expectDomainError(withdrawJudgment(t.db, stranger, pair.id))).code).toBe("NOT_FOUND");
  });

  it("a form sent twice counts once; two judges judging the same pair at the same moment both count, once each", async () => {
    const { organizer, teams, track } = await setUp(t.db, 2, { method: "RUBRIC" });
    const criterion = await addCriterion(t.db, organizer, track.id, { name: "Impact", description: "", weight: 1, scale: 5 });
    await setTrackStatus(t.db, organizer, track.id, "OPEN");
    const [a, b] = [await seat(t.db, organizer, track.id), await seat(t.db, organizer, track.id)];
    const form = (teamId: string, score: number) => ({
      kind: "RUBRIC" as const,
      sequence: 1,
      teamId,
      scores: { [criterion.id]: score },
      notes: "",
      starred: false,
    });
    const before = await readMetrics();
    const results = await Promise.allSettled([
      recordJudgment(t.db, a, track.id, form(teams[0].id, 5)),
      recordJudgment(t.db, a, track.id, form(teams[0].id, 5)),
      recordJudgment(t.db, a, track.id, form(teams[0].id, 5)),
      recordJudgment(t.db, b, track.id, form(teams[0].id, 4)),
      recordJudgment(t.db, b, track.id, form(teams[0].id, 4)),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    for (const r of results) if (r.status === "rejected") expect(translate((r.reason as Error).message, "en")).toMatch(/already recorded/);
    expect(await t.db.judgment.count({ where: { trackId: track.id } })).toBe(2);
    // the operator's counters say the same: two forms, three repeats refused
    const after = await readMetrics();
    const grew = (kind: string) => after.value("hexathon_judgments_total", { kind }) - before.value("hexathon_judgments_total", { kind });
    expect([grew("RUBRIC"), grew("refused_repeat")]).toEqual([2, 3]);
    expect((await t.db.trackJudge.findMany({ where: { trackId: track.id }, orderBy: { userId: "asc" } })).map((s) => s.sequence)).toEqual([1, 1]);

    // a score out of range, a missing one, a criterion the rubric doesn't have
    await expectDomainError(recordJudgment(t.db, a, track.id, { ...form(teams[1].id, 6), sequence: 2 }), undefined, "“Impact” is scored from 1 to 5.");
    await expectDomainError(recordJudgment(t.db, a, track.id, { ...form(teams[1].id, 0), sequence: 2 }), undefined, "“Impact” is scored from 1 to 5.");
    await expectDomainError(recordJudgment(t.db, a, track.id, { ...form(teams[1].id, 3), sequence: 2, scores: {} }), undefined, "Give a score for “Impact”.");
    await expectDomainError(
      recordJudgment(t.db, a, track.id, { ...form(teams[1].id, 3), sequence: 2, scores: { [criterion.id]: 3, other: 2 } }),
      undefined,
      /criterion/,
    );
    // the criteria are fixed once scored on
    await expectDomainError(addCriterion(t.db, organizer, track.id, { name: "Late", description: "", weight: 1, scale: 5 }), undefined, /can't change/);
  });

  it("two judges comparing the same pair at the same moment: both comparisons count, once each", async () => {
    const { organizer, teams, track } = await setUp(t.db, 3);
    await setTrackStatus(t.db, organizer, track.id, "OPEN");
    const judges = [await seat(t.db, organizer, track.id), await seat(t.db, organizer, track.id)];
    // both saw team A first, and both were sent to team B (the app avoids it, a judge walking over doesn't)
    for (const judge of judges) {
      await t.db.trackJudge.update({
        where: { trackId_userId: { trackId: track.id, userId: judge.id } },
        data: { nextTeamId: teams[0].id, sentAt: new Date() },
      });
      await recordJudgment(t.db, judge, track.id, { kind: "SEEN", sequence: 1, teamId: teams[0].id, notes: "", starred: false });
      await t.db.trackJudge.update({
        where: { trackId_userId: { trackId: track.id, userId: judge.id } },
        data: { nextTeamId: teams[1].id, sentAt: new Date() },
      });
    }
    const pair = (judge: (typeof judges)[number]) =>
      recordJudgment(t.db, judge, track.id, { kind: "PAIR", sequence: 2, teamId: teams[1].id, preferredId: teams[1].id, notes: "", starred: false });
    const results = await Promise.allSettled([pair(judges[0]), pair(judges[1]), pair(judges[0]), pair(judges[1])]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const pairs = await t.db.judgment.findMany({ where: { trackId: track.id, kind: "PAIR" } });
    expect(pairs.map((p) => p.judgeId).sort()).toEqual(judges.map((j) => j.id).sort());
    expect(pairs.every((p) => p.winnerId === teams[1].id && p.loserId === teams[0].id)).toBe(true);
    const view = await deliberation(t.db, organizer, track.id);
    expect(view.standings[0].teamId).toBe(teams[1].id);
    expect(view.standings.find((s) => s.teamId === teams[1].id)).toMatchObject({ judgments: 2, judges: 2 });
  });

  it("pausing stops judging with a clear message and keeps what was judged; resuming goes on", async () => {
    const { organizer, track } = await setUp(t.db, 3, { method: "RANKING" });
    await setTrackStatus(t.db, organizer, track.id, "OPEN");
    const judge = await seat(t.db, organizer, track.id);
    const page = await visit(t.db, judge, track.id);
    await recordJudgment(t.db, judge, track.id, { kind: "SEEN", sequence: 1, teamId: page.next!.id, notes: "", starred: false });
    await setTrackStatus(t.db, organizer, track.id, "PAUSED");
    const next = (await judgePage(t.db, judge, track.id)).seat.nextTeamId!;
    await expectDomainError(recordJudgment(t.db, judge, track.id, { kind: "SEEN", sequence: 2, teamId: next, notes: "", starred: false }), undefined, /paused/);
    const [first] = await t.db.judgment.findMany({ where: { trackId: track.id } });
    await expectDomainError(withdrawJudgment(t.db, judge, first.id), undefined, /paused/);
    expect(await t.db.judgment.count({ where: { trackId: track.id } })).toBe(1);
    await setTrackStatus(t.db, organizer, track.id, "OPEN");
    await recordJudgment(t.db, judge, track.id, { kind: "SEEN", sequence: 2, teamId: next, notes: "", starred: false });
    // ranking: exactly the teams seen, each once
    const seen = (await judgePage(t.db, judge, track.id)).seen.map((x) => x.id);
    expect((await expectDomainError(recordJudgment(t.db, judge, track.id, { kind: "RANKING", sequence: 3, order: [seen[0]] }))).field).toBe("order");
    await recordJudgment(t.db, judge, track.id, { kind: "RANKING", sequence: 3, order: [seen[1], seen[0]] });
    const view = await deliberation(t.db, judge, track.id);
    expect(view.standings[0].teamId).toBe(seen[1]);
    const audit = await t.db.judgingAudit.findMany({ where: { trackId: track.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["opened", "paused", "resumed"]));
  });

  it("an organizer withdraws every judgment of one judge, with a reason in the audit trail; the ranking is recomputed without them", async () => {
    const { organizer, teams, track } = await setUp(t.db, 2, { method: "RUBRIC" });
    const c = await addCriterion(t.db, organizer, track.id, { name: "Impact", description: "", weight: 1, scale: 10 });
    await setTrackStatus(t.db, organizer, track.id, "OPEN");
    const [fair, biased] = [await seat(t.db, organizer, track.id), await seat(t.db, organizer, track.id)];
    const score = (judge: typeof fair, sequence: number, teamId: string, points: number) =>
      recordJudgment(t.db, judge, track.id, { kind: "RUBRIC", sequence, teamId, scores: { [c.id]: points }, notes: "", starred: false });
    await score(fair, 1, teams[0].id, 8);
    await score(fair, 2, teams[1].id, 6);
    await score(biased, 1, teams[0].id, 1);
    await score(biased, 2, teams[1].id, 10);
    expect((await deliberation(t.db, organizer, track.id)).standings[0].teamId).toBe(teams[1].id);
    expect((await expectDomainError(withdrawJudgeJudgments(t.db, fair, track.id, biased.id, "biased"))).code).toBe("FORBIDDEN");
    expect(await withdrawJudgeJudgments(t.db, organizer, track.id, biased.id, "Works with Team B")).toBe(2);
    await expectDomainError(withdrawJudgeJudgments(t.db, organizer, track.id, biased.id, "again"), undefined, /no judgment left/);
    const view = await deliberation(t.db, organizer, track.id);
    expect(view.standings[0].teamId).toBe(teams[0].id);
    expect(view.judges.find((j) => j.id === biased.id)).toMatchObject({ judgments: 0, withdrawn: 2 });
    const audit = await t.db.judgingAudit.findFirstOrThrow({ where: { trackId: track.id, action: "judge's judgments withdrawn" } });
    expect(audit.detail).toMatch(/Works with Team B/);
    const csv = await judgmentsCsv(t.db, organizer, track.id);
    expect(csv.split("\r\n").filter((l) => l.includes("Works with Team B"))).toHaveLength(2);
    expect(await t.db.judgment.count({ where: { trackId: track.id } })).toBe(4); // nothing deleted
  });

  it("nobody judges their own team, nor a declared conflict, nor (when asked) their department or their reports", async () => {
    const { edition, organizer, teams, track } = await setUp(t.db, 4, { method: "RANKING", excludeSameDepartment: true, excludeReports: true });
    await setTrackStatus(t.db, organizer, track.id, "OPEN");
    const judge = await seat(t.db, organizer, track.id);
    await t.db.user.update({ where: { id: judge.id }, data: { department: "Payments" } });
    await addMember(t.db, teams[0], judge.id); // their own
    const colleague = await makeUser(t.db, "EMPLOYEE");
    await t.db.user.update({ where: { id: colleague.id }, data: { department: "payments " } });
    await addMember(t.db, teams[1], colleague.id);
    const report = await makeUser(t.db, "EMPLOYEE");
    await t.db.user.update({ where: { id: report.id }, data: { managerEmail: judge.email.toUpperCase() } });
    await addMember(t.db, teams[2], report.id);
    await declareConflict(t.db, organizer, edition.id, { judgeId: judge.id, teamId: teams[3].id, reason: "Former team-mate" });

    const page = await judgePage(t.db, judge, track.id);
    expect(page.candidates).toBe(0);
    expect(Object.fromEntries(page.excluded.map((e) => [e.team.id, translate(e.reason, "en")]))).toEqual({
      [teams[0].id]: "This is your own team.",
      [teams[1].id]: "A member of this team is in your department (payments ).",
      [teams[2].id]: "A member of this team reports to you.",
      [teams[3].id]: "An organizer declared a conflict of interest with this team.",
    });
    expect(await sendJudge(t.db, judge, track.id)).toBeNull();
    await expectDomainError(
      recordJudgment(t.db, judge, track.id, { kind: "SEEN", sequence: 1, teamId: teams[0].id, notes: "", starred: false }),
      "FORBIDDEN",
      "This is your own team.",
    );
    // without the rules, the department and the report are fair game again
    await updateTrack(t.db, organizer, track.id, settings({ method: "RANKING" }));
    expect((await judgePage(t.db, judge, track.id)).candidates).toBe(2);
  });

  it("invitations: single use even when two phones use one at once, expiring, revocable, seating a guest judge", async () => {
    const { edition, organizer, track } = await setUp(t.db, 2);
    const employee = await makeUser(t.db, "EMPLOYEE");
    expect((await expectDomainError(createInvite(t.db, employee, edition.id, { label: "Dana", trackIds: [track.id], hours: 1 }))).code).toBe("FORBIDDEN");
    const { token } = await createInvite(t.db, organizer, edition.id, { label: "Dana", trackIds: [track.id], hours: 1 });
    expect(await t.db.judgeInvite.count({ where: { tokenHash: token } })).toBe(0); // only the hash is kept

    const race = await Promise.allSettled([redeemInvite(t.db, token, { name: "Dana" }), redeemInvite(t.db, token, { name: "Dana twin" })]);
    expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = race.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(translate((rejected.reason as Error).message, "en")).toMatch(/already used/);
    const { userId } = (race.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ userId: string }>).value;
    const guest = await t.db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(guest).toMatchObject({ guest: true, passwordHash: null, role: "EMPLOYEE" });
    expect(await t.db.trackJudge.count({ where: { trackId: track.id, userId } })).toBe(1);
    // either phone may win; the other's account was never created
    expect(await t.db.user.count({ where: { name: { in: ["Dana", "Dana twin"] } } })).toBe(1);
    await expectDomainError(inviteTarget(t.db, token), undefined, /already used/);

    const expired = await createInvite(t.db, organizer, edition.id, { label: "Late", trackIds: [track.id], hours: 1 }, new Date(Date.now() - 2 * 3600_000));
    await expectDomainError(redeemInvite(t.db, expired.token, { name: "Late" }), undefined, /expired/);
    const revoked = await createInvite(t.db, organizer, edition.id, { label: "Gone", trackIds: [track.id], hours: 1 });
    await revokeInvite(t.db, organizer, revoked.invite.id);
    await expectDomainError(revokeInvite(t.db, organizer, revoked.invite.id), undefined, /already revoked/);
    await expectDomainError(redeemInvite(t.db, revoked.token, { name: "Gone" }), undefined, /revoked/);
    await expectDomainError(redeemInvite(t.db, "x".repeat(32), { name: "Nobody" }), undefined, /doesn't work/);

    // a signed-in person uses one under their own account
    const { token: mine } = await createInvite(t.db, organizer, edition.id, { label: "Sam", trackIds: [track.id], hours: 1 });
    await redeemInvite(t.db, mine, { userId: employee.id });
    expect(await t.db.trackJudge.count({ where: { trackId: track.id, userId: employee.id } })).toBe(1);
  });

  it("opt-in tracks judge the teams that entered; results feed the prize and the leaderboard", async () => {
    const { edition, organizer, teams, track } = await setUp(t.db, 3, { eligibility: "OPT_IN", method: "RANKING", bonusPoints: "10,5" });
    const prize = await createJuryPrize(t.db, organizer, edition.id, { name: "Best C core use", description: "" });
    await updateTrack(t.db, organizer, track.id, settings({ eligibility: "OPT_IN", method: "RANKING", bonusPoints: "10,5", prizeId: prize.id }));
    const member = await makeUser(t.db, "EMPLOYEE");
    await addMember(t.db, teams[0], member.id);
    expect((await expectDomainError(enterTrack(t.db, member, track.id, teams[1].id, true))).code).toBe("FORBIDDEN");
    await enterTrack(t.db, member, track.id, teams[0].id, true);
    await enterTrack(t.db, organizer, track.id, teams[1].id, true);
    await setTrackStatus(t.db, organizer, track.id, "OPEN");
    const judge = await seat(t.db, organizer, track.id);
    const seenIds: string[] = [];
    for (let sequence = 1; sequence <= 2; sequence++) {
      const page = await visit(t.db, judge, track.id);
      expect(page.next!.id).not.toBe(teams[2].id); // not entered
      seenIds.push(page.next!.id);
      await recordJudgment(t.db, judge, track.id, { kind: "SEEN", sequence, teamId: page.next!.id, notes: "", starred: false });
    }
    expect(await sendJudge(t.db, judge, track.id)).toBeNull();
    await recordJudgment(t.db, judge, track.id, { kind: "RANKING", sequence: 3, order: [teams[1].id, teams[0].id] });
    // the leaderboard counts the track once its results are out
    expect((await bonusLeaderboard(t.db, edition.id)).challenges.map((c) => c.kind)).not.toContain("TRACK");
    await publishResults(t.db, organizer, track.id, true);
    const board = await bonusLeaderboard(t.db, edition.id);
    expect(board.rows.find((r) => r.teamId === teams[1].id)?.perChallenge[track.id]).toBe(10);
    expect(board.rows.find((r) => r.teamId === teams[0].id)?.perChallenge[track.id]).toBe(5);
    const awarded = await awardTrackWinner(t.db, organizer, track.id);
    expect(awarded.teamId).toBe(teams[1].id);
    const csv = await resultsCsv(t.db, null, track.id);
    expect(csv.split("\r\n")[1]).toMatch(/^1,Team B/);
  });

  it("skipping an absent team sends the judge elsewhere and never back", async () => {
    const { organizer, track } = await setUp(t.db, 3, { method: "RANKING" });
    await setTrackStatus(t.db, organizer, track.id, "OPEN");
    const judge = await seat(t.db, organizer, track.id);
    const absent = (await visit(t.db, judge, track.id)).next!.id;
    await skipTeam(t.db, judge, track.id, 1);
    await expectDomainError(skipTeam(t.db, judge, track.id, 1), undefined, /already recorded/);
    const page = await judgePage(t.db, judge, track.id);
    expect(page.next?.id).toBeDefined();
    expect(page.next!.id).not.toBe(absent);
    expect(page.seen).toHaveLength(0);
  });
});
