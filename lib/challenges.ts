// Mini-challenges: organizers set them up; team members answer riddles;
// judges enter or correct points, every change audited; everyone follows the
// bonus leaderboard live.
//
// Concurrency: a team's first correct answer is its Solve, kept unique by
// (challenge, team). Wrong answers are rate-limited by a conditional update of
// the team's AttemptGate row (`WHERE nextAt <= now`), which the database
// applies atomically, so two members answering at once can't both slip
// through. A judge's save carries the score's version and is refused if
// someone saved meanwhile ("changed by … meanwhile"), never overwriting.
import { csvLine } from "./csv";
import type { Db, Tx } from "./db";
import {
  allowedPointRange,
  answerMatches,
  challengePoints,
  assertMayAnswer,
  canSeeChallenge,
  challengeState,
  WRONG_ANSWER_COOLDOWN_MS,
  MAX_WRONG_ANSWERS,
  MAX_ANSWER_LENGTH,
  rankSolves,
  parseRankPoints,
  type ChallengeState,
} from "./challenge-rules";
import { DomainError, conflict, forbidden, invalid, isUniqueViolation, notFound } from "./errors";
import { channels, liveBus } from "./live/bus";
import { coalesce } from "./live/coalesce";
import { assertOrganizer, canSeeEdition, isOrganizer, requireActor, type Actor } from "./permissions";
import type { ChallengeInput } from "./schemas/challenges";
import { zonedLocalToUtc } from "./time";
import { bonusLeaderboard } from "./bonus";

const isJudge = (actor: Actor | null) => actor?.role === "JUDGE" || actor?.role === "ORGANIZER";

function challengeData(input: ChallengeInput, timezone: string) {
  const opensAt = zonedLocalToUtc(input.opensAt, timezone);
  const closesAt = zonedLocalToUtc(input.closesAt, timezone);
  if (!opensAt) throw invalid("That opening time is not valid.", "opensAt");
  if (!closesAt) throw invalid("That closing time is not valid.", "closesAt");
  return {
    kind: input.kind,
    title: input.title,
    statement: input.statement,
    opensAt,
    closesAt,
    hiddenUntilOpen: input.hiddenUntilOpen,
    scoring: input.scoring,
    rankPoints: parseRankPoints(input.rankPoints).join(","),
    fixedPoints: input.fixedPoints,
    maxPoints: input.maxPoints,
    game: input.game,
    matchRounds: input.matchRounds,
    matchesPerPair: input.matchesPerPair,
    format: input.format,
    swissRounds: input.swissRounds,
  };
}

const answerLines = (text: string) => [
  ...new Set(
    text
      .split("\n")
      .map((a) => a.trim())
      .filter(Boolean),
  ),
];

export async function createChallenge(db: Db, actor: Actor | null, editionId: string, input: ChallengeInput) {
  assertOrganizer(actor, "set up challenges");
  const edition = await db.edition.findUnique({ where: { id: editionId } });
  if (!edition) throw notFound("That edition doesn't exist.");
  return db.challenge.create({
    data: { editionId, ...challengeData(input, edition.timezone), answers: { create: answerLines(input.answers).map((text) => ({ text })) } },
  });
}

export async function updateChallenge(db: Db, actor: Actor | null, challengeId: string, input: ChallengeInput) {
  assertOrganizer(actor, "edit challenges");
  const challenge = await db.challenge.findUnique({ where: { id: challengeId }, include: { edition: true } });
  if (!challenge) throw notFound("That challenge doesn't exist.");
  return db.$transaction(async (tx) => {
    await tx.acceptedAnswer.deleteMany({ where: { challengeId } });
    await tx.acceptedAnswer.createMany({ data: answerLines(input.answers).map((text) => ({ challengeId, text })) });
    // results already obtained stand; after correcting the accepted answers, judges override where needed
    return tx.challenge.update({ where: { id: challengeId }, data: challengeData(input, challenge.edition.timezone) });
  });
}

