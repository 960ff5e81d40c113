// What the arena shows: a team's bot versions, the bots playing a tournament,
// tournaments under way, their standings, views and single matches.
import type { Db } from "../platform/db";
import { notFound } from "../platform/errors";
import { msg } from "../platform/messages";
import { requireActor, type Actor } from "../people/rules";
import { canSeeEdition } from "../editions/rules";
import { canSeeChallenge } from "../challenges/rules";
import { getChallenge } from "../challenges/queries";
import type { MatchRecord } from "./engine/match";
import * as openskill from "openskill";
import { type Bye } from "./engine/schedule";
import { headToHead, ratings, standings } from "./engine/standings";

/** The team's bot versions, newest first (sources included: teammates edit together). */
export async function teamBotVersions(db: Db, actor: Actor | null, challengeId: string) {
  const me = requireActor(actor);
  const { teamId } = await tournamentFor(db, me, challengeId);
  if (!teamId) return [];
  return db.botVersion.findMany({
    where: { bot: { challengeId, teamId } },
    orderBy: { version: "desc" },
    select: { id: true, version: true, language: true, source: true, createdAt: true, submittedById: true },
  });
}

/** The versions that play: each team's last submission before the deadline. */
export async function playingVersions(db: Db, challengeId: string) {
  const challenge = await db.challenge.findUnique({ where: { id: challengeId } });
  if (!challenge) throw notFound(msg("arena.tournament.notFound"));
  const bots = await db.bot.findMany({
    where: { challengeId },
    include: {
      team: { select: { id: true, name: true } },
      versions: { where: { createdAt: { lt: challenge.closesAt } }, orderBy: { version: "desc" }, take: 1 },
    },
  });
  return bots.filter((b) => b.versions.length > 0).map((b) => ({ team: b.team, version: b.versions[0] }));
}

export async function tournamentFor(db: Db, actor: Actor, challengeId: string) {
  const challenge = await db.challenge.findUnique({ where: { id: challengeId } });
  if (!challenge || challenge.kind !== "TOURNAMENT") throw notFound(msg("arena.tournament.notFound"));
  const membership = await db.teamMember.findUnique({ where: { editionId_userId: { editionId: challenge.editionId, userId: actor.id } } });
  return { challenge, teamId: membership?.teamId ?? null };
}

export type { TournamentProgress } from "../platform/events";

export async function tournamentStandings(db: Db, tournamentId: string) {
  const [tournament, matches] = await Promise.all([
    db.tournament.findUniqueOrThrow({ where: { id: tournamentId }, select: { byes: true } }),
    db.tournamentMatch.findMany({
      where: { tournamentId },
      select: { teamAId: true, teamBId: true, status: true, winner: true, winsA: true, winsB: true, forfeitA: true, forfeitB: true },
    }),
  ]);
  const byes = parseByes(tournament).map((b) => b.teamId);
  // every team scheduled is in the standings from the start, played or not
  const teamIds = [...new Set([...matches.flatMap((m) => [m.teamAId, m.teamBId]), ...byes])];
  const teams = await db.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true } });
  return standings(
    teams,
    matches.filter((m) => m.status === "DONE"),
    byes,
  );
}

/**
 * The tournaments running now that this person may see, with their progress
 * (matches done of the total, and a time left estimated from the pace so
 * far): the progress bar every open page shows.
 */
export async function runningTournaments(db: Db, actor: Actor | null, now = new Date()) {
  if (!actor) return [];
  const rows = await db.tournament.findMany({
    where: { status: "RUNNING" },
    include: { challenge: { include: { edition: true } } },
    orderBy: { startedAt: "asc" },
  });
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

/** A tournament challenge's run: progress, standings and the matches played (null before it first ran). */
export async function tournamentView(db: Db, actor: Actor | null, challengeId: string) {
  await getChallenge(db, actor, challengeId); // refuses a tournament this person can't see
  const tournament = await db.tournament.findUnique({ where: { challengeId } });
  if (!tournament) return null;
  const [rows, matches] = await Promise.all([
    tournamentStandings(db, tournament.id),
    db.tournamentMatch.findMany({
      where: { tournamentId: tournament.id, status: "DONE" },
      orderBy: { number: "asc" },
      select: {
        id: true,
        number: true,
        round: true,
        teamAId: true,
        teamBId: true,
        winner: true,
        winsA: true,
        winsB: true,
        draws: true,
        seed: true,
        forfeitA: true,
        forfeitB: true,
      },
    }),
  ]);
  const rated = new Map(
    ratings(
      rows.map((r) => r.teamId),
      matches,
      openskill,
    ).map((r) => [r.teamId, r]),
  );
  const matrix = headToHead(matches);
  return {
    tournament,
    done: matches.length,
    standings: rows.map((r) => ({ ...r, rating: rated.get(r.teamId)! })),
    headToHead: rows.map((r) => ({ teamId: r.teamId, against: rows.map((o) => matrix.get(r.teamId)?.get(o.teamId) ?? null) })),
    matches,
  };
}

/** A tournament's matches with their forfeits said by `say` (the reader's language): for a JSON answer or a page. */
export function tournamentSaid<T extends { matches: { forfeitA: string | null; forfeitB: string | null }[] }>(view: T, say: (text: string) => string): T {
  return { ...view, matches: view.matches.map((m) => ({ ...m, forfeitA: m.forfeitA && say(m.forfeitA), forfeitB: m.forfeitB && say(m.forfeitB) })) };
}

/** One finished match with its replay, for whoever may see its tournament. */
export async function tournamentMatch(db: Db, actor: Actor | null, matchId: string) {
  const match = await db.tournamentMatch.findUnique({ where: { id: matchId }, include: { tournament: { select: { challengeId: true } } } });
  if (!match || match.status !== "DONE" || !match.record) throw notFound(msg("arena.tournament.matchNotPlayed"));
  await getChallenge(db, actor, match.tournament.challengeId); // refuses a tournament this person can't see
  return { ...match, record: JSON.parse(match.record) as MatchRecord };
}

export async function progressOf(db: Db, tournamentId: string) {
  const [done, tournament] = await Promise.all([
    db.tournamentMatch.count({ where: { tournamentId, status: "DONE" } }),
    db.tournament.findUniqueOrThrow({ where: { id: tournamentId }, select: { total: true } }),
  ]);
  return { done, total: tournament.total };
}
export const parseByes = (t: Pick<TournamentRow, "byes">) => JSON.parse(t.byes) as Bye[];

export type TournamentRow = { id: string; seed: number; format: string; matchesPerPair: number; swissRounds: number; byes: string };
