// Running a tournament: every pair of the bots that play (each team's last
// version before the deadline) meets `matchesPerPair` times. Matches run on
// the worker pool off the request path; each one is stored as it finishes,
// so a crash or a restart resumes with the matches left, and the tournament's
// seed makes a re-run with the same bots identical. The final standings
// become the challenge's points on the bonus leaderboard.
import type { Db } from "../db";
import { invalid, notFound } from "../errors";
import { channels, liveBus } from "../live/bus";
import { coalesce } from "../live/coalesce";
import { assertOrganizer, type Actor } from "../permissions";
import { parseRankPoints } from "../challenge-rules";
import { announceLeaderboard, getChallenge } from "../challenges";
import type { MatchRecord } from "./match";
import { matchPool } from "./pool";
import { seededRandom } from "./random";
import { playingVersions } from "./bots";
import * as openskill from "openskill";
import { headToHead, pointsFromPlaces, ratings, roundRobinSchedule, standings } from "./standings";

export type TournamentSettings = { rounds: number; matchesPerPair: number; seed?: number };

export type TournamentProgress = { tournamentId: string; status: string; done: number; total: number; etaMs: number | null };

const running = new Set<string>();

export async function startTournament(db: Db, actor: Actor | null, challengeId: string, settings: TournamentSettings) {
  assertOrganizer(actor, "run the tournament");
  const challenge = await db.challenge.findUnique({ where: { id: challengeId } });
  if (!challenge || challenge.kind !== "TOURNAMENT") throw notFound("That tournament doesn't exist.");
  const existing = await db.tournament.findUnique({ where: { challengeId } });
  if (existing?.status === "RUNNING") throw invalid("The tournament is already running.");
  const entries = await playingVersions(db, challengeId);
  if (entries.length < 2) throw invalid("A tournament needs at least two teams with a bot submitted before the deadline.");
  const seed = settings.seed ?? Math.floor(Math.random() * 2 ** 31);
  const schedule = roundRobinSchedule(entries, settings.matchesPerPair, seededRandom(seed));
  const tournament = await db.$transaction(async (tx) => {
    if (existing) await tx.tournament.delete({ where: { id: existing.id } }); // a re-run replaces the previous one
    const created = await tx.tournament.create({
      data: { challengeId, seed, rounds: settings.rounds, matchesPerPair: settings.matchesPerPair, total: schedule.length },
    });
    await tx.tournamentMatch.createMany({
      data: schedule.map((m, number) => ({
        tournamentId: created.id,
        number,
        teamAId: m.a.team.id,
        teamBId: m.b.team.id,
        versionAId: m.a.version.id,
        versionBId: m.b.version.id,
        seed: m.seed,
      })),
    });
    return created;
  });
  void runTournament(db, tournament.id); // off the request path: the page answers at once
  return tournament;
}

/** Plays the tournament's pending matches; safe to call again (it resumes, and never runs twice in a process). */
export async function runTournament(db: Db, tournamentId: string): Promise<void> {
  if (running.has(tournamentId)) return;
  running.add(tournamentId);
  try {
    const tournament = await db.tournament.findUnique({ where: { id: tournamentId }, include: { challenge: true } });
    if (!tournament || tournament.status !== "RUNNING") return;
    const pending = await db.tournamentMatch.findMany({ where: { tournamentId, status: "PENDING" }, orderBy: { number: "asc" } });
    const versionIds = [...new Set(pending.flatMap((m) => [m.versionAId, m.versionBId]))];
    const scripts = new Map((await db.botVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, compiled: true } })).map((v) => [v.id, v.compiled]));
    const editionId = tournament.challenge.editionId;
    const announce = coalesce((progress: TournamentProgress) => liveBus().publish(channels.arena(editionId), { type: "arena", data: progress }), 250);
    let done = tournament.total - pending.length;
    const started = Date.now();
    let playedHere = 0;
    await Promise.all(
      pending.map(async (match) => {
        let record: MatchRecord;
        try {
          record = await matchPool().run([scripts.get(match.versionAId)!, scripts.get(match.versionBId)!], { rounds: tournament.rounds, seed: match.seed });
        } catch (error) {
          console.error(`tournament ${tournamentId}: match ${match.number} failed, it will be retried on resume`, error);
          return;
        }
        await db.tournamentMatch.updateMany({
          where: { id: match.id, status: "PENDING" },
          data: {
            status: "DONE",
            winner: record.winner,
            winsA: record.wins[0],
            winsB: record.wins[1],
            draws: record.draws,
            record: JSON.stringify(record),
            finishedAt: new Date(),
          },
        });
        done++;
        playedHere++;
        const perMatch = (Date.now() - started) / playedHere;
        announce({ tournamentId, status: "RUNNING", done, total: tournament.total, etaMs: Math.round(perMatch * (tournament.total - done)) });
      }),
    );
    if ((await db.tournamentMatch.count({ where: { tournamentId, status: "PENDING" } })) === 0) {
      await finishTournament(db, tournamentId);
      announce({ tournamentId, status: "DONE", done: tournament.total, total: tournament.total, etaMs: 0 });
    }
  } finally {
    running.delete(tournamentId);
  }
}