/** Opens or closes a challenge by hand, or gives it back to its times. */
export async function setChallengeState(db: Db, actor: Actor | null, challengeId: string, state: "OPEN" | "CLOSED" | "AUTO") {
  assertOrganizer(actor, "open and close challenges");
  const updated = await db.challenge.updateMany({ where: { id: challengeId }, data: { manualState: state === "AUTO" ? null : state } });
  if (updated.count === 0) throw notFound("That challenge doesn't exist.");
  const challenge = await db.challenge.findUniqueOrThrow({ where: { id: challengeId } });
  announceLeaderboard(db, challenge.editionId);
  return challenge;
}

async function teamOfActor(db: Db | Tx, actor: Actor, editionId: string) {
  const membership = await db.teamMember.findUnique({ where: { editionId_userId: { editionId, userId: actor.id } }, include: { team: true } });
  return membership?.team ?? null;
}

export async function listChallenges(db: Db, actor: Actor | null, editionId: string, now = new Date()) {
  const edition = await db.edition.findUnique({ where: { id: editionId } });
  if (!edition || !canSeeEdition(actor, edition)) throw notFound("That edition doesn't exist.");
  const team = actor ? await teamOfActor(db, actor, editionId) : null;
  const challenges = await db.challenge.findMany({
    where: { editionId },
    orderBy: [{ opensAt: "asc" }, { title: "asc" }],
    include: { solves: team ? { where: { teamId: team.id } } : false, _count: { select: { solves: true } } },
  });
  return challenges
    .filter((c) => canSeeChallenge(c, actor?.role ?? null, now))
    .map(({ solves, _count, ...c }) => ({
      ...c,
      state: challengeState(c, now),
      solvedByMyTeam: Array.isArray(solves) && solves.length > 0,
      solveCount: _count.solves,
    }));
}

/**
 * A challenge as this person may see it. The accepted answers are included
 * only for organizers, or for everyone once the challenge has closed.
 */
export async function getChallenge(db: Db, actor: Actor | null, challengeId: string, now = new Date()) {
  const challenge = await db.challenge.findUnique({ where: { id: challengeId }, include: { edition: true } });
  if (!challenge || !canSeeEdition(actor, challenge.edition) || !canSeeChallenge(challenge, actor?.role ?? null, now)) {
    throw notFound("That challenge doesn't exist, or hasn't opened yet.");
  }
  const state = challengeState(challenge, now);
  const showAnswers = isOrganizer(actor) || state === "CLOSED";
  const answers = showAnswers ? (await db.acceptedAnswer.findMany({ where: { challengeId }, orderBy: { id: "asc" } })).map((a) => a.text) : null;
  return { ...challenge, state, answers };
}

export type AnswerResult = { correct: boolean; alreadySolved: boolean; attempts: number };

/**
 * A team member answers a riddle. Every attempt is stored with the server's
 * time; the first correct one is the team's result.
 */
