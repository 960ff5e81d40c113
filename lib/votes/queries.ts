// The audience vote: its settings, opening and closing, ballots, the live
// count, the results and their reveal on the projector.
//
// Concurrency: a voter has one Ballot row, kept unique by (editionId,
// voterKey). Casting updates that row first (which locks it), then replaces
// its picks, all in one transaction; a race on the first insert is retried.
// So a double submit, two tabs or a retrying phone leave exactly one ballot,
// the last one.
//
// A ballot voided by an organizer (lib/votes/) stays in the table with
// its void's id and counts nowhere: not in the count, the results or the
// exports. Replacing it keeps it voided: the cluster was judged not to be
// people, and sending it again must not undo that.
import { teamBonusPoints } from "../challenges/leaderboard";
import { csvLine } from "../platform/csv";
import { translate } from "../platform/i18n";
import { type Db } from "../platform/db";
import { DomainError, isUniqueViolation, notFound } from "../platform/errors";
import { msg } from "../platform/messages";
import { type LiveEvent } from "../platform/live/bus";
import { assertOrganizer, type Actor } from "../people/rules";
import { canSeeEdition } from "../editions/rules";
import {
  describeTieBreak,
  normalizeJoinCode,
  rankTeams,
  sharedPlaceNote,
  tally,
  tieBreakRule,
  type RankedTeam,
  type VoteMethod,
  type VoteStatus,
  podiumSteps,
  PODIUM,
  makeJoinCode,
  voterKeyFor,
  type VoterRequest,
} from "./rules";
import { randomBytes } from "node:crypto";

export type VoteSettings = {
  method: VoteMethod;
  picks: number;
  requireSignIn: boolean;
  audienceWeight: number;
  bonusWeight: number;
  publicVotePrize: boolean;
  /** sign-in votes: name+anything@company votes as name@company (one ballot per mailbox) */
  foldPlusAddresses: boolean;
};

/** What the projector and the phones are told; never the results before they are revealed. */
export type VoteSnapshot = {
  status: VoteStatus;
  joinCode: string;
  method: VoteMethod;
  picks: number;
  requireSignIn: boolean;
  ballots: number;
  /** the revealed podium places, third first; empty until the organizer reveals */
  revealed: RevealedPlace[];
  /** how many reveal steps the podium takes (one per distinct place: ties are revealed together) */
  podiumSize: number;
  /** the place the next reveal step shows (3, then 2, then 1), or null when all is revealed or the vote is not closed */
  nextRevealPlace: number | null;
  /** why teams share a place ("A shared place: equal on points, …"), once a shared place is revealed; else null */
  sharedNote: string | null;
};

export type RevealedPlace = {
  place: number;
  teamId: string;
  name: string;
  topic: string | null;
  audiencePoints: number;
  bonusPoints: number;
  total: number;
  tied: boolean;
  /** "Ahead of Snake Case on first-place votes: 4 to 2" when a tie-break put the team ahead of the next place on equal totals; else null */
  tieBreakNote: string | null;
};

/** The vote behind a join code, with its edition, for voters. */
export async function voteByJoinCode(db: Db, code: string) {
  const joinCode = normalizeJoinCode(code);
  if (!joinCode || joinCode.length > 12) throw notFound(msg("votes.vote.noCodeCheck"));
  const vote = await db.vote.findUnique({ where: { joinCode }, include: { edition: true } });
  if (!vote || vote.edition.phase === "DRAFT") throw notFound(msg("votes.vote.noCodeCheck"));
  return vote;
}
/**
 * voteByJoinCode for the ballot's hot path, an open vote cached for a second: one
 * closed meanwhile is still refused, because castBallot checks the status
 * again in its transaction.
 */
async function cachedVoteByJoinCode(db: Db, code: string) {
  const cached = codeCache.get(code);
  // only an open vote is served from the cache: a vote that just opened must accept ballots at once
  if (cached && cached.vote.status === "OPEN" && Date.now() - cached.at < 1_000) return cached.vote;
  const vote = await voteByJoinCode(db, code);
  codeCache.set(code, { at: Date.now(), vote });
  if (codeCache.size > 100) codeCache.delete(codeCache.keys().next().value!);
  return vote;
}

