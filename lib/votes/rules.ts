// The rules of the audience vote, as pure functions: what a valid ballot is,
// how many points a pick is worth, how ballots are tallied, and how teams are
// ranked once the mini-challenge bonus is added.
import { invalid, DomainError, forbidden } from "../platform/errors";
import { listMessage, msg } from "../platform/messages";
import { type Actor } from "../people/rules";

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
  if (teamIds.length === 0) throw invalid(msg("votes.ballot.pickAtLeastOne"), "teamIds");
  if (teamIds.length > rules.picks) throw invalid(msg("votes.ballot.pickAtMost", { picks: rules.picks }), "teamIds");
  if (new Set(teamIds).size !== teamIds.length) throw invalid(msg("votes.ballot.pickedTwice"), "teamIds");
  if (teamIds.some((id) => !teams.has(id))) throw invalid(msg("votes.ballot.notInVote"), "teamIds");
  if (ownTeamId && teamIds.includes(ownTeamId)) throw invalid(msg("votes.ballot.ownTeam"), "teamIds");
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
  /** when the team below has the same total: the rule of the tie-break chain that put this team ahead (null otherwise) */
  tieBreak: TieBreak | null;
};

/**
 * Why a team is ahead of the next place although their totals are equal: the
 * first rule of the tie-break chain on which they differ, with both figures.
 */
export type TieBreak = {
  /** the team(s) of the next place: one, or all of those sharing it */
  overTeamIds: string[];
  /** AUDIENCE_POINTS: more audience points; PLACE_VOTES: more votes at `rank` (1: first-place votes) */
  rule: "AUDIENCE_POINTS" | "PLACE_VOTES";
  rank: number | null;
  /** this team's figure on that rule, and the other's */
  ahead: number;
  behind: number;
};

/**
 * Final ranking: total = audience × weight + bonus × weight. Equal totals go
 * down the tie-break chain (`decide`); teams equal on all of it share the
 * place, and the next place is skipped (1, 1, 3). A team ahead of the next
 * place on equal totals carries the rule that decided (`tieBreak`).
 */
export function rankTeams(tallies: Iterable<TeamTally>, bonus: ReadonlyMap<string, number>, weights: Weights): RankedTeam[] {
  const rows: RankedTeam[] = [...tallies].map((t) => {
    const bonusPoints = bonus.get(t.teamId) ?? 0;
    return { ...t, bonusPoints, total: t.audiencePoints * weights.audience + bonusPoints * weights.bonus, place: 0, tied: false, tieBreak: null };
  });
  const compare = (a: RankedTeam, b: RankedTeam) => b.total - a.total || chainOrder(a, b);
  // the team id only gives teams sharing a place a stable order
  rows.sort((a, b) => compare(a, b) || a.teamId.localeCompare(b.teamId));
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    row.place = previous && compare(previous, row) === 0 ? previous.place : i + 1;
  });
  for (const row of rows) {
    row.tied = rows.some((other) => other !== row && other.place === row.place);
    const next = rows.find((other) => other.place > row.place);
    if (next && next.total === row.total) {
      const decider = decide(row, next);
      if (decider) row.tieBreak = { overTeamIds: rows.filter((other) => other.place === next.place).map((other) => other.teamId), ...decider };
    }
  }
  return rows;
}

/** What a rule of the chain compares: "audience points", "first-place votes" (lib's message). */
export function tieBreakCriterion(rule: TieBreak["rule"], rank: number | null): string {
  return msg("votes.tieBreak.criterion", { rule, rank: rank ?? 1 });
}

/**
 * The tie-break chain under these rules, in order. Approval picks all count
 * as first-place votes, whose number is then the audience points: the chain
 * is those alone.
 */
export function tieBreakChain(rules: VoteRules): string[] {
  const ranks = rules.method === "RANKED" ? Array.from({ length: rules.picks }, (_, i) => tieBreakCriterion("PLACE_VOTES", i + 1)) : [];
  return [tieBreakCriterion("AUDIENCE_POINTS", null), ...ranks];
}

/** The rule in one sentence, for the organizers' results and the README (lib's message). */
export function tieBreakRule(rules: VoteRules): string {
  const more = tieBreakChain(rules).map((criterion) => msg("votes.tieBreak.more", { criterion }));
  const chain = more.reduceRight((rest, first) => msg("votes.tieBreak.then", { first, rest }));
  return msg("votes.tieBreak.rule", { chain });
}

/** Why teams share a place: equal on the total and the whole chain (lib's message). */
export function sharedPlaceNote(rules: VoteRules): string {
  return msg("votes.tieBreak.shared", { list: listMessage([msg("votes.tieBreak.points"), ...tieBreakChain(rules)]) });
}

/** "Ahead of Snake Case on first-place votes: 4 to 2": the line shown next to a team a tie-break put ahead (lib's message). */
export function describeTieBreak(tieBreak: TieBreak, overNames: string[]): string {
  return msg("votes.tieBreak.ahead", {
    names: listMessage(overNames),
    criterion: tieBreakCriterion(tieBreak.rule, tieBreak.rank),
    ahead: tieBreak.ahead,
    behind: tieBreak.behind,
  });
}

