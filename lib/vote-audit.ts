// Where the ballots came from, for organizers, and voiding what wasn't people.
//
// Each ballot keeps the hash of the client network it was last sent from
// (lib/client-address.ts: the address itself is never stored). A hall behind
// one Wi-Fi shares one address, so many ballots from one address are normal;
// a script shows as an address whose ballots arrive in a burst no room
// produces. The organizer voids such a cluster (all the counted ballots of one
// address, or those last sent within a span of minutes) with a reason: the
// ballots stay stored with the void's id and stop counting, the void is the
// audit trail (who, when, why, how many), and restoring it makes them count
// again. Either way the count and the results are published at once.
import { dbKind, type Db, type Tx } from "./db";
import { invalid, notFound } from "./errors";
import { assertOrganizer, type Actor } from "./permissions";
import { publishVote } from "./votes";

/** The addresses listed (most ballots first); the rest are summed up. */
export const SHOWN_ADDRESSES = 50;
/** The minutes listed (the latest ones with ballots). */
export const SHOWN_MINUTES = 240;

const MINUTE = 60_000;

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
  assertOrganizer(actor, "see where the ballots came from");
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

async function namesOf(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const people = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(people.map((p) => [p.id, p.name]));
}

export type VoidInput = {
  /** the client network's hash, as listed by voteAudit ("" for ballots from before addresses were kept) */
  clientHash: string;
  /** only the ballots last sent from `from` (included) to `to` (excluded) */
  from?: Date;
  to?: Date;
  reason: string;
};

// Ballot rows are marked by hand-written SQL: Prisma's update would also move
// their `updatedAt` (@updatedAt), the time each was last sent, which the audit
// shows and the spans of voids are about.
const placeholder = (db: Db) => (n: number) => (dbKind(db) === "postgresql" ? `$${n}` : "?");

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

/**
 * Voids the counted ballots of one client address (within a span, if given),
 * with the reason: they stop counting, everywhere, at once. Returns the void.
 */
export async function voidBallots(db: Db, actor: Actor | null, editionId: string, input: VoidInput) {
  const me = assertOrganizer(actor, "void ballots");
  if (!(await db.vote.findUnique({ where: { editionId }, select: { editionId: true } }))) throw notFound("There is no vote for this edition.");
  const reason = input.reason.trim();
  if (!reason) throw invalid("Say why these ballots are voided: the reason stays in the audit trail.", "reason");
  if (input.from && input.to && input.from >= input.to) throw invalid("The span of minutes must end after it starts.", "to");
  const created = await db.$transaction(async (tx) => {
    const ballots = await tx.ballot.findMany({
      where: { editionId, clientHash: input.clientHash, voidId: null, updatedAt: { gte: input.from, lt: input.to } },
      select: { id: true },
    });
    const none = () => invalid("No counted ballot from that address matches: they may have been voided already, or sent at another time.");
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
  await publishVote(db, editionId);
  return created;
}

/** Makes the ballots of a void count again; the void stays in the audit trail, marked restored (by whom, when). */
export async function restoreVoid(db: Db, actor: Actor | null, voidId: string, editionId?: string) {
  const me = assertOrganizer(actor, "restore voided ballots");
  const found = await db.ballotVoid.findUnique({ where: { id: voidId } });
  if (!found || (editionId !== undefined && found.editionId !== editionId)) throw notFound("That void doesn't exist.");
  const already = () => invalid("Those ballots were restored already.");
  if (found.restoredAt) throw already();
  const restoredAt = new Date();
  const ballots = await db.$transaction(async (tx) => {
    const { count } = await tx.ballotVoid.updateMany({ where: { id: voidId, restoredAt: null }, data: { restoredAt, restoredById: me.id } });
    if (count === 0) throw already(); // restored by someone else a moment ago
    return unmarkVoided(db, tx, voidId);
  });
  await publishVote(db, found.editionId);
  return { ...found, restoredAt, restoredById: me.id, restoredBallots: ballots };
}
