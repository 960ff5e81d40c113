import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bonusLeaderboard, teamBonusPoints } from "@/lib/challenges/leaderboard";
import { MAX_WRONG_ANSWERS, WRONG_ANSWER_COOLDOWN_MS, rankSolves } from "@/lib/challenges/rules";
import { auditTrail, challengeAttempts, challengeRanking, challengesCsv, getChallenge, listChallenges, myTeamAttempts } from "@/lib/challenges/queries";
import { createChallenge, setChallengeState, setScore, submitAnswer } from "@/lib/challenges/commands";
import { DomainError } from "@/lib/platform/errors";
import { channels, liveBus, type LiveEvent } from "@/lib/platform/live/bus";
import type { Actor } from "@/lib/people/rules";
import { challengeSchema } from "@/lib/challenges/schemas";
import { castBallot, openVote, updateVoteSettings } from "@/lib/votes/commands";
import { computeResults } from "@/lib/votes/queries";
import { voterKeyFor } from "@/lib/votes/rules";
import { newVoterId } from "@/lib/votes/voter-id";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { addMember, makeChallenge, makeEdition, makeTeam, makeUser, type ChallengeOverrides } from "../helpers/factories";
import { expectDomainError } from "../helpers/expect-domain-error";
import { hearLiveUpdates } from "../helpers/live-updates";
import { translate } from "@/lib/platform/i18n";

let t: TestDatabase;
let organizer: Actor;
let judge: Actor & { name: string };
let otherJudge: Actor & { name: string };
let outsider: Actor;
let stopLiveUpdates: (() => void) | undefined;
beforeAll(async () => {
  t = await createTestDatabase();
  stopLiveUpdates = hearLiveUpdates(t.db);
  organizer = await makeUser(t.db, "ORGANIZER", "Olga Organizer");
  judge = await makeUser(t.db, "JUDGE", "Judy Judge");
  otherJudge = await makeUser(t.db, "JUDGE", "Jules Judge");
  outsider = await makeUser(t.db, "EMPLOYEE", "Oscar Outsider");
});
afterAll(async () => {
  stopLiveUpdates?.();
  // let the coalesced leaderboard announcements (250 ms) finish before the database goes
  await new Promise((resolve) => setTimeout(resolve, 500));
  await t?.drop();
});

// The riddle of makeChallenge opens at 13:00 and closes at 14:00 UTC (14:00–15:00 in Paris, the edition's timezone).
const OPENS = new Date("2030-01-16T13:00:00Z");
const BEFORE = new Date("2030-01-16T12:30:00Z");
const DURING = new Date("2030-01-16T13:30:00Z");
const AFTER = new Date("2030-01-16T14:30:00Z");
const later = (base: Date, ms: number) => new Date(base.getTime() + ms);

/** An edition while hacking, with `count` teams "Team 1"… of `size` employees each, and a challenge. */
async function hackathonWith(count: number, challenge: ChallengeOverrides = {}, size = 1) {
  const edition = await makeEdition(t.db, "HACKING");
  const teams = [];
  for (let i = 1; i <= count; i++) {
    const team = await makeTeam(t.db, edition.id, `Team ${i}`);
    const members: (Actor & { name: string })[] = [];
    for (let m = 1; m <= size; m++) {
      const member = await makeUser(t.db, "EMPLOYEE", `Member ${m} of team ${i}`);
      await addMember(t.db, team, member.id);
      members.push(member);
    }
    teams.push({ ...team, members });
  }
  const riddle = await makeChallenge(t.db, edition.id, challenge);
  return { edition, teams, challenge: riddle };
}

const solvesOf = (challengeId: string) => t.db.solve.findMany({ where: { challengeId } });
const attemptsOf = (challengeId: string, teamId: string) => t.db.attempt.findMany({ where: { challengeId, teamId }, orderBy: { createdAt: "asc" } });

// ---- setting up ------------------------------------------------------------------------

describe("setting up a challenge", () => {
  const form = {
    kind: "RIDDLE",
    title: "The circle",
    statement: "91 employees stand in a circle holding hands; 81 of them hold the hand of a man and 20 the hand of a woman. How many women?",
    opensAt: "2030-01-16T14:00",
    closesAt: "2030-01-16T14:30",
    hiddenUntilOpen: "on",
    scoring: "RANK",
    rankPoints: "10; 7 5",
    answers: "15\n fifteen \n\n15\n",
  };

  it("is for organizers only: judges and employees are refused, anonymous visitors asked to sign in", async () => {
    const edition = await makeEdition(t.db, "HACKING");
    const input = challengeSchema.parse(form);
    for (const actor of [judge, outsider])
      await expectDomainError(createChallenge(t.db, actor, edition.id, input), "FORBIDDEN", "Only organizers can set up challenges.");
    await expectDomainError(createChallenge(t.db, null, edition.id, input), "UNAUTHENTICATED");
    await expectDomainError(setChallengeState(t.db, judge, "whatever", "OPEN"), "FORBIDDEN", "Only organizers can open and close challenges.");
    expect(await t.db.challenge.count({ where: { editionId: edition.id } })).toBe(0);
  });

  it("reads the times as wall-clock times where the hackathon happens, and keeps each accepted answer once", async () => {
    const edition = await makeEdition(t.db, "HACKING");
    const created = await createChallenge(t.db, organizer, edition.id, challengeSchema.parse(form));
    expect(created).toMatchObject({ kind: "RIDDLE", hiddenUntilOpen: true, scoring: "RANK", rankPoints: "10,7,5", manualState: null });
    expect(created.opensAt.toISOString()).toBe("2030-01-16T13:00:00.000Z"); // 14:00 in Paris
    expect(created.closesAt.toISOString()).toBe("2030-01-16T13:30:00.000Z");
    const answers = await t.db.acceptedAnswer.findMany({ where: { challengeId: created.id } });
    expect(answers.map((a) => a.text).sort()).toEqual(["15", "fifteen"]);
  });
});

