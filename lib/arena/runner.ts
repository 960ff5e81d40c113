// The tournament runner: plays a running tournament's matches round after
// round in the sandboxed match pool, records each result, and announces the
// progress and, at the end, the challenge's points. It picks up where it
// stopped: the server's start-up (app/_lib/start.ts) resumes the tournaments a
// restart interrupted, and keeps picking up any whose runner stopped early.
//
// Several instances may share the database: one plays a tournament at a
// time, under a lease kept in its row and renewed while it plays. When that
// instance dies, the lease runs out and another takes the tournament over.
// Each match is played from its own seed and recorded once, and a Swiss
// round is paired from the recorded results, so the standings are those of
// an uninterrupted run.
import type { Db } from "../platform/db";
import { INSTANCE } from "../platform/instance";
import { tournamentLeaseMs } from "../platform/config";
import type { GameId } from "./engine/games/types";
import { type MatchRecord } from "./engine/match";
import { matchPool } from "./engine/pool";
import { progressOf, parseByes, tournamentStandings, TournamentRow } from "./queries";
import { announce, type TournamentProgress } from "../platform/events";
import { parseRankPoints } from "../challenges/rules";
import { describeIfAny, forfeitKind } from "./engine/record";
import { metrics } from "../platform/metrics";
import { scheduleRound, type ScheduleSettings, type TournamentFormat } from "./engine/schedule";
import { pointsFromPlaces } from "./engine/standings";
import { log } from "../platform/log";

/**
 * Plays the tournament's pending matches, round after round, if no other
 * instance does; safe to call again (it resumes, and never runs twice in a
 * process). It stops, leaving the rest to whoever holds the lease, if the
 * lease is lost (this process was too slow to renew it).
 */
export async function runTournament(db: Db, tournamentId: string): Promise<void> {
  if (running.has(tournamentId)) return;
  running.add(tournamentId);
  const lease = await claimLease(db, tournamentId).catch((error) => {
    running.delete(tournamentId);
    throw error;
  });
  if (!lease) return void running.delete(tournamentId);
  try {
    const tournament = await db.tournament.findUnique({ where: { id: tournamentId }, include: { challenge: true } });
    if (!tournament || tournament.status !== "RUNNING") return;
    const editionId = tournament.challenge.editionId;
    // not awaited: matches go on while open pages hear of the progress
    const progressed = (progress: TournamentProgress) => void announce({ type: "tournament.progressed", editionId, progress });
    const started = Date.now();
    let playedHere = 0;
    for (;;) {
      if (lease.lost()) return;
      const pending = await db.tournamentMatch.findMany({ where: { tournamentId, status: "PENDING" }, orderBy: { number: "asc" } });
      if (pending.length === 0 && !(await pairNextSwissRound(db, tournamentId))) break;
      const versionIds = [...new Set(pending.flatMap((m) => [m.versionAId, m.versionBId]))];
      const scripts = new Map(
        (await db.botVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, compiled: true } })).map((v) => [v.id, v.compiled]),
      );
      // read once a round (a Swiss round raises the total), then counted here as matches finish
      const progress = await progressOf(db, tournamentId);
      const total = progress.total;
      let done = progress.done;
      let failed = false;
      await Promise.all(
        pending.map(async (match) => {
          let record: MatchRecord;
          try {
            record = await matchPool().run([scripts.get(match.versionAId)!, scripts.get(match.versionBId)!], {
              game: tournament.game as GameId,
              rounds: tournament.rounds,
              seed: match.seed,
            });
          } catch (error) {
            failed = true;
            log().error({ err: error, tournamentId }, `tournament match ${match.number} failed, it will be retried on resume`);
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
          const counted = metrics();
          counted.matches.inc();
          counted.moves.inc(record.moves[0].length + record.moves[1].length);
          for (const forfeit of record.forfeits) counted.forfeits.inc({ reason: forfeitKind(forfeit.reason) });
          playedHere++;
          done++;
          const perMatch = (Date.now() - started) / playedHere;
          progressed({ tournamentId, status: "RUNNING", done, total, etaMs: Math.round(perMatch * (total - done)) });
        }),
      );
      if (failed) return; // left running: the next resume retries what failed
    }
    if (!(await finishTournament(db, tournamentId))) return; // another instance took it over meanwhile
    const { total } = await progressOf(db, tournamentId);
    progressed({ tournamentId, status: "DONE", done: total, total, etaMs: 0 });
  } finally {
    await lease.release();
    running.delete(tournamentId);
  }
}

