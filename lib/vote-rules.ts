// The rules of the audience vote, as pure functions: what a valid ballot is,
// how many points a pick is worth, how ballots are tallied, and how teams are
// ranked once the mini-challenge bonus is added.

import { invalid } from "./errors";

export const VOTE_METHODS = ["RANKED", "APPROVAL"] as const;
export type VoteMethod = (typeof VOTE_METHODS)[number];
export const VOTE_STATUSES = ["NOT_OPEN", "OPEN", "CLOSED"] as const;
export type VoteStatus = (typeof VOTE_STATUSES)[number];

export type VoteRules = { method: VoteMethod; picks: number };

/** RANKED with 3 picks: the favourite gets 3 points, the second 2, the third 1. APPROVAL: 1 point per pick. */
export function pointsFor(rules: VoteRules, rank: number): number {
  return rules.method === "RANKED" ? rules.picks - rank + 1 : 1;
}

/**
 * Checks a ballot (team ids, favourite first) and returns it unchanged, or
 * throws the reason a voter can act on.
 */
export function checkBallot(teamIds: string[], rules: VoteRules, teams: ReadonlySet<string>, ownTeamId?: string | null): string[] {
  if (teamIds.length === 0) throw invalid("Pick at least one team.", "teamIds");
  if (teamIds.length > rules.picks) {
    throw invalid(`Pick at most ${rules.picks} team${rules.picks === 1 ? "" : "s"}.`, "teamIds");
  }
  if (new Set(teamIds).size !== teamIds.length) throw invalid("Each team can be picked only once.", "teamIds");
  if (teamIds.some((id) => !teams.has(id))) throw invalid("One of the teams picked is not in this vote.", "teamIds");
  if (ownTeamId && teamIds.includes(ownTeamId)) throw invalid("You can't vote for your own team.", "teamIds");
  return teamIds;
}

export type TeamTally = {
  teamId: string;
  audiencePoints: number;
  /** how many ballots put the team at each rank: [firsts, seconds, thirds, …] */
  placeCounts: number[];
  ballots: number;
};

export type StoredBallot = { picks: { teamId: string; rank: number }[] };

/** Audience points per team from the stored ballots (teams with no vote get 0). */
export function tally(ballots: StoredBallot[], rules: VoteRules, teamIds: string[]): Map<string, TeamTally> {
  const result = new Map<string, TeamTally>(
    teamIds.map((teamId) => [teamId, { teamId, audiencePoints: 0, placeCounts: Array(rules.picks).fill(0), ballots: 0 }]),
  );
  for (const ballot of ballots) {
    for (const pick of ballot.picks) {
      const entry = result.get(pick.teamId);
      if (!entry || pick.rank < 1 || pick.rank > rules.picks) continue; // a team removed since, or a rank the rules no longer know
      entry.audiencePoints += pointsFor(rules, pick.rank);
      // approval picks are unordered (the order is only how they were tapped): they all count as "first"
      entry.placeCounts[rules.method === "RANKED" ? pick.rank - 1 : 0] += 1;
      entry.ballots += 1;
    }
  }
  return result;
}

export type Weights = { audience: number; bonus: number };

export type RankedTeam = TeamTally & {
  bonusPoints: number;
  total: number;
  /** 1 = first; tied teams share a place */
  place: number;
  tied: boolean;
};

/**
 * Final ranking: total = audience × weight + bonus × weight. Ties break by the
 * number of first-place picks, then second-place picks, and so on; teams equal
 * on all of these stay tied and share a place.
 */
export function rankTeams(tallies: Iterable<TeamTally>, bonus: ReadonlyMap<string, number>, weights: Weights): RankedTeam[] {
  const rows = [...tallies].map((t) => {
    const bonusPoints = bonus.get(t.teamId) ?? 0;
    return { ...t, bonusPoints, total: t.audiencePoints * weights.audience + bonusPoints * weights.bonus, place: 0, tied: false };
  });
  const compare = (a: (typeof rows)[number], b: (typeof rows)[number]) => {
    if (b.total !== a.total) return b.total - a.total;
    for (let i = 0; i < Math.max(a.placeCounts.length, b.placeCounts.length); i++) {
      const diff = (b.placeCounts[i] ?? 0) - (a.placeCounts[i] ?? 0);
      if (diff !== 0) return diff;
    }
    return 0;
  };
  rows.sort((a, b) => compare(a, b) || a.teamId.localeCompare(b.teamId));
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    row.place = previous && compare(previous, row) === 0 ? previous.place : i + 1;
  });
  for (const row of rows) row.tied = rows.some((other) => other !== row && other.place === row.place);
  return rows;
}

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: read off a projector and typed on a phone

/** A short join code such as "K7PQ2M", from `randomBytes` (injected for tests). */
export function makeJoinCode(randomBytes: (n: number) => Uint8Array, length = 6): string {
  return [...randomBytes(length)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
}

/** "k7pq 2m" → "K7PQ2M": what people type is forgiven spaces and case. */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, "");
}