// ---- seeing it --------------------------------------------------------------------------

describe("who sees a challenge, and its answers", () => {
  it("keeps a hidden riddle out of sight of employees and anonymous readers until it opens, but not of judges", async () => {
    const { edition, teams, challenge } = await hackathonWith(1);
    const member = teams[0].members[0];
    for (const actor of [member, outsider, null]) {
      await expectDomainError(getChallenge(t.db, actor, challenge.id, BEFORE), "NOT_FOUND", "That challenge doesn't exist, or hasn't opened yet.");
      expect(await listChallenges(t.db, actor, edition.id, BEFORE)).toEqual([]);
    }
    expect((await getChallenge(t.db, judge, challenge.id, BEFORE)).state).toBe("UPCOMING");
    expect((await listChallenges(t.db, judge, edition.id, BEFORE)).map((c) => c.id)).toEqual([challenge.id]);
    expect((await getChallenge(t.db, member, challenge.id, OPENS)).state).toBe("OPEN");
    expect((await listChallenges(t.db, null, edition.id, OPENS)).map((c) => [c.id, c.state])).toEqual([[challenge.id, "OPEN"]]);
  });

  it("announces a riddle that isn't hidden as upcoming", async () => {
    const { teams, challenge } = await hackathonWith(1, { hiddenUntilOpen: false });
    expect((await getChallenge(t.db, teams[0].members[0], challenge.id, BEFORE)).state).toBe("UPCOMING");
  });

  it("never sends the accepted answers to anyone but organizers while the challenge is open, and shows them to all once closed", async () => {
    const { edition, teams, challenge } = await hackathonWith(1, { answers: ["15", "fifteen"] });
    const member = teams[0].members[0];
    for (const actor of [member, judge, null]) expect((await getChallenge(t.db, actor, challenge.id, DURING)).answers).toBeNull();
    expect((await getChallenge(t.db, organizer, challenge.id, DURING)).answers).toEqual(expect.arrayContaining(["15", "fifteen"]));
    expect(JSON.stringify(await listChallenges(t.db, member, edition.id, DURING))).not.toContain("fifteen");

    for (const actor of [member, null]) expect((await getChallenge(t.db, actor, challenge.id, AFTER)).answers?.sort()).toEqual(["15", "fifteen"]);
  });

  it("shows the team whether it solved each challenge, and how many teams did", async () => {
    const { edition, teams, challenge } = await hackathonWith(3);
    await submitAnswer(t.db, teams[0].members[0], challenge.id, "15", DURING);
    await submitAnswer(t.db, teams[1].members[0], challenge.id, "15", later(DURING, 1000));
    const [mine] = await listChallenges(t.db, teams[0].members[0], edition.id, DURING);
    expect(mine).toMatchObject({ solvedByMyTeam: true, solveCount: 2 });
    const [theirs] = await listChallenges(t.db, teams[2].members[0], edition.id, DURING);
    expect(theirs).toMatchObject({ solvedByMyTeam: false, solveCount: 2 });
  });
});

// ---- answering ------------------------------------------------------------------------------