export async function submitAnswer(db: Db, actor: Actor | null, challengeId: string, answer: string, now = new Date()): Promise<AnswerResult> {
  const me = requireActor(actor);
  const challenge = await db.challenge.findUnique({ where: { id: challengeId }, include: { edition: true } });
  if (!challenge || !canSeeEdition(me, challenge.edition) || !canSeeChallenge(challenge, me.role, now)) {
    throw notFound("That challenge doesn't exist, or hasn't opened yet.");
  }
  if (challenge.kind !== "RIDDLE") throw invalid("This challenge isn't answered here: judges score it.");
  if (answer.length > MAX_ANSWER_LENGTH) throw invalid(`Answers are at most ${MAX_ANSWER_LENGTH} characters.`, "answer");
  const state: ChallengeState = challengeState(challenge, now);
  if (state === "UPCOMING") throw invalid("This challenge hasn't opened yet.");
  if (state === "CLOSED") throw invalid("This challenge is closed: answers are no longer accepted.");
  const team = await teamOfActor(db, me, challenge.editionId);
  if (!team) throw forbidden("Only members of a team can answer: join a team first.");
  if (await db.solve.findUnique({ where: { challengeId_teamId: { challengeId, teamId: team.id } } })) {
    throw invalid("Your team already solved this challenge.");
  }
  const accepted = (await db.acceptedAnswer.findMany({ where: { challengeId } })).map((a) => a.text);
  const correct = answerMatches(answer, accepted);

  // The team's gate, made by its first attempt. Made before the transaction: when two
  // first attempts race, one insert fails on the key, which is harmless here but would
  // abort the transaction on PostgreSQL (Prisma's upsert reads, then inserts).
  if (!(await db.attemptGate.findUnique({ where: { challengeId_teamId: { challengeId, teamId: team.id } } }))) {
    await db.attemptGate.create({ data: { challengeId, teamId: team.id, nextAt: new Date(0) } }).catch((error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
    });
  }

  const result = await db.$transaction(async (tx) => {
    // the gate lets one attempt through when its time has come; a wrong one closes it for the cooldown
    const passed = await tx.attemptGate.updateMany({
      where: { challengeId, teamId: team.id, nextAt: { lte: now }, wrongCount: { lt: MAX_WRONG_ANSWERS } },
      data: correct ? { nextAt: now } : { wrongCount: { increment: 1 }, nextAt: new Date(now.getTime() + WRONG_ANSWER_COOLDOWN_MS) },
    });
    if (passed.count === 0) {
      assertMayAnswer(await tx.attemptGate.findUnique({ where: { challengeId_teamId: { challengeId, teamId: team.id } } }), now, challenge.edition.timezone);
      throw new DomainError("RATE_LIMITED", "Your team just answered: try again in a few seconds.");
    }
    const attempt = await tx.attempt.create({ data: { challengeId, teamId: team.id, userId: me.id, answer, correct, createdAt: now } });
    // The gate update above locks the team's gate row until this transaction
    // ends (SQLite runs one write transaction at a time anyway), so a team's
    // attempts are applied one after the other: the second of two correct
    // answers sent at once sees the first one's Solve.
    let alreadySolved = false;
    if (correct) {
      if (await tx.solve.findUnique({ where: { challengeId_teamId: { challengeId, teamId: team.id } } })) alreadySolved = true;
      else await tx.solve.create({ data: { challengeId, teamId: team.id, attemptId: attempt.id, solvedAt: now } });
    }
    const attempts = await tx.attempt.count({ where: { challengeId, teamId: team.id } });
    return { correct, alreadySolved, attempts };
  });
  if (correct) announceLeaderboard(db, challenge.editionId);
  return result;
}

/** The attempts of this person's team on a challenge, newest first. */
export async function myTeamAttempts(db: Db, actor: Actor | null, challengeId: string) {
  const me = requireActor(actor);
  const challenge = await db.challenge.findUnique({ where: { id: challengeId } });
  if (!challenge) throw notFound("That challenge doesn't exist.");
  const team = await teamOfActor(db, me, challenge.editionId);
  if (!team) return { team: null, attempts: [], solved: null, gate: null };
  const [attempts, solved, gate] = await Promise.all([
    db.attempt.findMany({ where: { challengeId, teamId: team.id }, orderBy: { createdAt: "desc" }, take: 50 }),
    db.solve.findUnique({ where: { challengeId_teamId: { challengeId, teamId: team.id } } }),
    db.attemptGate.findUnique({ where: { challengeId_teamId: { challengeId, teamId: team.id } } }),
  ]);
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: [...new Set(attempts.map((a) => a.userId))] } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  return { team, attempts: attempts.map((a) => ({ ...a, by: names.get(a.userId) ?? "?" })), solved, gate };
}

/**
 * Organizers and judges: every attempt at a challenge, oldest first (team, who,
 * the answer as typed, right or wrong, the server's time), and the correct
 * answers ranked by time (teams in the same millisecond sharing a rank) with
 * the points that count, a judge's override included. Nobody else reads
 * other teams' answers, before or after the challenge closes.
 */
