// The audience vote: its settings, opening and closing, ballots, the live
// count, the results and their reveal on the projector.
//
// Concurrency: a voter has one Ballot row, kept unique by (editionId,
// voterKey). Casting updates that row first (which locks it), then replaces
// its picks, all in one transaction; a race on the first insert is retried.
// So a double submit, two tabs or a retrying phone leave exactly one ballot,
// the last one.
//
// A ballot voided by an organizer (lib/vote-audit.ts) stays in the table with
// its void's id and counts nowhere: not in the count, the results or the
// exports. Replacing it keeps it voided: the cluster was judged not to be
// people, and sending it again must not undo that.
import { randomBytes, randomUUID } from "node:crypto";
import { teamBonusPoints } from "./bonus";
import { csvLine } from "./csv";
import { dbKind, type Db } from "./db";
import { DomainError, conflict, forbidden, invalid, isUniqueViolation, notFound } from "./errors";
import { channels, liveBus, type LiveEvent } from "./live/bus";
import { coalesce } from "./live/coalesce";
import { assertOrganizer, canSeeEdition, type Actor } from "./permissions";
import {
  checkBallot,
  describeTieBreak,
  makeJoinCode,
  normalizeJoinCode,
  rankTeams,
  sharedPlaceNote,
  tally,
  tieBreakRule,
  type RankedTeam,
  type VoteMethod,
  type VoteStatus,
} from "./vote-rules";

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

/** The podium has three places (fewer teams, fewer places). */
export const PODIUM = 3;

async function loadEdition(db: Db, editionId: string) {
  const edition = await db.edition.findUnique({ where: { id: editionId } });
  if (!edition) throw notFound("That edition doesn't exist.");
  return edition;
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
  throw new DomainError("CONFLICT", "Could not create the vote; please try again.");
}

/** The vote behind a join code, with its edition, for voters. */
export async function voteByCode(db: Db, code: string) {
  const joinCode = normalizeJoinCode(code);
  if (!joinCode || joinCode.length > 12) throw notFound("There is no vote with that code. Check the code on the screen.");
  const vote = await db.vote.findUnique({ where: { joinCode }, include: { edition: true } });
  if (!vote || vote.edition.phase === "DRAFT") throw notFound("There is no vote with that code. Check the code on the screen.");
  return vote;
}

const codeCache = new Map<string, { at: number; vote: Awaited<ReturnType<typeof voteByCode>> }>();
/**
 * voteByCode for the ballot's hot path, an open vote cached for a second: one
 * closed meanwhile is still refused, because castBallot checks the status
 * again in its transaction.
 */
export async function voteByCodeCached(db: Db, code: string) {
  const cached = codeCache.get(code);
  // only an open vote is served from the cache: a vote that just opened must accept ballots at once
  if (cached && cached.vote.status === "OPEN" && Date.now() - cached.at < 1_000) return cached.vote;
  const vote = await voteByCode(db, code);
  codeCache.set(code, { at: Date.now(), vote });
  if (codeCache.size > 100) codeCache.delete(codeCache.keys().next().value!);
  return vote;
}

export async function updateVoteSettings(
  db: Db,
  actor: Actor | null,
  editionId: string,
  { foldPlusAddresses = false, ...settings }: Omit<VoteSettings, "foldPlusAddresses"> & { foldPlusAddresses?: boolean },
) {
  assertOrganizer(actor, "set up the vote");
  await loadEdition(db, editionId);
  const vote = await ensureVote(db, editionId);
  if (vote.status !== "NOT_OPEN") throw invalid("The voting rules can't change once the vote has opened.");
  if (settings.method === "RANKED" && settings.picks > 10) throw invalid("Ranked ballots have at most 10 picks.", "picks");
  return db.vote.update({ where: { editionId }, data: { ...settings, foldPlusAddresses } });
}

async function setStatus(db: Db, actor: Actor | null, editionId: string, to: VoteStatus) {
  assertOrganizer(actor, to === "OPEN" ? "open the vote" : "close the vote");
  await loadEdition(db, editionId);
  const vote = await ensureVote(db, editionId);
  if (to === "OPEN" && (await db.team.count({ where: { editionId } })) === 0) throw invalid("There are no teams to vote for.");
  const now = new Date();
  await db.vote.update({
    where: { editionId },
    data: to === "OPEN" ? { status: "OPEN", openedAt: vote.openedAt ?? now, closedAt: null, revealed: 0 } : { status: "CLOSED", closedAt: now },
  });
  await db.edition.update({ where: { id: editionId }, data: { phase: to === "OPEN" ? "VOTING" : "CLOSED" } });
  return publishVote(db, editionId);
}