describe("answering a riddle", () => {
  it("is refused before it opens and after it closes, saying why, and stores nothing", async () => {
    const { teams, challenge } = await hackathonWith(1, { hiddenUntilOpen: false });
    const member = teams[0].members[0];
    await expectDomainError(submitAnswer(t.db, member, challenge.id, "15", BEFORE), "INVALID", "This challenge hasn't opened yet.");
    await expectDomainError(submitAnswer(t.db, member, challenge.id, "15", AFTER), "INVALID", "This challenge is closed: answers are no longer accepted.");
    expect(await attemptsOf(challenge.id, teams[0].id)).toEqual([]);
  });

  it("is refused on a hidden riddle before it opens as if it didn't exist", async () => {
    const { teams, challenge } = await hackathonWith(1);
    await expectDomainError(submitAnswer(t.db, teams[0].members[0], challenge.id, "15", BEFORE), "NOT_FOUND");
  });

  it("follows the organizer who opens a riddle early or closes it before its time", async () => {
    const { teams, challenge } = await hackathonWith(2);
    await setChallengeState(t.db, organizer, challenge.id, "OPEN");
    expect(await submitAnswer(t.db, teams[0].members[0], challenge.id, "15", BEFORE)).toMatchObject({ correct: true });
    await setChallengeState(t.db, organizer, challenge.id, "CLOSED");
    await expectDomainError(submitAnswer(t.db, teams[1].members[0], challenge.id, "15", DURING), "INVALID", /is closed/);
    await setChallengeState(t.db, organizer, challenge.id, "AUTO");
    expect(await submitAnswer(t.db, teams[1].members[0], challenge.id, "15", DURING)).toMatchObject({ correct: true });
  });

  it("is only for members of a team of the edition: others are told to join a team first", async () => {
    const { edition, challenge } = await hackathonWith(1);
    await expectDomainError(submitAnswer(t.db, outsider, challenge.id, "15", DURING), "FORBIDDEN", "Only members of a team can answer: join a team first.");
    // a member of a team of another edition isn't in a team of this one
    const elsewhere = await hackathonWith(1);
    await expectDomainError(submitAnswer(t.db, elsewhere.teams[0].members[0], challenge.id, "15", DURING), "FORBIDDEN", /^Only members of a team can answer/);
    await expectDomainError(submitAnswer(t.db, null, challenge.id, "15", DURING), "UNAUTHENTICATED");
    expect(await t.db.attempt.count({ where: { challengeId: challenge.id } })).toBe(0);
    expect(edition.id).not.toBe(elsewhere.edition.id);
  });

  it("counts an answer for the team of the person answering, never another team", async () => {
    const { teams, challenge } = await hackathonWith(2);
    await submitAnswer(t.db, teams[1].members[0], challenge.id, "15", DURING);
    expect((await solvesOf(challenge.id)).map((s) => s.teamId)).toEqual([teams[1].id]);
    expect(await attemptsOf(challenge.id, teams[0].id)).toEqual([]);
  });

  it("is refused on a judged challenge: judges score it", async () => {
    const { teams, challenge } = await hackathonWith(1, { kind: "JUDGED" });
    await expectDomainError(
      submitAnswer(t.db, teams[0].members[0], challenge.id, "15", DURING),
      "INVALID",
      "This challenge isn't answered here: judges score it.",
    );
  });

  it("says an unknown challenge doesn't exist", async () => {
    await expectDomainError(submitAnswer(t.db, outsider, "no-such-challenge", "15", DURING), "NOT_FOUND");
  });

  it("records the team's first correct answer as its result, at the server's time", async () => {
    const { teams, challenge } = await hackathonWith(1);
    const member = teams[0].members[0];
    expect(await submitAnswer(t.db, member, challenge.id, " 15.0 ", DURING)).toEqual({ correct: true, alreadySolved: false, attempts: 1 });
    const [solve] = await solvesOf(challenge.id);
    expect(solve.teamId).toBe(teams[0].id);
    expect(solve.solvedAt.toISOString()).toBe(DURING.toISOString());
    const [attempt] = await attemptsOf(challenge.id, teams[0].id);
    expect(attempt).toMatchObject({ id: solve.attemptId, userId: member.id, answer: " 15.0 ", correct: true });
  });

  it("tells a teammate who answers again that the team already solved it", async () => {
    const { teams, challenge } = await hackathonWith(1, {}, 2);
    const [first, second] = teams[0].members;
    await submitAnswer(t.db, first, challenge.id, "15", DURING);
    await expectDomainError(submitAnswer(t.db, second, challenge.id, "15", later(DURING, 60_000)), "INVALID", "Your team already solved this challenge.");
    await expectDomainError(submitAnswer(t.db, first, challenge.id, "16", later(DURING, 60_000)), "INVALID", "Your team already solved this challenge.");
    expect(await solvesOf(challenge.id)).toHaveLength(1);
    expect((await solvesOf(challenge.id))[0].solvedAt.toISOString()).toBe(DURING.toISOString());
  });

  it("stores every attempt, right or wrong, with who answered, what and the server's time", async () => {
    const { teams, challenge } = await hackathonWith(1, {}, 2);
    const [ada, bob] = teams[0].members;
    const times = [DURING, later(DURING, 10_000), later(DURING, 25_000)];
    expect(await submitAnswer(t.db, ada, challenge.id, "16", times[0])).toEqual({ correct: false, alreadySolved: false, attempts: 1 });
    expect(await submitAnswer(t.db, bob, challenge.id, "fourteen", times[1])).toEqual({ correct: false, alreadySolved: false, attempts: 2 });
    expect(await submitAnswer(t.db, ada, challenge.id, "Fifteen? no: 15", times[2])).toEqual({ correct: false, alreadySolved: false, attempts: 3 });
    const stored = await attemptsOf(challenge.id, teams[0].id);
    expect(stored.map((a) => [a.createdAt.toISOString(), a.userId, a.answer, a.correct])).toEqual([
      [times[0].toISOString(), ada.id, "16", false],
      [times[1].toISOString(), bob.id, "fourteen", false],
      [times[2].toISOString(), ada.id, "Fifteen? no: 15", false],
    ]);
    // the team sees them newest first, with who answered
    const mine = await myTeamAttempts(t.db, bob, challenge.id);
    expect(mine.attempts.map((a) => [a.answer, a.by])).toEqual([
      ["Fifteen? no: 15", ada.name],
      ["fourteen", bob.name],
      ["16", ada.name],
    ]);
    expect(mine.gate).toMatchObject({ wrongCount: 3 });
    expect(mine.solved).toBeNull();
  });

  it("updates the live leaderboard after a correct answer", async () => {
    const { edition, teams, challenge } = await hackathonWith(2);
    const events: LiveEvent[] = [];
    const unsubscribe = liveBus().subscribe(channels.leaderboard(edition.id), (event) => events.push(event));
    try {
      await submitAnswer(t.db, teams[1].members[0], challenge.id, "15", DURING);
      await vi.waitFor(() => expect(events.at(-1)).toMatchObject({ type: "leaderboard" }), { timeout: 2000, interval: 50 });
      const board = events.at(-1)!.data as Awaited<ReturnType<typeof bonusLeaderboard>>;
      expect(board.rows.map((r) => [r.name, r.total, r.place])).toEqual([
        ["Team 2", 10, 1],
        ["Team 1", 0, 2],
      ]);
    } finally {
      unsubscribe();
    }
  });
});