export async function challengeAttempts(db: Db, actor: Actor | null, challengeId: string, now = new Date()) {
  const me = requireActor(actor);
  if (!isJudge(me)) throw forbidden("Only judges and organizers can see the teams' attempts.");
  const challenge = await getChallenge(db, me, challengeId, now);
  const [attempts, solves, scores, teams] = await Promise.all([
    db.attempt.findMany({ where: { challengeId }, orderBy: { createdAt: "asc" } }),
    db.solve.findMany({ where: { challengeId }, select: { teamId: true, solvedAt: true } }),
    db.score.findMany({ where: { challengeId }, select: { teamId: true, points: true } }),
    db.team.findMany({ where: { editionId: challenge.editionId }, select: { id: true, name: true } }),
  ]);
  const people = await db.user.findMany({ where: { id: { in: [...new Set(attempts.map((a) => a.userId))] } }, select: { id: true, name: true } });
  const personName = new Map(people.map((u) => [u.id, u.name]));
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  const teamName = (teamId: string) => teamNames.get(teamId) ?? "(a team since removed)";
  const points = challengePoints(challenge, solves, scores);
  return {
    attempts: attempts
      .map((a) => ({
        id: a.id,
        teamId: a.teamId,
        team: teamName(a.teamId),
        by: personName.get(a.userId) ?? "(someone since removed)",
        answer: a.answer,
        correct: a.correct,
        createdAt: a.createdAt,
      }))
      // attempts of the same millisecond by team name, as the ranking lists them
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.team.localeCompare(b.team)),
    solves: rankSolves(solves, [])
      .map((s) => ({ teamId: s.teamId, team: teamName(s.teamId), solvedAt: s.solvedAt, rank: s.rank, points: points.get(s.teamId) ?? 0 }))
      .sort((a, b) => a.rank - b.rank || a.team.localeCompare(b.team)),
  };
}

