// Mini-challenges' writes: organizers set them up and open them, team members
// answer riddles, judges enter or correct points (every change audited), and
// the live leaderboard hears of each change.
import { editionOrNotFound } from "../editions/queries";
import { announce } from "../platform/events";
import { metrics } from "../platform/metrics";
import type { Db, Tx } from "../platform/db";
import {
  allowedPointRange,
  answerMatches,
  assertMayAnswer,
  canSeeChallenge,
  challengeState,
  WRONG_ANSWER_COOLDOWN_MS,
  MAX_WRONG_ANSWERS,
  MAX_ANSWER_LENGTH,
  parseRankPoints,
  type ChallengeState,
} from "./rules";
import { DomainError, conflict, forbidden, invalid, isUniqueViolation, notFound } from "../platform/errors";
import { assertOrganizer, requireActor, type Actor, canJudge } from "../people/rules";
import { canSeeEdition } from "../editions/rules";
import type { ChallengeInput } from "./schemas";
import { zonedLocalToUtc } from "../platform/time";
import { teamOfActor } from "./queries";
import { msg } from "../platform/messages";

export async function createChallenge(db: Db, actor: Actor | null, editionId: string, input: ChallengeInput) {
  assertOrganizer(actor, msg("challenges.doing.setUp"));
  const edition = await editionOrNotFound(db, editionId);
  const challenge = await db.challenge.create({
    data: { editionId, ...challengeData(input, edition.timezone), answers: { create: answerLines(input.answers).map((text) => ({ text })) } },
  });
  await announce({ type: "challenges.changed", editionId });
  return challenge;
}

export async function updateChallenge(db: Db, actor: Actor | null, challengeId: string, input: ChallengeInput) {
  assertOrganizer(actor, msg("challenges.doing.edit"));
  const challenge = await db.challenge.findUnique({ where: { id: challengeId }, include: { edition: true } });
  if (!challenge) throw notFound(msg("challenges.challenge.notFound"));
  const updated = await db.$transaction(async (tx) => {
    await tx.acceptedAnswer.deleteMany({ where: { challengeId } });
    await tx.acceptedAnswer.createMany({ data: answerLines(input.answers).map((text) => ({ challengeId, text })) });
    // results already obtained stand; after correcting the accepted answers, judges override where needed
    return tx.challenge.update({ where: { id: challengeId }, data: challengeData(input, challenge.edition.timezone) });
  });
  await announce({ type: "challenges.changed", editionId: challenge.editionId });
  return updated;
}

/** Opens or closes a challenge by hand, or gives it back to its times. */
export async function setChallengeState(db: Db, actor: Actor | null, challengeId: string, state: "OPEN" | "CLOSED" | "AUTO") {
  assertOrganizer(actor, msg("challenges.doing.openClose"));
  const before = await db.challenge.findUnique({ where: { id: challengeId } });
  if (!before) throw notFound(msg("challenges.challenge.notFound"));
  const updated = await db.challenge.updateMany({ where: { id: challengeId }, data: { manualState: state === "AUTO" ? null : state } });
  if (updated.count === 0) throw notFound(msg("challenges.challenge.notFound"));
  const challenge = await db.challenge.findUniqueOrThrow({ where: { id: challengeId } });
  const now = new Date();
  const opened = challengeState(before, now) !== "OPEN" && challengeState(challenge, now) === "OPEN";
  await announce({ type: "challenges.changed", editionId: challenge.editionId, ...(opened ? { opened: challengeId } : {}) });
  return challenge;
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
    throw notFound(msg("challenges.challenge.notFoundOrNotOpen"));
  }
  if (challenge.kind !== "RIDDLE") throw invalid(msg("challenges.answer.judgesScoreIt"));
  if (answer.length > MAX_ANSWER_LENGTH) throw invalid(msg("challenges.answer.tooLong", { max: MAX_ANSWER_LENGTH }), "answer");
  const state: ChallengeState = challengeState(challenge, now);
  if (state === "UPCOMING") throw invalid(msg("challenges.answer.notOpenYet"));
  if (state === "CLOSED") throw invalid(msg("challenges.answer.closed"));
  const team = await teamOfActor(db, me, challenge.editionId);
  if (!team) throw forbidden(msg("challenges.answer.teamMembersOnly"));
  if (await db.solve.findUnique({ where: { challengeId_teamId: { challengeId, teamId: team.id } } })) {
    throw invalid(msg("challenges.answer.alreadySolved"));
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

  const result = await db
    .$transaction(async (tx) => {
      // the gate lets one attempt through when its time has come; a wrong one closes it for the cooldown
      const passed = await tx.attemptGate.updateMany({
        where: { challengeId, teamId: team.id, nextAt: { lte: now }, wrongCount: { lt: MAX_WRONG_ANSWERS } },
        data: correct ? { nextAt: now } : { wrongCount: { increment: 1 }, nextAt: new Date(now.getTime() + WRONG_ANSWER_COOLDOWN_MS) },
      });
      if (passed.count === 0) {
        assertMayAnswer(await tx.attemptGate.findUnique({ where: { challengeId_teamId: { challengeId, teamId: team.id } } }), now, challenge.edition.timezone);
        throw new DomainError("RATE_LIMITED", msg("challenges.answer.justAnswered"));
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
    })
    .catch((error: unknown) => {
      if (error instanceof DomainError && error.code === "RATE_LIMITED") metrics().riddleAttempts.inc({ result: "refused" });
      throw error;
    });
  metrics().riddleAttempts.inc({ result: correct ? "right" : "wrong" });
  await announce({ type: "challenges.changed", editionId: challenge.editionId });
  return result;
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
  if (!canJudge(me)) throw forbidden(msg("challenges.score.judgesOnly"));
  const challenge = await db.challenge.findUnique({ where: { id: challengeId } });
  if (!challenge) throw notFound(msg("challenges.challenge.notFound"));
  const team = await db.team.findUnique({ where: { id: change.teamId } });
  if (!team || team.editionId !== challenge.editionId) throw invalid(msg("challenges.score.pickTeam"), "teamId");
  const range = allowedPointRange(challenge);
  if (change.points !== null && (change.points < range.min || change.points > range.max)) {
    throw invalid(msg("challenges.score.outOfRange", { min: range.min, max: range.max }), "points");
  }
  const judge = await db.user.findUniqueOrThrow({ where: { id: me.id }, select: { name: true } });
  const key = { challengeId_teamId: { challengeId, teamId: team.id } };

  const stale = async (tx: Tx): Promise<never> => {
    const current = await tx.score.findUnique({ where: key });
    if (!current) throw conflict(msg("challenges.score.removedMeanwhile"), "points");
    const by = (await tx.user.findUnique({ where: { id: current.updatedById }, select: { name: true } }))?.name ?? msg("challenges.score.someone");
    throw conflict(msg("challenges.score.changedMeanwhile", { by, points: current.points, comment: current.comment }), "points");
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
    await announce({ type: "challenges.changed", editionId: challenge.editionId });
    return saved;
  } catch (error) {
    // two first scores of the same team at once: the loser sees the winner's
    if (isUniqueViolation(error)) return db.$transaction((tx) => stale(tx));
    throw error;
  }
}

function challengeData(input: ChallengeInput, timezone: string) {
  const opensAt = zonedLocalToUtc(input.opensAt, timezone);
  const closesAt = zonedLocalToUtc(input.closesAt, timezone);
  if (!opensAt) throw invalid(msg("challenges.form.opensInvalid"), "opensAt");
  if (!closesAt) throw invalid(msg("challenges.form.closesInvalid"), "closesAt");
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