describe("the limit on wrong answers", () => {
  it("makes the team wait 10 seconds after a wrong answer, saying when the next try is allowed", async () => {
    const { teams, challenge } = await hackathonWith(1, {}, 2);
    const [ada, bob] = teams[0].members;
    await submitAnswer(t.db, ada, challenge.id, "16", DURING);
    // 13:30:00 UTC is 14:30:00 in Paris: next try at 14:30:10, in 5 s
    await expectDomainError(
      submitAnswer(t.db, bob, challenge.id, "17", later(DURING, 5_000)),
      "RATE_LIMITED",
      "Not so fast: your team's next try is allowed at 14:30:10 (in 5 s).",
    );
    // the right answer waits too, and a refused try is not stored
    await expectDomainError(submitAnswer(t.db, ada, challenge.id, "15", later(DURING, 9_999)), "RATE_LIMITED", /at 14:30:10 \(in 1 s\)/);
    expect(await attemptsOf(challenge.id, teams[0].id)).toHaveLength(1);

    expect(await submitAnswer(t.db, bob, challenge.id, "15", later(DURING, WRONG_ANSWER_COOLDOWN_MS))).toEqual({
      correct: true,
      alreadySolved: false,
      attempts: 2,
    });
  });

  it("limits each team on its own: another team's wrong answer doesn't make this one wait", async () => {
    const { teams, challenge } = await hackathonWith(2);
    await submitAnswer(t.db, teams[0].members[0], challenge.id, "16", DURING);
    expect(await submitAnswer(t.db, teams[1].members[0], challenge.id, "15", later(DURING, 1))).toMatchObject({ correct: true });
  });

  it(`stops a team after ${MAX_WRONG_ANSWERS} wrong answers, even with the right one`, async () => {
    const { teams, challenge } = await hackathonWith(1);
    const member = teams[0].members[0];
    for (let i = 0; i < MAX_WRONG_ANSWERS; i++) {
      expect(await submitAnswer(t.db, member, challenge.id, String(100 + i), later(OPENS, i * WRONG_ANSWER_COOLDOWN_MS))).toMatchObject({
        correct: false,
        attempts: i + 1,
      });
    }
    const message = `Your team has used all its ${MAX_WRONG_ANSWERS} tries on this challenge.`;
    await expectDomainError(
      submitAnswer(t.db, member, challenge.id, "99", later(OPENS, MAX_WRONG_ANSWERS * WRONG_ANSWER_COOLDOWN_MS)),
      "RATE_LIMITED",
      message,
    );
    await expectDomainError(submitAnswer(t.db, member, challenge.id, "15", later(OPENS, 30 * 60_000)), "RATE_LIMITED", message);
    expect(await attemptsOf(challenge.id, teams[0].id)).toHaveLength(MAX_WRONG_ANSWERS);
    expect(await solvesOf(challenge.id)).toEqual([]);
  });
});

// ---- concurrency -------------------------------------------------------------------------

describe("the attempts, for organizers and judges", () => {
  /** Three teams race: Team 1 and Team 2 wrong first; Team 2 and Team 3 right in the same millisecond, then Team 1. */
  async function race() {
    const { edition, teams, challenge } = await hackathonWith(3);
    await submitAnswer(t.db, teams[0].members[0], challenge.id, "16", DURING);
    await submitAnswer(t.db, teams[1].members[0], challenge.id, "fifteen? 15", later(DURING, 1_000));
    await submitAnswer(t.db, teams[1].members[0], challenge.id, " 15 ", later(DURING, 11_000));
    await submitAnswer(t.db, teams[2].members[0], challenge.id, "15.0", later(DURING, 11_000));
    await submitAnswer(t.db, teams[0].members[0], challenge.id, "15", later(DURING, 20_000));
    return { edition, teams, challenge };
  }

  it("lists every team's attempts, oldest first, with who answered what and whether it was right", async () => {
    const { teams, challenge } = await race();
    for (const reader of [organizer, judge]) {
      const { attempts } = await challengeAttempts(t.db, reader, challenge.id, AFTER);
      expect(attempts.map((a) => [a.createdAt.toISOString(), a.team, a.by, a.answer, a.correct])).toEqual([
        [DURING.toISOString(), "Team 1", teams[0].members[0].name, "16", false],
        [later(DURING, 1_000).toISOString(), "Team 2", teams[1].members[0].name, "fifteen? 15", false],
        [later(DURING, 11_000).toISOString(), "Team 2", teams[1].members[0].name, " 15 ", true],
        [later(DURING, 11_000).toISOString(), "Team 3", teams[2].members[0].name, "15.0", true],
        [later(DURING, 20_000).toISOString(), "Team 1", teams[0].members[0].name, "15", true],
      ]);
    }
  });

  it("ranks the correct answers by time, teams in the same millisecond sharing a rank, with the points that count", async () => {
    const { teams, challenge } = await race();
    // a judge corrected Team 1's points: the override counts
    await setScore(t.db, judge, challenge.id, { teamId: teams[0].id, points: 4, comment: "A recount.", version: 0 });
    const { solves } = await challengeAttempts(t.db, organizer, challenge.id, DURING);
    expect(solves.map((s) => [s.rank, s.team, s.solvedAt.toISOString(), s.points])).toEqual([
      [1, "Team 2", later(DURING, 11_000).toISOString(), 10],
      [1, "Team 3", later(DURING, 11_000).toISOString(), 10],
      [3, "Team 1", later(DURING, 20_000).toISOString(), 4],
    ]);
  });

  it("is refused to employees, team members included, and to visitors: other teams' answers stay theirs", async () => {
    const { teams, challenge } = await race();
    await expectDomainError(challengeAttempts(t.db, outsider, challenge.id, DURING), "FORBIDDEN", "Only judges and organizers can see the teams' attempts.");
    await expectDomainError(
      challengeAttempts(t.db, teams[1].members[0], challenge.id, AFTER),
      "FORBIDDEN",
      "Only judges and organizers can see the teams' attempts.",
    );
    await expectDomainError(challengeAttempts(t.db, null, challenge.id, AFTER), "UNAUTHENTICATED");
    await expectDomainError(challengeAttempts(t.db, organizer, "no-such-challenge", DURING), "NOT_FOUND");
  });
});