/** The standings become the challenge's points (judges can still override), and the leaderboard hears of it. */
async function finishTournament(db: Db, tournamentId: string) {
  const tournament = await db.tournament.findUniqueOrThrow({ where: { id: tournamentId }, include: { challenge: true } });
  const rows = await tournamentStandings(db, tournamentId);
  const points = pointsFromPlaces(rows, parseRankPoints(tournament.challenge.rankPoints));
  await db.$transaction(async (tx) => {
    await tx.tournament.update({ where: { id: tournamentId }, data: { status: "DONE", finishedAt: new Date() } });
    for (const [teamId, value] of points) {
      const key = { challengeId_teamId: { challengeId: tournament.challengeId, teamId } };
      const current = await tx.score.findUnique({ where: key });
      if (current?.points === value) continue;
      await tx.score.upsert({
        where: key,
        create: { challengeId: tournament.challengeId, teamId, points: value, comment: "Tournament standings", updatedById: "system:tournament" },
        update: { points: value, comment: "Tournament standings", updatedById: "system:tournament", version: { increment: 1 } },
      });
      await tx.scoreAudit.create({
        data: { challengeId: tournament.challengeId, teamId, judgeId: "system:tournament", judgeName: "Tournament standings", oldPoints: current?.points ?? null, newPoints: value, comment: `Place in the tournament (seed ${tournament.seed})` },
      });
    }
  });
  announceLeaderboard(db, tournament.challenge.editionId);
}

export async function tournamentStandings(db: Db, tournamentId: string) {
  const matches = await db.tournamentMatch.findMany({ where: { tournamentId, status: "DONE" }, select: { teamAId: true, teamBId: true, winner: true, winsA: true, winsB: true } });
  const teamIds = [...new Set(matches.flatMap((m) => [m.teamAId, m.teamBId]))];
  const teams = await db.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true } });
  return standings(teams, matches);
}

/** Resumes every tournament left running (after a crash or a restart). */
export async function resumeTournaments(db: Db) {
  const left = await db.tournament.findMany({ where: { status: "RUNNING" }, select: { id: true } });
  for (const t of left) void runTournament(db, t.id);
}

export async function tournamentView(db: Db, challengeId: string) {
  const tournament = await db.tournament.findUnique({ where: { challengeId } });
  if (!tournament) return null;
  if (tournament.status === "RUNNING") void runTournament(db, tournament.id); // resume if nobody is running it
  const [done, rows, matches] = await Promise.all([
    db.tournamentMatch.count({ where: { tournamentId: tournament.id, status: "DONE" } }),
    tournamentStandings(db, tournament.id),
    db.tournamentMatch.findMany({
      where: { tournamentId: tournament.id, status: "DONE" },
      orderBy: { number: "asc" },
      select: { id: true, number: true, teamAId: true, teamBId: true, winner: true, winsA: true, winsB: true, draws: true, seed: true },
    }),
  ]);
  const rated = new Map(ratings(rows.map((r) => r.teamId), matches, openskill).map((r) => [r.teamId, r]));
  const matrix = headToHead(matches);
  return {
    tournament,
    done,
    standings: rows.map((r) => ({ ...r, rating: rated.get(r.teamId)! })),
    headToHead: rows.map((r) => ({ teamId: r.teamId, against: rows.map((o) => matrix.get(r.teamId)?.get(o.teamId) ?? null) })),
    matches,
  };
}

/** One finished match with its replay, for whoever may see its tournament. */
export async function tournamentMatch(db: Db, actor: Actor | null, matchId: string) {
  const match = await db.tournamentMatch.findUnique({ where: { id: matchId }, include: { tournament: { select: { challengeId: true } } } });
  if (!match || match.status !== "DONE" || !match.record) throw notFound("That match hasn't been played.");
  await getChallenge(db, actor, match.tournament.challengeId); // refuses a tournament this person can't see
  return { ...match, record: JSON.parse(match.record) as MatchRecord };
}
