// Running a tournament: the bots that play (each team's last version before
// the deadline) meet in a round robin (every pair `matchesPerPair` times) or
// in a Swiss tournament (paired round by round by their standings). Matches run on
// the worker pool off the request path; each one is stored as it finishes,
// so a crash or a restart resumes with the matches left, and the tournament's
// seed makes a re-run with the same bots identical. The final standings
// become the challenge's points on the bonus leaderboard.
import type { Db } from "../db";
import { invalid, notFound } from "../errors";
import { channels, liveBus } from "../live/bus";
import { coalesce } from "../live/coalesce";
import { assertOrganizer, canSeeEdition, type Actor } from "../permissions";
import { canSeeChallenge } from "../challenge-rules";
import { parseRankPoints } from "../challenge-rules";
import { announceLeaderboard, getChallenge } from "../challenges";
import type { MatchRecord } from "./match";
import { matchPool } from "./pool";
import { playingVersions } from "./bots";
import * as openskill from "openskill";
import type { GameId } from "./games/types";
import { describeIfAny } from "./record";
import { plannedTotal, scheduleRound, type Bye, type ScheduleSettings, type TournamentFormat } from "./schedule";
import { headToHead, pointsFromPlaces, ratings, standings } from "./standings";
import { defaultSwissRounds } from "./swiss";

export type TournamentProgress = { tournamentId: string; status: string; done: number; total: number; etaMs: number | null };

const running = new Set<string>();

type TournamentRow = { id: string; seed: number; format: string; matchesPerPair: number; swissRounds: number; byes: string };
const scheduleSettings = (t: TournamentRow): ScheduleSettings => ({ format: t.format as TournamentFormat, matchesPerPair: t.matchesPerPair, seed: t.seed, swissRounds: t.swissRounds });
const parseByes = (t: Pick<TournamentRow, "byes">) => JSON.parse(t.byes) as Bye[];

/**
 * Starts the tournament with the challenge's settings (game, rounds per
 * match, matches per pair, format): the teams' last bots before the deadline,
 * in the order of their names, so that the command line given the same bots
 * in the same order and the same seed plays the same matches.
 */
export async function startTournament(db: Db, actor: Actor | null, challengeId: string, { seed: chosenSeed }: { seed?: number } = {}) {
  assertOrganizer(actor, "run the tournament");
  const challenge = await db.challenge.findUnique({ where: { id: challengeId } });
  if (!challenge || challenge.kind !== "TOURNAMENT") throw notFound("That tournament doesn't exist.");
  const existing = await db.tournament.findUnique({ where: { challengeId } });
  if (existing?.status === "RUNNING") throw invalid("The tournament is already running.");
  const entries = (await playingVersions(db, challengeId)).sort((a, b) => a.team.name.localeCompare(b.team.name));
  if (entries.length < 2) throw invalid("A tournament needs at least two teams with a bot submitted before the deadline.");
  const seed = chosenSeed ?? Math.floor(Math.random() * 2 ** 31);
  const format = challenge.format as TournamentFormat;
  const settings: ScheduleSettings = { format, matchesPerPair: challenge.matchesPerPair, seed, swissRounds: format === "SWISS" ? (challenge.swissRounds ?? defaultSwissRounds(entries.length)) : 0 };
  const teams = entries.map((e) => ({ id: e.team.id, name: e.team.name }));
  const first = scheduleRound(teams, settings, 0, [], []);
  const versionOf = new Map(entries.map((e) => [e.team.id, e.version.id]));
  const tournament = await db.$transaction(async (tx) => {
    if (existing) await tx.tournament.delete({ where: { id: existing.id } }); // a re-run replaces the previous one
    const created = await tx.tournament.create({
      data: {
        challengeId,
        seed,
        game: challenge.game,
        rounds: challenge.matchRounds,
        matchesPerPair: challenge.matchesPerPair,
        format,
        swissRounds: settings.swissRounds,
        entries: JSON.stringify(entries.map((e) => ({ teamId: e.team.id, versionId: e.version.id }))),
        byes: JSON.stringify(first.bye ? [first.bye] : []),
        total: plannedTotal(settings, entries.length),
      },
    });
    await tx.tournamentMatch.createMany({ data: first.matches.map((m, number) => ({ tournamentId: created.id, number, ...m, versionAId: versionOf.get(m.teamAId)!, versionBId: versionOf.get(m.teamBId)! })) });
    return created;
  });
  void runTournament(db, tournament.id); // off the request path: the page answers at once
  return tournament;
}

/** Plays the tournament's pending matches, round after round; safe to call again (it resumes, and never runs twice in a process). */
export async function runTournament(db: Db, tournamentId: string): Promise<void> {
  if (running.has(tournamentId)) return;
  running.add(tournamentId);
  try {
    const tournament = await db.tournament.findUnique({ where: { id: tournamentId }, include: { challenge: true } });
    if (!tournament || tournament.status !== "RUNNING") return;
    const editionId = tournament.challenge.editionId;
    const announce = coalesce((progress: TournamentProgress) => liveBus().publish(channels.arena(editionId), { type: "arena", data: progress }), 250);
    const started = Date.now();
    let playedHere = 0;
    for (;;) {
      const pending = await db.tournamentMatch.findMany({ where: { tournamentId, status: "PENDING" }, orderBy: { number: "asc" } });
      if (pending.length === 0 && !(await pairNextSwissRound(db, tournamentId))) break;
      const versionIds = [...new Set(pending.flatMap((m) => [m.versionAId, m.versionBId]))];
      const scripts = new Map((await db.botVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, compiled: true } })).map((v) => [v.id, v.compiled]));
      // read once a round (a Swiss round raises the total), then counted here as matches finish
      const progress = await progressOf(db, tournamentId);
      const total = progress.total;
      let done = progress.done;
      let failed = false;
      await Promise.all(
        pending.map(async (match) => {
          let record: MatchRecord;
          try {
            record = await matchPool().run([scripts.get(match.versionAId)!, scripts.get(match.versionBId)!], { game: tournament.game as GameId, rounds: tournament.rounds, seed: match.seed });
          } catch (error) {
            failed = true;
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
              forfeitA: describeIfAny(record, 0),
              forfeitB: describeIfAny(record, 1),
              record: JSON.stringify(record),
              finishedAt: new Date(),
            },
          });
          playedHere++;
          done++;
          const perMatch = (Date.now() - started) / playedHere;
          announce({ tournamentId, status: "RUNNING", done, total, etaMs: Math.round(perMatch * (total - done)) });
        }),
      );
      if (failed) return; // left running: the next resume retries what failed
    }
    await finishTournament(db, tournamentId);
    const { total } = await progressOf(db, tournamentId);
    announce({ tournamentId, status: "DONE", done: total, total, etaMs: 0 });
  } finally {
    running.delete(tournamentId);
  }
}

