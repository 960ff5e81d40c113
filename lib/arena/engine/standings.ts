// Tournament results as pure functions: standings (match points 3/1/0,
// wins/draws/losses, rounds won), the head-to-head matrix, and challenge
// points from the final places.

export type PlayedMatch = {
  teamAId: string;
  teamBId: string;
  winner: number | null;
  winsA: number;
  winsB: number;
  /** why a side forfeited ("round 10: exceeded 50 ms"), if it did */
  forfeitA?: string | null;
  forfeitB?: string | null;
};

export type Standing = {
  teamId: string;
  name: string;
  played: number;
  won: number;
  drawn: number;
  lost: number;
  matchPoints: number;
  roundsWon: number;
  roundsLost: number;
  /** matches lost by forfeit */
  forfeits: number;
  /** Swiss rounds sat out, each counted as a win */
  byes: number;
  place: number;
};

/** A Swiss bye is worth a win's points. */
export const BYE_POINTS = 3;

export function standings(teams: { id: string; name: string }[], matches: PlayedMatch[], byes: string[] = []): Standing[] {
  const rows = new Map(
    teams.map((t) => [
      t.id,
      { teamId: t.id, name: t.name, played: 0, won: 0, drawn: 0, lost: 0, matchPoints: 0, roundsWon: 0, roundsLost: 0, forfeits: 0, byes: 0, place: 0 },
    ]),
  );
  for (const teamId of byes) {
    const row = rows.get(teamId);
    if (!row) continue;
    row.byes++;
    row.matchPoints += BYE_POINTS;
  }
  for (const m of matches) {
    const a = rows.get(m.teamAId);
    const b = rows.get(m.teamBId);
    if (!a || !b) continue;
    a.played++;
    b.played++;
    a.roundsWon += m.winsA;
    a.roundsLost += m.winsB;
    b.roundsWon += m.winsB;
    b.roundsLost += m.winsA;
    if (m.forfeitA) a.forfeits++;
    if (m.forfeitB) b.forfeits++;
    if (m.forfeitA && m.forfeitB) {
      // both broke the rules: nobody earns a point
      a.lost++;
      b.lost++;
    } else if (m.winner === 0) {
      a.won++;
      b.lost++;
      a.matchPoints += 3;
    } else if (m.winner === 1) {
      b.won++;
      a.lost++;
      b.matchPoints += 3;
    } else {
      a.drawn++;
      b.drawn++;
      a.matchPoints++;
      b.matchPoints++;
    }
  }
  const compare = (x: Standing, y: Standing) => y.matchPoints - x.matchPoints || y.roundsWon - y.roundsLost - (x.roundsWon - x.roundsLost);
  const sorted = [...rows.values()].sort((x, y) => compare(x, y) || x.name.localeCompare(y.name));
  sorted.forEach((row, i) => (row.place = i > 0 && compare(sorted[i - 1], row) === 0 ? sorted[i - 1].place : i + 1));
  return sorted;
}

/** For each pair: how the row's team did against the column's (won, drawn, lost matches). */
export function headToHead(matches: PlayedMatch[]): Map<string, Map<string, { won: number; drawn: number; lost: number }>> {
  const matrix = new Map<string, Map<string, { won: number; drawn: number; lost: number }>>();
  const cell = (a: string, b: string) => {
    if (!matrix.has(a)) matrix.set(a, new Map());
    const row = matrix.get(a)!;
    if (!row.has(b)) row.set(b, { won: 0, drawn: 0, lost: 0 });
    return row.get(b)!;
  };
  for (const m of matches) {
    const ab = cell(m.teamAId, m.teamBId);
    const ba = cell(m.teamBId, m.teamAId);
    if (m.winner === 0) {
      ab.won++;
      ba.lost++;
    } else if (m.winner === 1) {
      ab.lost++;
      ba.won++;
    } else {
      ab.drawn++;
      ba.drawn++;
    }
  }
  return matrix;
}

/** Challenge points from the final places (10, 7, 5, 3, 1 by default); tied teams share their place's points. */
export function pointsFromPlaces(rows: Standing[], rankPoints: number[]): Map<string, number> {
  return new Map(rows.map((r) => [r.teamId, rankPoints[r.place - 1] ?? 0]));
}

/** Every pair plays `perPair` matches, sides alternating, each with its own seed drawn from the tournament's. */
export function roundRobinSchedule<T>(entries: T[], perPair: number, random: () => number): { a: T; b: T; seed: number }[] {
  const schedule: { a: T; b: T; seed: number }[] = [];
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      for (let k = 0; k < perPair; k++) {
        const [a, b] = k % 2 === 0 ? [entries[i], entries[j]] : [entries[j], entries[i]];
        schedule.push({ a, b, seed: Math.floor(random() * 2 ** 31) });
      }
    }
  }
  return schedule;
}

export type Rating = { teamId: string; mu: number; sigma: number; /** mu − 3σ: what the team is almost surely at least worth */ conservative: number };

/**
 * Ratings with their uncertainty (Weng-Lin / OpenSkill, a TrueSkill-like
 * Bayesian method, via the `openskill` package), from the matches in the
 * order they were scheduled, so the same tournament gives the same ratings.
 */
export function ratings(teamIds: string[], matches: (PlayedMatch & { number: number })[], skill: typeof import("openskill")): Rating[] {
  const current = new Map(teamIds.map((id) => [id, skill.rating()]));
  for (const m of [...matches].sort((a, b) => a.number - b.number)) {
    const a = current.get(m.teamAId);
    const b = current.get(m.teamBId);
    if (!a || !b) continue;
    const rank = m.winner === 0 ? [1, 2] : m.winner === 1 ? [2, 1] : [1, 1];
    const [[a2], [b2]] = skill.rate([[a], [b]], { rank });
    current.set(m.teamAId, a2);
    current.set(m.teamBId, b2);
  }
  return teamIds.map((teamId) => {
    const r = current.get(teamId)!;
    return { teamId, mu: r.mu, sigma: r.sigma, conservative: r.mu - 3 * r.sigma };
  });
}