/**
 * When people can be told apart (the company's SSO, or accounts with a
 * verified email address), a ballot per person is the vote nobody can stuff
 * from one laptop: the vote control recommends it, saying why. null: nothing
 * to recommend. `ssoName`: the SSO provider's name when it is configured.
 */
export async function signInRecommendation(db: Db, ssoName: string | null): Promise<string | null> {
  const why = "nobody can stuff the ballot box from one laptop, which one ballot per phone can't promise";
  if (ssoName) return `Recommended: one ballot per person (people sign in with ${ssoName}: ${why}).`;
  const verified = await db.user.count({ where: { emailVerifiedAt: { not: null } } });
  if (verified === 0) return null;
  return `Recommended: one ballot per person (${verified} account${verified === 1 ? " has" : "s have"} a verified email address: ${why}).`;
}

export async function ballotOf(db: Db, editionId: string, voterKey: string): Promise<string[] | null> {
  const ballot = await db.ballot.findUnique({
    where: { editionId_voterKey: { editionId, voterKey } },
    include: { picks: { orderBy: { rank: "asc" } } },
  });
  return ballot ? ballot.picks.map((p) => p.teamId) : null;
}

/** The teams on the ballot, in running order (cached briefly: hundreds of phones ask at once). */
export async function ballotTeams(db: Db, editionId: string): Promise<BallotTeam[]> {
  const cached = teamCache.get(editionId);
  if (cached && Date.now() - cached.at < TEAM_CACHE_MS) return cached.teams;
  const rows = await db.team.findMany({
    where: { editionId },
    orderBy: [{ presentationOrder: { sort: "asc", nulls: "last" } }, { name: "asc" }],
    select: { id: true, name: true, topic: { select: { title: true } } },
  });
  const teams = rows.map((t) => ({ id: t.id, name: t.name, topic: t.topic?.title ?? null }));
  teamCache.set(editionId, { at: Date.now(), teams });
  return teams;
}

/** The ballots that count: every voter's last one, voided ones aside. */
export async function ballotCount(db: Db, editionId: string) {
  return db.ballot.count({ where: { editionId, voidId: null } });
}

// ---- results -----------------------------------------------------------------

export type Results = {
  /** best first; teams sharing a place by name */
  ranking: (RankedTeam & { name: string; topic: string | null; tieBreakNote: string | null })[];
  ballots: number;
  settings: VoteSettings;
  /** the tie-break chain in one sentence ("Equal totals are decided by more audience points, then …") */
  tieBreakRule: string;
  /** why teams share a place, when some do (null otherwise) */
  sharedNote: string | null;
};

/** Recomputes the results from the stored ballots (the tally is never stored, so it always matches them). */
export async function computeResults(db: Db, editionId: string): Promise<Results> {
  const vote = await ensureVote(db, editionId);
  const [teams, ballots, bonus] = await Promise.all([
    ballotTeams(db, editionId),
    db.ballot.findMany({ where: { editionId, voidId: null }, select: { picks: { select: { teamId: true, rank: true } } } }),
    teamBonusPoints(db, editionId),
  ]);
  const rules = { method: vote.method as VoteMethod, picks: vote.picks };
  const ranking = rankTeams(
    tally(
      ballots,
      rules,
      teams.map((t) => t.id),
    ).values(),
    bonus,
    { audience: vote.audienceWeight, bonus: vote.bonusWeight },
  );
  const byId = new Map(teams.map((t) => [t.id, t]));
  const nameOf = (teamId: string) => byId.get(teamId)?.name ?? "?";
  return {
    ranking: ranking
      .map((r) => ({
        ...r,
        name: nameOf(r.teamId),
        topic: byId.get(r.teamId)?.topic ?? null,
        tieBreakNote: r.tieBreak ? describeTieBreak(r.tieBreak, r.tieBreak.overTeamIds.map(nameOf).sort(byName)) : null,
      }))
      .sort((a, b) => a.place - b.place || byName(a.name, b.name)),
    ballots: ballots.length,
    settings: {
      method: rules.method,
      picks: rules.picks,
      requireSignIn: vote.requireSignIn,
      audienceWeight: vote.audienceWeight,
      bonusWeight: vote.bonusWeight,
      publicVotePrize: vote.publicVotePrize,
      foldPlusAddresses: vote.foldPlusAddresses,
    },
    tieBreakRule: tieBreakRule(rules),
    sharedNote: ranking.some((r) => r.tied) ? sharedPlaceNote(rules) : null,
  };
}

