// The mini-challenge bonus of each team: the one computation both the
// challenges leaderboard and the final ranking of the vote use. A judging
// track whose results are published and that gives points by place counts
// as one more column.
import { challengePoints } from "./rules";
import type { Db } from "../platform/db";
import { trackBonusRows } from "../judging/queries";
import { parseBonusPoints, trackBonus } from "../judging/rules";

export type Leaderboard = {
  /** kind: a challenge's (RIDDLE, JUDGED, TOURNAMENT), or TRACK for a judging track */
  challenges: { id: string; title: string; kind: string }[];
  rows: { teamId: string; name: string; perChallenge: Record<string, number>; total: number; place: number }[];
};

/** Per challenge and overall bonus points per team, best first (tied teams share a place). */
export async function bonusLeaderboard(db: Db, editionId: string): Promise<Leaderboard> {
  const [challenges, teams, tracks] = await Promise.all([
    db.challenge.findMany({
      where: { editionId },
      orderBy: [{ opensAt: "asc" }, { title: "asc" }],
      include: { solves: { select: { teamId: true, solvedAt: true } }, scores: { select: { teamId: true, points: true } } },
    }),
    db.team.findMany({ where: { editionId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    trackBonusRows(db, editionId),
  ]);
  const rows = teams.map((t) => ({ teamId: t.id, name: t.name, perChallenge: {} as Record<string, number>, total: 0, place: 0 }));
  const byTeam = new Map(rows.map((r) => [r.teamId, r]));
  for (const c of challenges) {
    for (const [teamId, points] of challengePoints(c, c.solves, c.scores)) {
      const row = byTeam.get(teamId);
      if (!row) continue;
      row.perChallenge[c.id] = points;
      row.total += points;
    }
  }
  for (const { track, standings } of tracks) {
    for (const [teamId, points] of trackBonus(standings, parseBonusPoints(track.bonusPoints))) {
      const row = byTeam.get(teamId);
      if (!row) continue;
      row.perChallenge[track.id] = points;
      row.total += points;
    }
  }
  rows.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  rows.forEach((row, i) => (row.place = i > 0 && rows[i - 1].total === row.total ? rows[i - 1].place : i + 1));
  return {
    challenges: [
      ...challenges.map((c) => ({ id: c.id, title: c.title, kind: c.kind })),
      ...tracks.map(({ track }) => ({ id: track.id, title: track.name, kind: "TRACK" })),
    ],
    rows,
  };
}

/** Each team's bonus points, added to its audience points in the vote's final ranking. */
export async function teamBonusPoints(db: Db, editionId: string): Promise<Map<string, number>> {
  const board = await bonusLeaderboard(db, editionId);
  return new Map(board.rows.map((r) => [r.teamId, r.total]));
}
