// The audience vote's writes: its settings, opening and closing, casting a
// ballot, revealing the podium, and the organizers' voiding of ballots.
import { editionOrNotFound } from "../editions/queries";
import { announce } from "../platform/events";
import { metrics } from "../platform/metrics";
import { randomUUID } from "node:crypto";
import { dbKind, type Db, type Tx } from "../platform/db";
import { conflict, invalid, isUniqueViolation, notFound } from "../platform/errors";
import { msg } from "../platform/messages";
import { assertOrganizer, type Actor } from "../people/rules";
import { checkBallot, type VoteMethod, type VoteStatus, Voter, assertVoteOpen, podiumSteps, noVoterCard, voterKeyFor, type VoterRequest } from "./rules";
import { VoteSettings, ballotTeams, computeResults, ensureVote, voteSnapshot, voteToCastIn, voteAudit } from "./queries";

export async function updateVoteSettings(
  db: Db,
  actor: Actor | null,
  editionId: string,
  { foldPlusAddresses = false, ...settings }: Omit<VoteSettings, "foldPlusAddresses"> & { foldPlusAddresses?: boolean },
) {
  assertOrganizer(actor, msg("votes.doing.setUp"));
  await editionOrNotFound(db, editionId);
  const vote = await ensureVote(db, editionId);
  if (vote.status !== "NOT_OPEN") throw invalid(msg("votes.vote.rulesLocked"));
  if (settings.method === "RANKED" && settings.picks > 10) throw invalid(msg("votes.vote.rankedAtMost"), "picks");
  await db.vote.update({ where: { editionId }, data: { ...settings, foldPlusAddresses } });
  return voteSnapshot(db, editionId);
}

/** Opens the vote (again, after a mistaken close): the edition moves to the voting phase. */
export const openVote = (db: Db, actor: Actor | null, editionId: string) => setStatus(db, actor, editionId, "OPEN");
/** Closes the vote: late ballots get "the vote is closed". */
export const closeVote = (db: Db, actor: Actor | null, editionId: string) => setStatus(db, actor, editionId, "CLOSED");

/**
 * A phone's ballot for the vote behind a code (PUT /api/vote/CODE/ballot): a
 * closed vote says so whoever asks; an anonymous ballot needs the voter card
 * the ballot options handed out, never a new one.
 */
export async function castBallotByCode(db: Db, code: string, teamIds: string[], request: VoterRequest) {
  const vote = await voteToCastIn(db, null, code);
  assertVoteOpen(vote);
  let voter: Voter;
  if (vote.requireSignIn) voter = voterKeyFor(vote, null, await request.person());
  else {
    const card = await request.card();
    if (!card) throw noVoterCard(`${await request.site()}/vote/${vote.joinCode}`);
    voter = voterKeyFor(vote, card, null);
  }
  return castBallot(db, vote.editionId, { ...voter, clientHash: await request.clientHash() }, teamIds, vote);
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
  if (!vote) throw notFound(msg("votes.vote.noVote"));
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
        if (rows.length === 0) throw invalid(msg("votes.ballot.closed"));
        const row = { id: rows[0].id, version: Number(rows[0].version) };
        if (row.version > 1) await tx.ballotPick.deleteMany({ where: { ballotId: row.id } }); // a first ballot has no picks to replace
        await tx.ballotPick.createMany({ data: picks.map((teamId, i) => ({ ballotId: row.id, teamId, rank: i + 1 })) });
        return row;
      });
      // not awaited: the voter's answer doesn't wait for the count to reach the projector
      void announce({ type: "ballot.cast", editionId });
      metrics().ballots.inc({ outcome: ballot.version === 1 ? "cast" : "replaced" });
      return { teamIds: picks, version: ballot.version };
    } catch (error) {
      // two submissions of the same voter raced on the first insert or on the picks: the next try updates
      if ((isUniqueViolation(error) || isSerializationFailure(error)) && attempt < 10) continue;
      if (isUniqueViolation(error)) throw conflict(msg("votes.ballot.savedTwice"));
      throw error;
    }
  }
}

/** Reveals the next podium place on the projector (third, then second, then first), or hides them all again. */
export async function revealStep(db: Db, actor: Actor | null, editionId: string, step: "next" | "reset") {
  assertOrganizer(actor, msg("votes.doing.reveal"));
  const vote = await ensureVote(db, editionId);
  if (vote.status !== "CLOSED") throw invalid(msg("votes.vote.closeBeforeReveal"));
  const results = await computeResults(db, editionId);
  if (step === "next" && vote.revealed >= podiumSteps(results).length) throw invalid(msg("votes.vote.podiumRevealed"));
  await db.vote.update({ where: { editionId }, data: { revealed: step === "reset" ? 0 : vote.revealed + 1 } });
  await announce({ type: "podium.revealed", editionId });
  return voteSnapshot(db, editionId);
}