describe("answers arriving at the same moment", () => {
  it("gives eight teams answering correctly in the same millisecond the same first rank and the top points", async () => {
    const { edition, teams, challenge } = await hackathonWith(8);
    const now = later(DURING, 123);
    const results = await Promise.all(teams.map((team) => submitAnswer(t.db, team.members[0], challenge.id, "15", now)));
    expect(results.every((r) => r.correct && !r.alreadySolved)).toBe(true);

    const solves = await solvesOf(challenge.id);
    expect(solves).toHaveLength(8);
    expect(new Set(solves.map((s) => s.solvedAt.getTime()))).toEqual(new Set([now.getTime()]));
    const ranked = rankSolves(solves, [10, 7, 5, 3, 1]);
    expect(ranked.map((r) => [r.rank, r.points])).toEqual(Array(8).fill([1, 10]));

    const ranking = await challengeRanking(t.db, judge, challenge.id, DURING);
    expect(ranking?.map((r) => [r.rank, r.points])).toEqual(Array(8).fill([1, 10]));
    const board = await bonusLeaderboard(t.db, edition.id);
    expect(board.rows.map((r) => [r.total, r.place])).toEqual(Array(8).fill([10, 1]));
  });

  it("ranks eight teams answering a few milliseconds apart strictly by their times, whatever order the requests finish in", async () => {
    const { teams, challenge } = await hackathonWith(8);
    // team i answers at DURING + offsets[i] ms; sent all at once
    const offsets = [5, 0, 7, 2, 6, 1, 4, 3];
    await Promise.all(teams.map((team, i) => submitAnswer(t.db, team.members[0], challenge.id, "15", later(DURING, offsets[i]))));

    const ranked = rankSolves(await solvesOf(challenge.id), [10, 7, 5, 3, 1]);
    const byTime = [...teams.keys()].sort((a, b) => offsets[a] - offsets[b]).map((i) => teams[i].id);
    expect(ranked.map((r) => r.teamId)).toEqual(byTime);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ranked.map((r) => r.points)).toEqual([10, 7, 5, 3, 1, 0, 0, 0]);
    expect(ranked.map((r) => r.solvedAt.getTime() - DURING.getTime())).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("keeps one result when two members of a team send the right answer at the same moment, storing both attempts", async () => {
    // a few rounds, each on a fresh gate (its first attempt) and a fresh team, to give a race a chance to show
    for (let round = 0; round < 4; round++) {
      const { teams, challenge } = await hackathonWith(1, {}, 2);
      const [ada, bob] = teams[0].members;
      const results = await Promise.all([ada, bob].map((member) => submitAnswer(t.db, member, challenge.id, "15", DURING)));
      expect(results.map((r) => r.correct)).toEqual([true, true]);
      expect(results.filter((r) => r.alreadySolved)).toHaveLength(1);

      const solves = await solvesOf(challenge.id);
      expect(solves).toHaveLength(1);
      const attempts = await attemptsOf(challenge.id, teams[0].id);
      expect(attempts.map((a) => a.userId).sort()).toEqual([ada.id, bob.id].sort());
      expect(attempts.every((a) => a.correct && a.createdAt.getTime() === DURING.getTime())).toBe(true);
      expect(attempts.map((a) => a.id)).toContain(solves[0].attemptId);
    }
  });

  it("lets only one of two wrong answers sent at once through, the team's first ones too: the other is told to wait", async () => {
    const { teams, challenge } = await hackathonWith(1, {}, 2);
    const race = async (now: Date) => {
      const outcomes = await Promise.allSettled(teams[0].members.map((member, i) => submitAnswer(t.db, member, challenge.id, `${20 + i}`, now)));
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(DomainError);
      expect((refused.reason as DomainError).code).toBe("RATE_LIMITED");
      expect(translate((refused.reason as DomainError).message, "en")).toMatch(
        /^Not so fast: your team's next try is allowed at \d\d:\d\d:\d\d \(in 10 s\)\.$/,
      );
    };
    await race(DURING); // the team's very first answers
    await race(later(DURING, 20_000));
    expect(await attemptsOf(challenge.id, teams[0].id)).toHaveLength(2);
  });
});

// ---- judges ------------------------------------------------------------------------------

describe("judges scoring a team", () => {
  it("is for judges and organizers only", async () => {
    const { teams, challenge } = await hackathonWith(1, { kind: "JUDGED" });
    const change = { teamId: teams[0].id, points: 5, comment: "Good bot", version: 0 };
    await expectDomainError(setScore(t.db, teams[0].members[0], challenge.id, change), "FORBIDDEN", "Only judges and organizers can score challenges.");
    await expectDomainError(setScore(t.db, outsider, challenge.id, change), "FORBIDDEN");
    await expectDomainError(setScore(t.db, null, challenge.id, change), "UNAUTHENTICATED");
    expect(await setScore(t.db, organizer, challenge.id, change)).toMatchObject({ points: 5, version: 1 });
    expect(await t.db.scoreAudit.count({ where: { challengeId: challenge.id } })).toBe(1);
  });

  it("refuses points outside the challenge's range, giving the range", async () => {
    const { teams, challenge } = await hackathonWith(1, { kind: "JUDGED", maxPoints: 12 });
    for (const points of [13, -1, 1000]) {
      const error = await expectDomainError(
        setScore(t.db, judge, challenge.id, { teamId: teams[0].id, points, comment: "Too much", version: 0 }),
        "INVALID",
        "Points must be between 0 and 12 on this challenge.",
      );
      expect(error.field).toBe("points");
    }
    expect(await setScore(t.db, judge, challenge.id, { teamId: teams[0].id, points: 12, comment: "Top", version: 0 })).toMatchObject({ points: 12 });
    expect(await setScore(t.db, judge, challenge.id, { teamId: teams[0].id, points: 0, comment: "Bottom", version: 1 })).toMatchObject({ points: 0 });
  });

  it("refuses a team of another edition, and an unknown challenge", async () => {
    const { challenge } = await hackathonWith(1, { kind: "JUDGED" });
    const elsewhere = await hackathonWith(1);
    await expectDomainError(
      setScore(t.db, judge, challenge.id, { teamId: elsewhere.teams[0].id, points: 1, comment: "Oops", version: 0 }),
      "INVALID",
      "Pick a team of this edition.",
    );
    await expectDomainError(setScore(t.db, judge, "no-such-challenge", { teamId: elsewhere.teams[0].id, points: 1, comment: "Oops", version: 0 }), "NOT_FOUND");
  });

  it("keeps every change in the audit trail: who, when, old → new, and why", async () => {
    const { edition, teams, challenge } = await hackathonWith(1, { kind: "JUDGED", title: "Bot tournament" });
    const teamId = teams[0].id;
    expect(await setScore(t.db, judge, challenge.id, { teamId, points: 6, comment: "Won 6 rounds", version: 0 })).toMatchObject({
      points: 6,
      version: 1,
      updatedById: judge.id,
    });
    expect(await setScore(t.db, otherJudge, challenge.id, { teamId, points: 8, comment: "Recounted: 8 rounds", version: 1 })).toMatchObject({
      points: 8,
      comment: "Recounted: 8 rounds",
      version: 2,
      updatedById: otherJudge.id,
    });

    const trail = await auditTrail(t.db, organizer, edition.id);
    expect(trail).toHaveLength(2);
    expect(trail.map((e) => [e.judgeName, e.oldPoints, e.newPoints, e.comment, e.teamName, e.challenge.title]).sort()).toEqual(
      [
        [judge.name, null, 6, "Won 6 rounds", "Team 1", "Bot tournament"],
        [otherJudge.name, 6, 8, "Recounted: 8 rounds", "Team 1", "Bot tournament"],
      ].sort(),
    );
    expect(trail.every((e) => e.createdAt instanceof Date)).toBe(true);
  });

  it("refuses a save based on an old version with who changed it and the new value, changing nothing", async () => {
    const { teams, challenge } = await hackathonWith(1, { kind: "JUDGED" });
    const teamId = teams[0].id;
    await setScore(t.db, judge, challenge.id, { teamId, points: 6, comment: "First look", version: 0 });
    await setScore(t.db, judge, challenge.id, { teamId, points: 7, comment: "Second look", version: 1 });
    const error = await expectDomainError(setScore(t.db, otherJudge, challenge.id, { teamId, points: 2, comment: "Stale", version: 1 }), "CONFLICT");
    expect(translate(error.message, "en")).toBe(
      `Changed by ${judge.name} meanwhile: it is now 7 points (“Second look”). Check it, then save again if you still want to change it.`,
    );
    // a first score typed while someone else already entered one
    await expectDomainError(
      setScore(t.db, otherJudge, challenge.id, { teamId, points: 2, comment: "Stale", version: 0 }),
      "CONFLICT",
      /^Changed by Judy Judge meanwhile: it is now 7 points/,
    );
    expect(await t.db.score.findUniqueOrThrow({ where: { challengeId_teamId: { challengeId: challenge.id, teamId } } })).toMatchObject({
      points: 7,
      version: 2,
    });
    expect(await t.db.scoreAudit.count({ where: { challengeId: challenge.id } })).toBe(2);
  });

  it("when two judges save the same score at once, keeps one and tells the other who changed it meanwhile, never overwriting", async () => {
    for (let round = 0; round < 3; round++) {
      const { edition, teams, challenge } = await hackathonWith(1, { kind: "JUDGED" });
      const teamId = teams[0].id;
      await setScore(t.db, organizer, challenge.id, { teamId, points: 5, comment: "Provisional", version: 0 });
      // both judges read version 1 and save at once
      const saves = [
        { actor: judge, points: 7, comment: "Judy's count" },
        { actor: otherJudge, points: 9, comment: "Jules's count" },
      ];
      const outcomes = await Promise.allSettled(
        saves.map((s) => setScore(t.db, s.actor, challenge.id, { teamId, points: s.points, comment: s.comment, version: 1 })),
      );
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const winner = saves[outcomes.findIndex((o) => o.status === "fulfilled")];
      const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(DomainError);
      expect((refused.reason as DomainError).code).toBe("CONFLICT");
      expect(translate((refused.reason as DomainError).message, "en")).toMatch(
        new RegExp(`^Changed by ${(winner.actor as { name: string }).name} meanwhile: it is now ${winner.points} points`),
      );

      expect(await t.db.score.findUniqueOrThrow({ where: { challengeId_teamId: { challengeId: challenge.id, teamId } } })).toMatchObject({
        points: winner.points,
        comment: winner.comment,
        version: 2,
      });
      const trail = await auditTrail(t.db, organizer, edition.id);
      expect(trail.map((e) => [e.oldPoints, e.newPoints]).sort()).toEqual(
        [
          [5, winner.points],
          [null, 5],
        ].sort(),
      );
    }
  });

  it("when two judges enter a team's first score at once, keeps one and tells the other", async () => {
    const { teams, challenge } = await hackathonWith(1, { kind: "JUDGED" });
    const teamId = teams[0].id;
    const outcomes = await Promise.allSettled([
      setScore(t.db, judge, challenge.id, { teamId, points: 3, comment: "Judy's", version: 0 }),
      setScore(t.db, otherJudge, challenge.id, { teamId, points: 4, comment: "Jules's", version: 0 }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as DomainError).code).toBe("CONFLICT");
    expect(translate((refused.reason as DomainError).message, "en")).toMatch(
      /^Changed by (Judy Judge meanwhile: it is now 3|Jules Judge meanwhile: it is now 4) points/,
    );
    expect(await t.db.scoreAudit.count({ where: { challengeId: challenge.id } })).toBe(1);
  });

  it("overrides a riddle's computed result, and falls back to it when the judge's score is removed", async () => {
    const { edition, teams, challenge } = await hackathonWith(2);
    await submitAnswer(t.db, teams[0].members[0], challenge.id, "15", DURING);
    await submitAnswer(t.db, teams[1].members[0], challenge.id, "15", later(DURING, 1000));
    const points = async () => Object.fromEntries((await challengeRanking(t.db, judge, challenge.id, DURING))!.map((r) => [r.name, r.points]));
    expect(await points()).toEqual({ "Team 1": 10, "Team 2": 7 });

    await setScore(t.db, judge, challenge.id, { teamId: teams[0].id, points: 3, comment: "Answer leaked by a teammate", version: 0 });
    expect(await points()).toEqual({ "Team 1": 3, "Team 2": 7 });
    expect((await teamBonusPoints(t.db, edition.id)).get(teams[0].id)).toBe(3);

    await expectDomainError(
      setScore(t.db, judge, challenge.id, { teamId: teams[0].id, points: null, comment: "Stale removal", version: 0 }),
      "CONFLICT",
      /^Changed by Judy Judge meanwhile/,
    );
    expect(await setScore(t.db, otherJudge, challenge.id, { teamId: teams[0].id, points: null, comment: "Not leaked after all", version: 1 })).toBeNull();
    expect(await points()).toEqual({ "Team 1": 10, "Team 2": 7 });
    expect((await teamBonusPoints(t.db, edition.id)).get(teams[0].id)).toBe(10);
    expect(await t.db.score.count({ where: { challengeId: challenge.id } })).toBe(0);
    const removal = (await auditTrail(t.db, organizer, edition.id)).find((e) => e.newPoints === null);
    expect(removal).toMatchObject({ judgeName: otherJudge.name, oldPoints: 3, newPoints: null, comment: "Not leaked after all" });
  });

  it("shows the ranking to judges while the riddle is open, and to everyone once closed", async () => {
    const { teams, challenge } = await hackathonWith(2, { hiddenUntilOpen: false });
    await submitAnswer(t.db, teams[0].members[0], challenge.id, "15", DURING);
    expect(await challengeRanking(t.db, teams[1].members[0], challenge.id, DURING)).toBeNull();
    expect((await challengeRanking(t.db, judge, challenge.id, DURING))?.map((r) => [r.name, r.rank, r.points])).toEqual([
      ["Team 1", 1, 10],
      ["Team 2", null, 0],
    ]);
    expect((await challengeRanking(t.db, null, challenge.id, AFTER))?.map((r) => r.points)).toEqual([10, 0]);
  });
});

// ---- the bonus and the final ranking ------------------------------------------------------------

describe("the bonus points and the final ranking", () => {
  /** Team 1 fastest on the riddle, Team 2 second; the tournament judged 4 for Team 1 and 9 for Team 3. */
  async function editionWithBonus() {
    const { edition, teams, challenge: riddle } = await hackathonWith(3, { title: "The circle" });
    const tournament = await makeChallenge(t.db, edition.id, { kind: "TOURNAMENT", title: "Rock, paper, bots", opensAt: later(OPENS, 60_000) });
    await submitAnswer(t.db, teams[0].members[0], riddle.id, "15", DURING);
    await submitAnswer(t.db, teams[1].members[0], riddle.id, "fifteen?", later(DURING, 500));
    await submitAnswer(t.db, teams[1].members[0], riddle.id, "15", later(DURING, 30_000));
    await setScore(t.db, judge, tournament.id, { teamId: teams[0].id, points: 4, comment: "4th of the tournament", version: 0 });
    await setScore(t.db, judge, tournament.id, { teamId: teams[2].id, points: 9, comment: "Won the final", version: 0 });
    return { edition, teams, riddle, tournament };
  }

  it("adds up each team's riddle points by rank and its judged points, best first", async () => {
    const { edition, teams, riddle, tournament } = await editionWithBonus();
    const board = await bonusLeaderboard(t.db, edition.id);
    expect(board.challenges.map((c) => [c.title, c.kind])).toEqual([
      ["The circle", "RIDDLE"],
      ["Rock, paper, bots", "TOURNAMENT"],
    ]);
    expect(board.rows.map((r) => [r.name, r.perChallenge[riddle.id] ?? 0, r.perChallenge[tournament.id] ?? 0, r.total, r.place])).toEqual([
      ["Team 1", 10, 4, 14, 1],
      ["Team 3", 0, 9, 9, 2],
      ["Team 2", 7, 0, 7, 3],
    ]);
    expect(await teamBonusPoints(t.db, edition.id)).toEqual(
      new Map([
        [teams[0].id, 14],
        [teams[1].id, 7],
        [teams[2].id, 9],
      ]),
    );
  });

  it("adds the bonus to the audience points in the vote's results, each with its weight", async () => {
    const { edition, teams } = await editionWithBonus();
    await updateVoteSettings(t.db, organizer, edition.id, {
      method: "RANKED",
      picks: 3,
      requireSignIn: false,
      audienceWeight: 3,
      bonusWeight: 2,
      publicVotePrize: true,
    });
    await openVote(t.db, organizer, edition.id);
    const phone = () => voterKeyFor({ requireSignIn: false }, newVoterId(), null);
    // audience points (3, 2, 1 per ballot): Team 2 → 3 + 3 = 6, Team 1 → 2 + 1 = 3, Team 3 → 1 + 2 = 3
    await castBallot(t.db, edition.id, phone(), [teams[1].id, teams[0].id, teams[2].id]);
    await castBallot(t.db, edition.id, phone(), [teams[1].id, teams[2].id, teams[0].id]);

    const results = await computeResults(t.db, edition.id);
    expect(results.ranking.map((r) => [r.name, r.audiencePoints, r.bonusPoints, r.total, r.place])).toEqual([
      ["Team 1", 3, 14, 3 * 3 + 14 * 2, 1], // 37
      ["Team 2", 6, 7, 6 * 3 + 7 * 2, 2], // 32
      ["Team 3", 3, 9, 3 * 3 + 9 * 2, 3], // 27
    ]);
  });

  it("exports every result and the audit trail as CSV, for organizers only", async () => {
    const { edition, riddle } = await editionWithBonus();
    await setScore(t.db, otherJudge, riddle.id, {
      teamId: (await t.db.team.findFirstOrThrow({ where: { editionId: edition.id, name: "Team 2" } })).id,
      points: 8,
      comment: 'Typo, "15" was right',
      version: 0,
    });
    for (const actor of [judge, outsider]) {
      await expectDomainError(challengesCsv(t.db, actor, edition.id), "FORBIDDEN", "Only organizers can export the challenge results.");
      await expectDomainError(auditTrail(t.db, actor, edition.id), "FORBIDDEN", "Only organizers can see the audit trail.");
    }
    await expectDomainError(challengesCsv(t.db, null, edition.id), "UNAUTHENTICATED");

    const csv = await challengesCsv(t.db, organizer, edition.id);
    const [results, audit] = csv.split("\r\n\r\n");
    expect(results.split("\r\n")).toEqual([
      "challenge,team,points",
      // teams best first: Team 1 (14), Team 3 (9), Team 2 (8)
      "The circle,Team 1,10",
      "The circle,Team 3,0",
      "The circle,Team 2,8",
      '"Rock, paper, bots",Team 1,4',
      '"Rock, paper, bots",Team 3,9',
      '"Rock, paper, bots",Team 2,0',
    ]);
    const auditLines = audit.trimEnd().split("\r\n");
    expect(auditLines[0]).toBe("audit: when (UTC),challenge,team,judge,old points,new points,comment");
    expect(auditLines).toHaveLength(4);
    expect(auditLines).toContainEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z,"Rock, paper, bots",Team 3,Judy Judge,,9,Won the final$/));
    expect(auditLines).toContainEqual(expect.stringMatching(/,The circle,Team 2,Jules Judge,,8,"Typo, ""15"" was right"$/));
  });
});