async function progressOf(db: Db, tournamentId: string) {
  const [done, tournament] = await Promise.all([db.tournamentMatch.count({ where: { tournamentId, status: "DONE" } }), db.tournament.findUniqueOrThrow({ where: { id: tournamentId }, select: { total: true } })]);
  return { done, total: tournament.total };
}

/**
 * A Swiss tournament whose round is over gets its next round paired from the
 * standings (false when it has played its last round). Stored in one
 * transaction, so a crash pairs the round again from the same results.
 */
async function pairNextSwissRound(db: Db, tournamentId: string): Promise<boolean> {
  const tournament = await db.tournament.findUniqueOrThrow({ where: { id: tournamentId } });
  if (tournament.format !== "SWISS") return false;
  const played = await db.tournamentMatch.findMany({ where: { tournamentId }, orderBy: { number: "asc" } });
  const round = Math.max(-1, ...played.map((m) => m.round)) + 1;
  const byes = parseByes(tournament);
  const versionOf = new Map((JSON.parse(tournament.entries) as { teamId: string; versionId: string }[]).map((e) => [e.teamId, e.versionId]));
  const teams = await db.team.findMany({ where: { id: { in: [...versionOf.keys()] } }, select: { id: true, name: true } });
  teams.sort((a, b) => a.name.localeCompare(b.name));
  const next = scheduleRound(teams, scheduleSettings(tournament), round, played, byes);
  if (next.matches.length === 0) return false;
  await db.$transaction(async (tx) => {
    await tx.tournamentMatch.createMany({
      data: next.matches.map((m, i) => ({ tournamentId, number: played.length + i, ...m, versionAId: versionOf.get(m.teamAId)!, versionBId: versionOf.get(m.teamBId)! })),
    });
    const allByes = next.bye ? [...byes, next.bye] : byes;
    // the total so far, plus what the rounds left can add at most
    const total = played.length + next.matches.length + (tournament.swissRounds - round - 1) * next.matches.length;
    await tx.tournament.update({ where: { id: tournamentId }, data: { byes: JSON.stringify(allByes), total } });
  });
  return true;
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
  const [tournament, matches] = await Promise.all([
    db.tournament.findUniqueOrThrow({ where: { id: tournamentId }, select: { byes: true } }),
    db.tournamentMatch.findMany({ where: { tournamentId }, select: { teamAId: true, teamBId: true, status: true, winner: true, winsA: true, winsB: true, forfeitA: true, forfeitB: true } }),
  ]);
  const byes = parseByes(tournament).map((b) => b.teamId);
  // every team scheduled is in the standings from the start, played or not
  const teamIds = [...new Set([...matches.flatMap((m) => [m.teamAId, m.teamBId]), ...byes])];
  const teams = await db.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true } });
  return standings(teams, matches.filter((m) => m.status === "DONE"), byes);
}

/**
 * The tournaments running now that this person may see, with their progress
 * (matches done of the total, and a time left estimated from the pace so
 * far): the progress bar every open page shows.
 */
export async function runningTournaments(db: Db, actor: Actor | null, now = new Date()) {
  if (!actor) return [];
  const rows = await db.tournament.findMany({ where: { status: "RUNNING" }, include: { challenge: { include: { edition: true } } }, orderBy: { startedAt: "asc" } });
  const visible = rows.filter((t) => canSeeEdition(actor, t.challenge.edition) && canSeeChallenge(t.challenge, actor.role, now));
  return Promise.all(
    visible.map(async (t) => {
      const { done, total } = await progressOf(db, t.id);
      const elapsed = now.getTime() - t.startedAt.getTime();
      return {
        tournamentId: t.id,
        challengeId: t.challengeId,
        title: t.challenge.title,
        editionNumber: t.challenge.edition.number,
        done,
        total,
        etaMs: done > 0 ? Math.round((elapsed / done) * (total - done)) : null,
      };
    }),
  );
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
  const [rows, matches] = await Promise.all([
    tournamentStandings(db, tournament.id),
    db.tournamentMatch.findMany({
      where: { tournamentId: tournament.id, status: "DONE" },
      orderBy: { number: "asc" },
      select: { id: true, number: true, round: true, teamAId: true, teamBId: true, winner: true, winsA: true, winsB: true, draws: true, seed: true, forfeitA: true, forfeitB: true },
    }),
  ]);
  const rated = new Map(ratings(rows.map((r) => r.teamId), matches, openskill).map((r) => [r.teamId, r]));
  const matrix = headToHead(matches);
  return {
    tournament,
    done: matches.length,
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