/** "1st", "2nd", "23rd"; a shared place as "=2nd". */
export function placeLabel(place: number, shared: boolean): string {
  const tens = place % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][place % 10] ?? "th");
  return `${shared ? "=" : ""}${place}${suffix}`;
} // no 0/O, 1/I: read off a projector and typed on a phone

/** A short join code such as "K7PQ2M", from `randomBytes` (injected for tests). */
export function makeJoinCode(randomBytes: (n: number) => Uint8Array, length = 6): string {
  return [...randomBytes(length)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
}

/** "k7pq 2m" → "K7PQ2M": what people type is forgiven spaces and case. */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** Positive when a's figure on the deciding rule is lower (a goes after b), 0 when equal on the whole chain. */
function chainOrder(a: TeamTally, b: TeamTally): number {
  const d = decide(a, b);
  return d ? d.behind - d.ahead : 0;
}

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/**
 * The tie-break chain between two teams of equal total: more audience points
 * (the room's verdict before the bonus), then more first-place votes, then
 * more second-place votes, and so on. The first rule on which they differ
 * decides (`ahead` is a's figure); null when they are equal on all of them.
 */
function decide(a: TeamTally, b: TeamTally): Decider | null {
  if (a.audiencePoints !== b.audiencePoints) return { rule: "AUDIENCE_POINTS", rank: null, ahead: a.audiencePoints, behind: b.audiencePoints };
  for (let i = 0; i < Math.max(a.placeCounts.length, b.placeCounts.length); i++) {
    const [mine, theirs] = [a.placeCounts[i] ?? 0, b.placeCounts[i] ?? 0];
    if (mine !== theirs) return { rule: "PLACE_VOTES", rank: i + 1, ahead: mine, behind: theirs };
  }
  return null;
}

type Decider = Omit<TieBreak, "overTeamIds">;

/** The podium has three places (fewer teams, fewer places). */
export const PODIUM = 3;

/** Who casts a ballot, and from which client network (its hash, kept with the ballot for the organizers' audit). */
export type Voter = { key: string; userId: string | null; clientHash?: string };

/**
 * What the request says about who is voting, each asked only when the vote
 * needs it: a vote of one ballot per person reads the session, an anonymous
 * vote the phone's voter card, so a crowd's phones never cost a session lookup.
 */
export type VoterRequest = {
  /** the signed-in person, or null */
  person: () => Promise<(Actor & { email?: string }) | null>;
  /** the phone's voter card: read (a ballot) or issued when it has none (the ballot options); null without one */
  card: () => Promise<string | null>;
  /** the client network's hash, kept with the ballot */
  clientHash: () => Promise<string>;
  /** this site's address without the scheme, e.g. "hexathon.example.com", for the message of a ballot without a card */
  site: () => Promise<string>;
};

/**
 * A ballot of an anonymous vote without a voter card the server issued (no
 * cookie, or a forged one). `where` is the vote page's address, e.g.
 * "hexathon.example.com/vote/K7PQ2M" (or a message of lib/ saying where it is).
 */
export function noVoterCard(where: string) {
  return forbidden(msg("votes.ballot.noVoterCard", { where }));
}

/** "Name+Talks@Corp.example" → "name@corp.example": the mailbox behind a plus address. */
export function mailboxOf(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return email.trim().toLowerCase();
  const local = email.slice(0, at);
  return `${local.split("+")[0] || local}${email.slice(at)}`.trim().toLowerCase();
}

/**
 * The voter's ballot for this vote: under a device cookie, or under their
 * account when sign-in is required (under their mailbox when the vote folds
 * plus addresses, so alice+2@corp and alice@corp share one ballot).
 */
export function voterKeyFor(
  vote: { requireSignIn: boolean; foldPlusAddresses?: boolean; joinCode?: string },
  deviceId: string | null,
  user: (Actor & { email?: string }) | null,
): Voter {
  if (vote.requireSignIn) {
    if (!user) throw new DomainError("UNAUTHENTICATED", msg("votes.ballot.signInFirst"));
    if (vote.foldPlusAddresses && user.email) return { key: `mailbox:${mailboxOf(user.email)}`, userId: user.id };
    return { key: `user:${user.id}`, userId: user.id };
  }
  if (!deviceId) throw noVoterCard(vote.joinCode ? `/vote/${vote.joinCode}` : msg("votes.ballot.addressOnScreen"));
  return { key: `device:${deviceId}`, userId: user?.id ?? null };
}

/** A ballot is taken only while the vote is open: said before anything about the voter or the picks. */
export function assertVoteOpen(vote: { status: string }) {
  if (vote.status === "NOT_OPEN") throw invalid(msg("votes.ballot.notOpenYet"));
  if (vote.status === "CLOSED") throw invalid(msg("votes.ballot.closed"));
}

/**
 * The podium's places from the bottom up, e.g. [3, 2, 1], or [3, 1] when two
 * teams tie for first. Tied teams share their step, so nobody tied for third
 * is left off the podium.
 */
export function podiumSteps(results: { ranking: { place: number }[] }): number[] {
  return [...new Set(results.ranking.filter((r) => r.place <= PODIUM).map((r) => r.place))].sort((a, b) => b - a);
}