/** The results with their sentences (tie-breaks, shared places) said by `say`: for a JSON answer, whose reader reads words. */
export function resultsSaid(results: Results, say: (text: string) => string): Results {
  return {
    ...results,
    ranking: results.ranking.map((r) => ({ ...r, tieBreakNote: r.tieBreakNote && say(r.tieBreakNote) })),
    tieBreakRule: say(results.tieBreakRule),
    sharedNote: results.sharedNote && say(results.sharedNote),
  };
}

/** The vote's state with its sentences said by `say`: for a page's first render (the live stream's are said in the browser). */
export function snapshotSaid(vote: VoteSnapshot, say: (text: string) => string): VoteSnapshot {
  return {
    ...vote,
    revealed: vote.revealed.map((p) => ({ ...p, tieBreakNote: p.tieBreakNote && say(p.tieBreakNote) })),
    sharedNote: vote.sharedNote && say(vote.sharedNote),
  };
}

/** Organizers see the full results at any time (the projector only what was revealed). */
export async function resultsFor(db: Db, actor: Actor | null, editionId: string) {
  assertOrganizer(actor, msg("votes.doing.seeResults"));
  return computeResults(db, editionId);
}

export async function voteSnapshot(db: Db, editionId: string): Promise<VoteSnapshot> {
  const vote = await ensureVote(db, editionId);
  // the results are computed only once the vote is closed: an open vote's count goes out often and must stay cheap
  const [ballots, results] = await Promise.all([ballotCount(db, editionId), vote.status === "CLOSED" ? computeResults(db, editionId) : null]);
  const steps = results ? podiumSteps(results) : [];
  const revealed = results && vote.revealed > 0 ? revealedPlaces(results, vote.revealed) : [];
  return {
    status: vote.status as VoteStatus,
    joinCode: vote.joinCode,
    method: vote.method as VoteMethod,
    picks: vote.picks,
    requireSignIn: vote.requireSignIn,
    ballots,
    revealed,
    podiumSize: steps.length,
    nextRevealPlace: steps[vote.revealed] ?? null,
    sharedNote: revealed.some((p) => p.tied) ? results!.sharedNote : null,
  };
}

export function voteEvent(snapshot: VoteSnapshot): LiveEvent {
  return { type: "vote", data: snapshot };
}

/** What the phones' ballot page shows: the vote behind a code, if this person may see it, and its teams. */
export async function ballotPage(db: Db, actor: Actor | null, code: string) {
  const vote = await voteByJoinCode(db, code);
  if (!canSeeEdition(actor, vote.edition)) throw notFound(msg("votes.vote.noCode"));
  return { vote, teams: await ballotTeams(db, vote.editionId) };
}

/**
 * The phone's ballot options (GET /api/vote/CODE): the vote's status and
 * rules, the teams in running order, the count, and this voter's ballot. For
 * an anonymous vote, `request.card()` hands the phone its voter card.
 */
export async function ballotOptions(db: Db, code: string, request: VoterRequest) {
  const { vote, teams } = await ballotPage(db, null, code);
  const person = vote.requireSignIn ? await request.person() : null;
  const card = vote.requireSignIn ? null : await request.card();
  // not signed in for a vote of one ballot per person: no ballot yet
  const voter = person || card ? voterKeyFor(vote, card, person) : null;
  const [myBallot, ballots] = await Promise.all([voter ? ballotOf(db, vote.editionId, voter.key) : null, ballotCount(db, vote.editionId)]);
  return {
    status: vote.status,
    method: vote.method,
    picks: vote.picks,
    requireSignIn: vote.requireSignIn,
    signedIn: !!person,
    ballots,
    teams: teams.map((t) => ({ id: t.id, name: t.name, topic: t.topic })),
    myBallot,
  };
}

