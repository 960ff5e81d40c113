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
import { editionOrNotFound } from "../editions/queries";
import { csvLine } from "../platform/csv";
import type { Db, Tx } from "../platform/db";
import { challengePoints, canSeeChallenge, challengeState, rankSolves, parseRankPoints } from "./rules";
import { forbidden, notFound } from "../platform/errors";
import { msg } from "../platform/messages";
import { assertOrganizer, isOrganizer, requireActor, type Actor, canJudge } from "../people/rules";
import { canSeeEdition } from "../editions/rules";
import { bonusLeaderboard } from "./leaderboard";

export async function listChallenges(db: Db, actor: Actor | null, editionId: string, now = new Date()) {
  await editionOrNotFound(db, editionId, actor);
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
    throw notFound(msg("challenges.challenge.notFoundOrNotOpen"));
  }
  const state = challengeState(challenge, now);
  const showAnswers = isOrganizer(actor) || state === "CLOSED";
  const answers = showAnswers ? (await db.acceptedAnswer.findMany({ where: { challengeId }, orderBy: { id: "asc" } })).map((a) => a.text) : null;
  return { ...challenge, state, answers };
}

/** The attempts of this person's team on a challenge, newest first. */
export async function myTeamAttempts(db: Db, actor: Actor | null, challengeId: string) {
  const me = requireActor(actor);
  const challenge = await db.challenge.findUnique({ where: { id: challengeId } });
  if (!challenge) throw notFound(msg("challenges.challenge.notFound"));
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
  if (!canJudge(me)) throw forbidden(msg("challenges.attempts.judgesOnly"));
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
  if (challenge.state !== "CLOSED" && !canJudge(actor)) return null;
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

/** Organizers: who changed which score, when, from what to what, and why. */
export async function auditTrail(db: Db, actor: Actor | null, editionId: string) {
  assertOrganizer(actor, msg("challenges.doing.seeAuditTrail"));
  const entries = await db.scoreAudit.findMany({
    where: { challenge: { editionId } },
    orderBy: { createdAt: "desc" },
    include: { challenge: { select: { title: true } } },
  });
  const teams = new Map((await db.team.findMany({ where: { editionId }, select: { id: true, name: true } })).map((t) => [t.id, t.name]));
  return entries.map((e) => ({ ...e, teamName: teams.get(e.teamId) ?? "(a team since removed)" }));
}

// ---- export ---------------------------------------------------------------------

/** Every challenge's result per team, then the audit trail, as CSV. */
export async function challengesCsv(db: Db, actor: Actor | null, editionId: string) {
  assertOrganizer(actor, msg("challenges.doing.exportResults"));
  const board = await bonusLeaderboard(db, editionId);
  let csv = csvLine(["challenge", "team", "points"]);
  for (const c of board.challenges) for (const row of board.rows) csv += csvLine([c.title, row.name, row.perChallenge[c.id] ?? 0]);
  csv += "\r\n" + csvLine(["audit: when (UTC)", "challenge", "team", "judge", "old points", "new points", "comment"]);
  for (const e of await auditTrail(db, actor, editionId)) {
    csv += csvLine([e.createdAt.toISOString(), e.challenge.title, e.teamName, e.judgeName, e.oldPoints ?? "", e.newPoints ?? "", e.comment]);
  }
  return csv;
}

export async function teamOfActor(db: Db | Tx, actor: Actor, editionId: string) {
  const membership = await db.teamMember.findUnique({ where: { editionId_userId: { editionId, userId: actor.id } }, include: { team: true } });
  return membership?.team ?? null;
}