/** After closing (or for organizers and judges): the correct teams by time, with their points. */
export async function challengeRanking(db: Db, actor: Actor | null, challengeId: string, now = new Date()) {
  const challenge = await getChallenge(db, actor, challengeId, now);
  if (challenge.state !== "CLOSED" && !isJudge(actor)) return null;
  const [solves, scores, teams] = await Promise.all([
    db.solve.findMany({ where: { challengeId } }),
    db.score.findMany({ where: { challengeId } }),
    db.team.findMany({ where: { editionId: challenge.editionId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const ranked = challenge.scoring === "RANK" ? rankSolves(solves, parseRankPoints(challenge.rankPoints)) : null;
  const byTeam = new Map(scores.map((s) => [s.teamId, s]));
  return teams.map((team) => {
    const solve = solves.find((s) => s.teamId === team.id) ?? null;
    const rank = ranked?.find((r) => r.teamId === team.id) ?? null;
    const score = byTeam.get(team.id) ?? null;
    const computed = rank ? rank.points : solve && challenge.scoring === "FIXED" ? challenge.fixedPoints : 0;
    return {
      teamId: team.id,
      name: team.name,
      solvedAt: solve?.solvedAt ?? null,
      rank: rank?.rank ?? null,
      computed,
      score,
      points: score ? score.points : computed,
    };
  });
}

// ---- judges ---------------------------------------------------------------------

export type ScoreChange = { teamId: string; points: number | null; comment: string; version: number };

/**
 * A judge enters, corrects or removes (points null) a team's points. `version`
 * is the score's version the judge saw (0: none): if another judge saved
 * since, the save is refused with who changed it and the new value.
 */
export async function setScore(db: Db, actor: Actor | null, challengeId: string, change: ScoreChange) {
  const me = requireActor(actor);
  if (!isJudge(me)) throw forbidden("Only judges and organizers can score challenges.");
  const challenge = await db.challenge.findUnique({ where: { id: challengeId } });
  if (!challenge) throw notFound("That challenge doesn't exist.");
  const team = await db.team.findUnique({ where: { id: change.teamId } });
  if (!team || team.editionId !== challenge.editionId) throw invalid("Pick a team of this edition.", "teamId");
  const range = allowedPointRange(challenge);
  if (change.points !== null && (change.points < range.min || change.points > range.max)) {
    throw invalid(`Points must be between ${range.min} and ${range.max} on this challenge.`, "points");
  }
  const judge = await db.user.findUniqueOrThrow({ where: { id: me.id }, select: { name: true } });
  const key = { challengeId_teamId: { challengeId, teamId: team.id } };

  const stale = async (tx: Tx): Promise<never> => {
    const current = await tx.score.findUnique({ where: key });
    const by = current ? ((await tx.user.findUnique({ where: { id: current.updatedById }, select: { name: true } }))?.name ?? "someone") : "someone";
    throw conflict(
      current
        ? `Changed by ${by} meanwhile: it is now ${current.points} points (“${current.comment}”). Check it, then save again if you still want to change it.`
        : `Removed by someone meanwhile. Check it, then save again if you still want to change it.`,
      "points",
    );
  };

  try {
    const saved = await db.$transaction(async (tx) => {
      const current = await tx.score.findUnique({ where: key });
      if ((current?.version ?? 0) !== change.version) return stale(tx);
      let result = null;
      if (change.points === null) {
        if (current) {
          const removed = await tx.score.deleteMany({ where: { challengeId, teamId: team.id, version: change.version } });
          if (removed.count === 0) return stale(tx);
        }
      } else if (!current) {
        result = await tx.score.create({ data: { challengeId, teamId: team.id, points: change.points, comment: change.comment, updatedById: me.id } });
      } else {
        const updated = await tx.score.updateMany({
          where: { challengeId, teamId: team.id, version: change.version },
          data: { points: change.points, comment: change.comment, updatedById: me.id, version: { increment: 1 } },
        });
        if (updated.count === 0) return stale(tx);
        result = await tx.score.findUnique({ where: key });
      }
      await tx.scoreAudit.create({
        data: {
          challengeId,
          teamId: team.id,
          judgeId: me.id,
          judgeName: judge.name,
          oldPoints: current?.points ?? null,
          newPoints: change.points,
          comment: change.comment,
        },
      });
      return result;
    });
    announceLeaderboard(db, challenge.editionId);
    return saved;
  } catch (error) {
    // two first scores of the same team at once: the loser sees the winner's
    if (isUniqueViolation(error)) return db.$transaction((tx) => stale(tx));
    throw error;
  }
}

/** Organizers: who changed which score, when, from what to what, and why. */
export async function auditTrail(db: Db, actor: Actor | null, editionId: string) {
  assertOrganizer(actor, "see the audit trail");
  const entries = await db.scoreAudit.findMany({
    where: { challenge: { editionId } },
    orderBy: { createdAt: "desc" },
    include: { challenge: { select: { title: true } } },
  });
  const teams = new Map((await db.team.findMany({ where: { editionId }, select: { id: true, name: true } })).map((t) => [t.id, t.name]));
  return entries.map((e) => ({ ...e, teamName: teams.get(e.teamId) ?? "(a team since removed)" }));
}

// ---- live leaderboard -----------------------------------------------------------

const announcers = new Map<string, (db: Db) => void>();

/** Pushes the leaderboard to every open page, at most a few times a second. */
export function announceLeaderboard(db: Db, editionId: string) {
  let announce = announcers.get(editionId);
  if (!announce) {
    announce = coalesce((database: Db) => {
      void bonusLeaderboard(database, editionId)
        .then((board) => liveBus().publish(channels.leaderboard(editionId), { type: "leaderboard", data: board }))
        .catch((error) => console.error("could not announce the leaderboard", error));
    }, 250);
    announcers.set(editionId, announce);
  }
  announce(db);
}

// ---- export ---------------------------------------------------------------------

/** Every challenge's result per team, then the audit trail, as CSV. */
export async function challengesCsv(db: Db, actor: Actor | null, editionId: string) {
  assertOrganizer(actor, "export the challenge results");
  const board = await bonusLeaderboard(db, editionId);
  let csv = csvLine(["challenge", "team", "points"]);
  for (const c of board.challenges) for (const row of board.rows) csv += csvLine([c.title, row.name, row.perChallenge[c.id] ?? 0]);
  csv += "\r\n" + csvLine(["audit: when (UTC)", "challenge", "team", "judge", "old points", "new points", "comment"]);
  for (const e of await auditTrail(db, actor, editionId)) {
    csv += csvLine([e.createdAt.toISOString(), e.challenge.title, e.teamName, e.judgeName, e.oldPoints ?? "", e.newPoints ?? "", e.comment]);
  }
  return csv;
}