/** The vote behind a code, for casting a ballot: the least the hot path needs. */
export async function voteToCastIn(db: Db, actor: Actor | null, code: string) {
  const vote = await cachedVoteByJoinCode(db, code);
  if (!canSeeEdition(actor, vote.edition)) throw notFound(msg("votes.vote.noCode"));
  return vote;
}

// ---- exports -------------------------------------------------------------------

/** Every ballot that counts (voided ones aside), anonymized (a number instead of the voter), one line per pick. */
export async function ballotsCsv(db: Db, actor: Actor | null, editionId: string): Promise<string> {
  assertOrganizer(actor, msg("votes.doing.exportBallots"));
  const [ballots, teams] = await Promise.all([
    db.ballot.findMany({ where: { editionId, voidId: null }, orderBy: { createdAt: "asc" }, include: { picks: { orderBy: { rank: "asc" } } } }),
    ballotTeams(db, editionId),
  ]);
  const names = new Map(teams.map((t) => [t.id, t.name]));
  let csv = csvLine(["ballot", "rank", "team"]);
  ballots.forEach((b, i) => {
    for (const p of b.picks) csv += csvLine([i + 1, p.rank, names.get(p.teamId) ?? p.teamId]);
  });
  return csv;
}

/**
 * The results as CSV. Its columns are names scripts rely on, the same in every language; the tie-break
 * sentence is said by `say` (the reader's language).
 */
export async function resultsCsv(db: Db, actor: Actor | null, editionId: string, say = (text: string) => translate(text, "en")): Promise<string> {
  const results = resultsSaid(await resultsFor(db, actor, editionId), say);
  let csv = csvLine([
    "place",
    "team",
    "topic",
    "audience points",
    "bonus points",
    "total",
    "tied",
    ...(results.settings.picks > 0 ? Array.from({ length: results.settings.picks }, (_, i) => `rank ${i + 1} picks`) : []),
    "tie-break",
  ]);
  for (const r of results.ranking) {
    csv += csvLine([r.place, r.name, r.topic ?? "", r.audiencePoints, r.bonusPoints, r.total, r.tied ? "yes" : "no", ...r.placeCounts, r.tieBreakNote ?? ""]);
  }
  return csv;
}

export type AnnouncedPrizes = {
  /** best first; `tieBreakNote` as in the results ("Ahead of … on first-place votes: 4 to 2") */
  podium: { place: number; teamId: string; name: string; total: number; tied: boolean; tieBreakNote: string | null }[];
  publicFavourite: { teamId: string; name: string; audiencePoints: number } | null;
  /** why teams share a podium place, when some do (null otherwise) */
  sharedNote: string | null;
  /** every team's points and how the ballots placed it: the results' charts */
  results: {
    ranking: { teamId: string; name: string; place: number; audiencePoints: number; bonusPoints: number; total: number; placeCounts: number[] }[];
    ballots: number;
    method: VoteMethod;
    weights: { audience: number; bonus: number };
  };
};

/**
 * The prizes as announced: nothing until the organizer has revealed the whole
 * podium, then the podium and, if the edition wants it, the public-vote
 * favourite (most audience points, bonus aside). Shown on the edition page
 * and kept in the archive.
 */