/** Opens the vote (again, after a mistaken close): the edition moves to the voting phase. */
export const openVote = (db: Db, actor: Actor | null, editionId: string) => setStatus(db, actor, editionId, "OPEN");
/** Closes the vote: late ballots get "the vote is closed". */
export const closeVote = (db: Db, actor: Actor | null, editionId: string) => setStatus(db, actor, editionId, "CLOSED");

/** Who casts a ballot, and from which client network (its hash, kept with the ballot for the organizers' audit). */
export type Voter = { key: string; userId: string | null; clientHash?: string };

/**
 * A ballot of an anonymous vote without a voter card the server issued (no
 * cookie, or a forged one). `where` is the vote page's address, e.g.
 * "hexathon.example.com/vote/K7PQ2M".
 */
export function noVoterCard(where: string) {
  return forbidden(`Open the vote page first: your phone gets its voter card there (${where}). If it is open, allow cookies for this site and reload it.`);
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
    if (!user) throw new DomainError("UNAUTHENTICATED", "This vote needs you to sign in first: one ballot per person.");
    if (vote.foldPlusAddresses && user.email) return { key: `mailbox:${mailboxOf(user.email)}`, userId: user.id };
    return { key: `user:${user.id}`, userId: user.id };
  }
  if (!deviceId) throw noVoterCard(vote.joinCode ? `/vote/${vote.joinCode}` : "the address on the screen");
  return { key: `device:${deviceId}`, userId: user?.id ?? null };
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

type BallotTeam = { id: string; name: string; topic: string | null };
const teamCache = new Map<string, { at: number; teams: BallotTeam[] }>();
/** Teams don't change while the room votes: a few seconds of caching spares a query per ballot. */
const TEAM_CACHE_MS = 3_000;

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

/** A ballot is taken only while the vote is open: said before anything about the voter or the picks. */
export function assertVoteOpen(vote: { status: string }) {
  if (vote.status === "NOT_OPEN") throw invalid("The vote hasn't opened yet: wait for the last presentation.");
  if (vote.status === "CLOSED") throw invalid("The vote is closed.");
}

/**
 * Casts or replaces a ballot. Returns the ballot as stored and its version.
 * `loaded` is the vote the caller already read, to spare a query per ballot.
 */
export async function castBallot(
  db: Db,
  editionId: string,
  voter: Voter,
  teamIds: string[],
  loaded?: { status: string; method: string; picks: number; requireSignIn: boolean } | null,
) {
  const vote = loaded ?? (await db.vote.findUnique({ where: { editionId } }));
  if (!vote) throw notFound("There is no vote for this edition.");
  assertVoteOpen(vote);
  const teams = await ballotTeams(db, editionId);
  const ownTeam =
    voter.userId && vote.requireSignIn ? await db.teamMember.findUnique({ where: { editionId_userId: { editionId, userId: voter.userId } } }) : null;
  const picks = checkBallot(teamIds, { method: vote.method as VoteMethod, picks: vote.picks }, new Set(teams.map((t) => t.id)), ownTeam?.teamId);

  for (let attempt = 0; ; attempt++) {
    try {
      const ballot = await db.$transaction(async (tx) => {
        // One statement creates the ballot or bumps its version, and only while the vote is
        // open: a ballot racing the close is refused ("the vote is closed"). On PostgreSQL the
        // vote's row is share-locked, so the close waits for the ballots in flight (ballots
        // don't wait for each other); SQLite runs one write transaction at a time anyway.
        // A replaced ballot takes the client network it was sent from last, and keeps its void, if any.
        const postgres = dbKind(db) === "postgresql";
        const p = (n: number) => (postgres ? `$${n}` : "?");
        const now = new Date();
        const rows = await tx.$queryRawUnsafe<{ id: string; version: number | bigint }[]>(
          `INSERT INTO "Ballot" ("id", "editionId", "voterKey", "userId", "clientHash", "version", "createdAt", "updatedAt")
           SELECT ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, 1, ${p(6)}, ${p(7)}
           WHERE EXISTS (SELECT 1 FROM "Vote" WHERE "editionId" = ${p(8)} AND "status" = 'OPEN'${postgres ? " FOR SHARE" : ""})
           ON CONFLICT ("editionId", "voterKey") DO UPDATE SET "version" = "Ballot"."version" + 1, "updatedAt" = ${p(9)}, "clientHash" = excluded."clientHash"
           RETURNING "id", "version"`,
          randomUUID(),
          editionId,
          voter.key,
          voter.userId,
          voter.clientHash ?? "",
          now,
          now,
          editionId,
          now,
        );
        if (rows.length === 0) throw invalid("The vote is closed.");
        const row = { id: rows[0].id, version: Number(rows[0].version) };
        if (row.version > 1) await tx.ballotPick.deleteMany({ where: { ballotId: row.id } }); // a first ballot has no picks to replace
        await tx.ballotPick.createMany({ data: picks.map((teamId, i) => ({ ballotId: row.id, teamId, rank: i + 1 })) });
        return row;
      });
      announceBallotCount(db, editionId);
      return { teamIds: picks, version: ballot.version };
    } catch (error) {
      // two submissions of the same voter raced on the first insert or on the picks: the next try updates
      if ((isUniqueViolation(error) || isSerializationFailure(error)) && attempt < 10) continue;
      if (isUniqueViolation(error)) throw conflict("Your ballot was being saved twice at once; please send it again.");
      throw error;
    }
  }
}