/** Resumes every tournament left running that nobody plays (after a crash or a restart, here or in another instance). */
export async function resumeTournaments(db: Db) {
  const left = await db.tournament.findMany({
    where: { status: "RUNNING", ...playableHere() },
    select: { id: true },
  });
  for (const t of left) playInBackground(db, t.id);
}

/** Plays the tournament off the request path; a failure (the database went away) is logged, and the next resume retries. */
export function playInBackground(db: Db, tournamentId: string): void {
  runTournament(db, tournamentId).catch((error: Error) => log().error({ err: error, tournamentId }, "tournament stopped; it resumes later"));
}

/** Hands back the leases of this process (it is stopping): another instance takes the tournaments over at once, and this one starts no more matches. */
export async function releaseTournaments(db: Db) {
  stopping = true;
  await db.tournament.updateMany({ where: { leaseOwner: INSTANCE }, data: { leaseOwner: null, leaseUntil: null } });
}

const running = new Set<string>();
let stopping = false;

type Lease = { lost: () => boolean; release: () => Promise<void> };

/** A tournament this process may play: nobody holds it, this process does, or its holder's lease ran out. */
const playableHere = () => ({ OR: [{ leaseOwner: null }, { leaseOwner: INSTANCE }, { leaseUntil: { lt: new Date() } }] });

/** Takes the tournament's lease if it is free, ours, or ran out; renews it while held. Null when another instance plays it. */
async function claimLease(db: Db, tournamentId: string): Promise<Lease | null> {
  if (stopping) return null;
  const ttl = tournamentLeaseMs();
  const until = () => new Date(Date.now() + ttl);
  const claimed = await db.tournament.updateMany({
    where: { id: tournamentId, status: "RUNNING", ...playableHere() },
    data: { leaseOwner: INSTANCE, leaseUntil: until() },
  });
  if (claimed.count === 0) return null;
  let lost = false;
  const renew = setInterval(() => {
    db.tournament
      .updateMany({ where: { id: tournamentId, leaseOwner: INSTANCE }, data: { leaseUntil: until() } })
      .then(({ count }) => {
        if (count === 0) lost = true;
      })
      .catch((error: Error) => log().error({ err: error, tournamentId }, "tournament: could not renew its lease"));
  }, ttl / 3);
  renew.unref();
  return {
    lost: () => lost || stopping,
    release: async () => {
      clearInterval(renew);
      await db.tournament
        .updateMany({ where: { id: tournamentId, leaseOwner: INSTANCE }, data: { leaseOwner: null, leaseUntil: null } })
        .catch((error: Error) => log().error({ err: error, tournamentId }, "tournament: could not hand back its lease"));
    },
  };
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
      data: next.matches.map((m, i) => ({
        tournamentId,
        number: played.length + i,
        ...m,
        versionAId: versionOf.get(m.teamAId)!,
        versionBId: versionOf.get(m.teamBId)!,
      })),
    });
    const allByes = next.bye ? [...byes, next.bye] : byes;
    // the total so far, plus what the rounds left can add at most
    const total = played.length + next.matches.length + (tournament.swissRounds - round - 1) * next.matches.length;
    await tx.tournament.update({ where: { id: tournamentId }, data: { byes: JSON.stringify(allByes), total } });
  });
  return true;
}

/**
 * The standings become the challenge's points (judges can still override):
 * the leaderboard and the edition's pages show them. False when this process
 * no longer holds the tournament (then its new owner finishes it).
 */
async function finishTournament(db: Db, tournamentId: string): Promise<boolean> {
  const tournament = await db.tournament.findUniqueOrThrow({ where: { id: tournamentId }, include: { challenge: true } });
  const rows = await tournamentStandings(db, tournamentId);
  const points = pointsFromPlaces(rows, parseRankPoints(tournament.challenge.rankPoints));
  const finished = await db.$transaction(async (tx) => {
    const { count } = await tx.tournament.updateMany({
      where: { id: tournamentId, status: "RUNNING", leaseOwner: INSTANCE },
      data: { status: "DONE", finishedAt: new Date() },
    });
    if (count === 0) return false;
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
        data: {
          challengeId: tournament.challengeId,
          teamId,
          judgeId: "system:tournament",
          judgeName: "Tournament standings",
          oldPoints: current?.points ?? null,
          newPoints: value,
          comment: `Place in the tournament (seed ${tournament.seed})`,
        },
      });
    }
    return true;
  });
  if (finished) await announce({ type: "challenges.changed", editionId: tournament.challenge.editionId });
  return finished;
}

const scheduleSettings = (t: TournamentRow): ScheduleSettings => ({
  format: t.format as TournamentFormat,
  matchesPerPair: t.matchesPerPair,
  seed: t.seed,
  swissRounds: t.swissRounds,
});