export async function announcedPrizes(db: Db, editionId: string): Promise<AnnouncedPrizes | null> {
  const vote = await db.vote.findUnique({ where: { editionId } });
  if (!vote || vote.status !== "CLOSED" || vote.revealed === 0) return null;
  const results = await computeResults(db, editionId);
  if (vote.revealed < podiumSteps(results).length) return null;
  const podium = results.ranking
    .filter((r) => r.place <= PODIUM)
    .map((r) => ({ place: r.place, teamId: r.teamId, name: r.name, total: r.total, tied: r.tied, tieBreakNote: r.tieBreakNote }));
  const favourite = [...results.ranking].sort((a, b) => b.audiencePoints - a.audiencePoints || b.placeCounts[0] - a.placeCounts[0])[0];
  return {
    podium,
    publicFavourite:
      vote.publicVotePrize && favourite && favourite.audiencePoints > 0
        ? { teamId: favourite.teamId, name: favourite.name, audiencePoints: favourite.audiencePoints }
        : null,
    sharedNote: podium.some((p) => p.tied) ? results.sharedNote : null,
    results: {
      ranking: results.ranking.map((r) => ({
        teamId: r.teamId,
        name: r.name,
        place: r.place,
        audiencePoints: r.audiencePoints,
        bonusPoints: r.bonusPoints,
        total: r.total,
        placeCounts: r.placeCounts,
      })),
      ballots: results.ballots,
      method: results.settings.method,
      weights: { audience: results.settings.audienceWeight, bonus: results.settings.bonusWeight },
    },
  };
}

const codeCache = new Map<string, { at: number; vote: Awaited<ReturnType<typeof voteByJoinCode>> }>();
const teamCache = new Map<string, { at: number; teams: BallotTeam[] }>();
/** Teams don't change while the room votes: a few seconds of caching spares a query per ballot. */
const TEAM_CACHE_MS = 3_000;

const byName = (a: string, b: string) => a.localeCompare(b, "en", { sensitivity: "base" });

/** The teams of the first `revealed` podium steps (third place first). */
function revealedPlaces(results: Results, revealed: number): RevealedPlace[] {
  const shown = new Set(podiumSteps(results).slice(0, revealed));
  return results.ranking
    .filter((r) => shown.has(r.place))
    .sort((a, b) => b.place - a.place)
    .map((r) => ({
      place: r.place,
      teamId: r.teamId,
      name: r.name,
      topic: r.topic,
      audiencePoints: r.audiencePoints,
      bonusPoints: r.bonusPoints,
      total: r.total,
      tied: r.tied,
      tieBreakNote: r.tieBreakNote,
    }));
}

type BallotTeam = { id: string; name: string; topic: string | null };

// Where the ballots came from, for organizers, and voiding what wasn't people.
//
// Each ballot keeps the hash of the client network it was last sent from
// (lib/platform/client-address.ts: the address itself is never stored). A hall behind
// one Wi-Fi shares one address, so many ballots from one address are normal;
// a script shows as an address whose ballots arrive in a burst no room
// produces. The organizer voids such a cluster (all the counted ballots of one
// address, or those last sent within a span of minutes) with a reason: the
// ballots stay stored with the void's id and stop counting, the void is the
// audit trail (who, when, why, how many), and restoring it makes them count
// again. Either way the count and the results are published at once.

/** The addresses listed (most ballots first); the rest are summed up. */
export const SHOWN_ADDRESSES = 50;
/** The minutes listed (the latest ones with ballots). */
export const SHOWN_MINUTES = 240;

/** How an address is shown: the start of its hash ("not recorded" for ballots from before addresses were kept). */
export const addressLabel = (clientHash: string) => (clientHash ? clientHash.slice(0, 8) : "not recorded");

export type AuditAddress = {
  clientHash: string;
  label: string;
  ballots: number;
  voided: number;
  /** the first ballot's creation, and the last change of any */
  first: Date;
  last: Date;
  /** its counted ballots by the minute they were last sent: the spans a void can take */
  minutes: { at: Date; counted: number }[];
};
export type AuditMinute = { at: Date; ballots: number; voided: number };
export type AuditVoid = {
  id: string;
  reason: string;
  by: string;
  clientLabel: string | null;
  fromAt: Date | null;
  toAt: Date | null;
  ballots: number;
  createdAt: Date;
  restoredAt: Date | null;
  restoredBy: string | null;
};
export type VoteAudit = {
  ballots: number;
  voided: number;
  addresses: AuditAddress[];
  /** the addresses past SHOWN_ADDRESSES, summed up */
  otherAddresses: { addresses: number; ballots: number };
  /** ballots by the minute they were last sent, since the vote opened (minutes without any left out) */
  minutes: AuditMinute[];
  voids: AuditVoid[];
};