function isSerializationFailure(error: unknown) {
  const e = error as { code?: string; message?: string };
  return e?.code === "P2034" || /deadlock|could not serialize|SQLITE_BUSY|database is locked/i.test(e?.message ?? "");
}

/** The ballots that count: every voter's last one, voided ones aside. */
export async function ballotCount(db: Db, editionId: string) {
  return db.ballot.count({ where: { editionId, voidId: null } });
}

// The count reaches every phone and the projector at most 4 times a second,
// however many ballots arrive: one coalescer per edition.
const countAnnouncers = new Map<string, (db: Db) => void>();
function announceBallotCount(db: Db, editionId: string) {
  let announce = countAnnouncers.get(editionId);
  if (!announce) {
    announce = coalesce((database: Db) => {
      void publishVote(database, editionId).catch((error) => console.error("could not announce the ballot count", error));
    }, 250);
    countAnnouncers.set(editionId, announce);
  }
  announce(db);
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

const byName = (a: string, b: string) => a.localeCompare(b, "en", { sensitivity: "base" });

/** Organizers see the full results at any time (the projector only what was revealed). */
export async function resultsFor(db: Db, actor: Actor | null, editionId: string) {
  assertOrganizer(actor, "see the results before they are revealed");
  return computeResults(db, editionId);
}

/**
 * The podium's places from the bottom up, e.g. [3, 2, 1], or [3, 1] when two
 * teams tie for first. Tied teams share their step, so nobody tied for third
 * is left off the podium.
 */
export function podiumSteps(results: Results): number[] {
  return [...new Set(results.ranking.filter((r) => r.place <= PODIUM).map((r) => r.place))].sort((a, b) => b - a);
}

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

/** Reveals the next podium place on the projector (third, then second, then first), or hides them all again. */
export async function revealStep(db: Db, actor: Actor | null, editionId: string, step: "next" | "reset") {
  assertOrganizer(actor, "reveal the results");
  const vote = await ensureVote(db, editionId);
  if (vote.status !== "CLOSED") throw invalid("Close the vote before revealing the results.");
  const results = await computeResults(db, editionId);
  if (step === "next" && vote.revealed >= podiumSteps(results).length) throw invalid("The whole podium is already revealed.");
  await db.vote.update({ where: { editionId }, data: { revealed: step === "reset" ? 0 : vote.revealed + 1 } });
  return publishVote(db, editionId);
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

/** Tells every projector and phone of the edition the vote as it is now (the count, and the podium once revealed). */
export async function publishVote(db: Db, editionId: string) {
  const snapshot = await voteSnapshot(db, editionId);
  liveBus().publish(channels.vote(editionId), voteEvent(snapshot));
  return snapshot;
}

/** For the phone page: the vote behind a code, if this person may see it. */
export async function voteForVoter(db: Db, actor: Actor | null, code: string) {
  const vote = await voteByCode(db, code);
  if (!canSeeEdition(actor, vote.edition)) throw notFound("There is no vote with that code.");
  return { vote, teams: await ballotTeams(db, vote.editionId) };
}

/** The vote behind a code, for casting a ballot: the least the hot path needs. */
export async function voteForBallot(db: Db, actor: Actor | null, code: string) {
  const vote = await voteByCodeCached(db, code);
  if (!canSeeEdition(actor, vote.edition)) throw notFound("There is no vote with that code.");
  return vote;
}

// ---- exports -------------------------------------------------------------------

/** Every ballot that counts (voided ones aside), anonymized (a number instead of the voter), one line per pick. */
export async function ballotsCsv(db: Db, actor: Actor | null, editionId: string): Promise<string> {
  assertOrganizer(actor, "export the ballots");
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

export async function resultsCsv(db: Db, actor: Actor | null, editionId: string): Promise<string> {
  const results = await resultsFor(db, actor, editionId);
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
  };
}