async function setStatus(db: Db, actor: Actor | null, editionId: string, to: VoteStatus) {
  assertOrganizer(actor, to === "OPEN" ? msg("votes.doing.open") : msg("votes.doing.close"));
  await editionOrNotFound(db, editionId);
  const vote = await ensureVote(db, editionId);
  if (to === "OPEN" && (await db.team.count({ where: { editionId } })) === 0) throw invalid(msg("votes.vote.noTeams"));
  const now = new Date();
  await db.vote.update({
    where: { editionId },
    data: to === "OPEN" ? { status: "OPEN", openedAt: vote.openedAt ?? now, closedAt: null, revealed: 0 } : { status: "CLOSED", closedAt: now },
  });
  await db.edition.update({ where: { id: editionId }, data: { phase: to === "OPEN" ? "VOTING" : "CLOSED" } });
  await announce({ type: to === "OPEN" ? "vote.opened" : "vote.closed", editionId });
  return voteSnapshot(db, editionId);
}

function isSerializationFailure(error: unknown) {
  const e = error as { code?: string; message?: string };
  return e?.code === "P2034" || /deadlock|could not serialize|SQLITE_BUSY|database is locked/i.test(e?.message ?? "");
}

export type VoidInput = {
  /** the client network's hash, as listed by voteAudit ("" for ballots from before addresses were kept) */
  clientHash: string;
  /** only the ballots last sent from `from` (included) to `to` (excluded) */
  from?: Date;
  to?: Date;
  reason: string;
};

/**
 * Voids the counted ballots of one client address (within a span, if given),
 * with the reason: they stop counting, everywhere, at once. Returns the void,
 * and the audit as it is now.
 */
export async function voidBallots(db: Db, actor: Actor | null, editionId: string, input: VoidInput) {
  const me = assertOrganizer(actor, msg("votes.doing.void"));
  if (!(await db.vote.findUnique({ where: { editionId }, select: { editionId: true } }))) throw notFound(msg("votes.vote.noVote"));
  const reason = input.reason.trim();
  if (!reason) throw invalid(msg("votes.voids.reasonRequired"), "reason");
  if (input.from && input.to && input.from >= input.to) throw invalid(msg("votes.voids.spanOrder"), "to");
  const created = await db.$transaction(async (tx) => {
    const ballots = await tx.ballot.findMany({
      where: { editionId, clientHash: input.clientHash, voidId: null, updatedAt: { gte: input.from, lt: input.to } },
      select: { id: true },
    });
    const none = () => invalid(msg("votes.voids.noMatch"));
    if (ballots.length === 0) throw none();
    const row = await tx.ballotVoid.create({
      data: { editionId, byUserId: me.id, reason, clientHash: input.clientHash, fromAt: input.from ?? null, toAt: input.to ?? null, ballots: ballots.length },
    });
    // a ballot another organizer voided meanwhile stays theirs
    const voided = await markVoided(
      db,
      tx,
      row.id,
      ballots.map((b) => b.id),
    );
    if (voided === 0) throw none();
    return voided === row.ballots ? row : tx.ballotVoid.update({ where: { id: row.id }, data: { ballots: voided } });
  });
  await announce({ type: "ballots.voided", editionId });
  return { void: created, audit: await voteAudit(db, actor, editionId) };
}

/** Makes the ballots of a void count again; the void stays in the audit trail, marked restored (by whom, when). Returns it, and the audit as it is now. */
export async function restoreVoid(db: Db, actor: Actor | null, voidId: string, editionId?: string) {
  const me = assertOrganizer(actor, msg("votes.doing.restore"));
  const found = await db.ballotVoid.findUnique({ where: { id: voidId } });
  if (!found || (editionId !== undefined && found.editionId !== editionId)) throw notFound(msg("votes.voids.notFound"));
  const already = () => invalid(msg("votes.voids.restoredAlready"));
  if (found.restoredAt) throw already();
  const restoredAt = new Date();
  const ballots = await db.$transaction(async (tx) => {
    const { count } = await tx.ballotVoid.updateMany({ where: { id: voidId, restoredAt: null }, data: { restoredAt, restoredById: me.id } });
    if (count === 0) throw already(); // restored by someone else a moment ago
    return unmarkVoided(db, tx, voidId);
  });
  await announce({ type: "ballots.voided", editionId: found.editionId });
  return { void: { ...found, restoredAt, restoredById: me.id, restoredBallots: ballots }, audit: await voteAudit(db, actor, found.editionId) };
}

/** Marks these ballots as voided by `voidId`, unless already voided; returns how many it marked. */
async function markVoided(db: Db, tx: Tx, voidId: string, ids: string[]) {
  const p = placeholder(db);
  let marked = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    marked += await tx.$executeRawUnsafe(
      `UPDATE "Ballot" SET "voidId" = ${p(1)} WHERE "voidId" IS NULL AND "id" IN (${chunk.map((_, j) => p(j + 2)).join(", ")})`,
      voidId,
      ...chunk,
    );
  }
  return marked;
}

/** The ballots of this void count again; returns how many. */
async function unmarkVoided(db: Db, tx: Tx, voidId: string) {
  return tx.$executeRawUnsafe(`UPDATE "Ballot" SET "voidId" = NULL WHERE "voidId" = ${placeholder(db)(1)}`, voidId);
}

// Ballot rows are marked by hand-written SQL: Prisma's update would also move
// their `updatedAt` (@updatedAt), the time each was last sent, which the audit
// shows and the spans of voids are about.
const placeholder = (db: Db) => (n: number) => (dbKind(db) === "postgresql" ? `$${n}` : "?");