/** Ballots per client address and per minute, and the voids: organizers only. */
export async function voteAudit(db: Db, actor: Actor | null, editionId: string): Promise<VoteAudit> {
  assertOrganizer(actor, msg("votes.doing.seeAudit"));
  const [ballots, voids] = await Promise.all([
    db.ballot.findMany({ where: { editionId }, select: { clientHash: true, createdAt: true, updatedAt: true, voidId: true } }),
    db.ballotVoid.findMany({ where: { editionId }, orderBy: { createdAt: "desc" } }),
  ]);

  type Cluster = { clientHash: string; ballots: number; voided: number; first: number; last: number; minutes: Map<number, number> };
  const addresses = new Map<string, Cluster>();
  const minutes = new Map<number, AuditMinute>();
  for (const b of ballots) {
    const minute = Math.floor(b.updatedAt.getTime() / MINUTE) * MINUTE;
    const voided = b.voidId !== null;
    let cluster = addresses.get(b.clientHash);
    if (!cluster) {
      cluster = { clientHash: b.clientHash, ballots: 0, voided: 0, first: Infinity, last: 0, minutes: new Map() };
      addresses.set(b.clientHash, cluster);
    }
    cluster.ballots += 1;
    cluster.first = Math.min(cluster.first, b.createdAt.getTime());
    cluster.last = Math.max(cluster.last, b.updatedAt.getTime());
    if (voided) cluster.voided += 1;
    else cluster.minutes.set(minute, (cluster.minutes.get(minute) ?? 0) + 1);
    const row = minutes.get(minute) ?? { at: new Date(minute), ballots: 0, voided: 0 };
    row.ballots += 1;
    if (voided) row.voided += 1;
    minutes.set(minute, row);
  }

  const ranked = [...addresses.values()].sort((a, b) => b.ballots - a.ballots || b.last - a.last);
  const rest = ranked.slice(SHOWN_ADDRESSES);
  const names = await namesOf(db, voids.flatMap((v) => [v.byUserId, v.restoredById ?? ""]).filter(Boolean));
  return {
    ballots: ballots.length - ballots.filter((b) => b.voidId !== null).length,
    voided: ballots.filter((b) => b.voidId !== null).length,
    addresses: ranked.slice(0, SHOWN_ADDRESSES).map((c) => ({
      clientHash: c.clientHash,
      label: addressLabel(c.clientHash),
      ballots: c.ballots,
      voided: c.voided,
      first: new Date(c.first),
      last: new Date(c.last),
      minutes: [...c.minutes].sort(([a], [b]) => a - b).map(([at, counted]) => ({ at: new Date(at), counted })),
    })),
    otherAddresses: { addresses: rest.length, ballots: rest.reduce((sum, c) => sum + c.ballots, 0) },
    minutes: [...minutes.values()].sort((a, b) => a.at.getTime() - b.at.getTime()).slice(-SHOWN_MINUTES),
    voids: voids.map((v) => ({
      id: v.id,
      reason: v.reason,
      by: names.get(v.byUserId) ?? "a former organizer",
      clientLabel: v.clientHash === null ? null : addressLabel(v.clientHash),
      fromAt: v.fromAt,
      toAt: v.toAt,
      ballots: v.ballots,
      createdAt: v.createdAt,
      restoredAt: v.restoredAt,
      restoredBy: v.restoredById ? (names.get(v.restoredById) ?? "a former organizer") : null,
    })),
  };
}

const MINUTE = 60_000;

async function namesOf(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const people = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(people.map((p) => [p.id, p.name]));
}

/** The edition's vote, created with its settings and join code on first use. */
export async function ensureVote(db: Db, editionId: string) {
  const existing = await db.vote.findUnique({ where: { editionId } });
  if (existing) return existing;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await db.vote.create({ data: { editionId, joinCode: makeJoinCode((n) => randomBytes(n)) } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const raced = await db.vote.findUnique({ where: { editionId } });
      if (raced) return raced; // created by a simultaneous request; otherwise the code clashed: try another
    }
  }
  throw new DomainError("CONFLICT", msg("votes.vote.couldNotCreate"));
}
