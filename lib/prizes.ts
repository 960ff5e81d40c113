// Jury prizes ("Product management special prize"…): organizers define them;
// judges vote in a jury ballot, one pick per judge and prize; organizers award
// them (to the jury's choice, or directly). Awarded prizes show on the edition
// page and stay in the archive.
import type { Db } from "./db";
import { forbidden, invalid, notFound } from "./errors";
import { assertOrganizer, isOrganizer, requireActor, type Actor } from "./permissions";

export type PrizeInput = { name: string; description: string };

async function loadPrize(db: Db, prizeId: string) {
  const prize = await db.prize.findUnique({ where: { id: prizeId } });
  if (!prize) throw notFound("That prize doesn't exist.");
  return prize;
}

export async function createJuryPrize(db: Db, actor: Actor | null, editionId: string, input: PrizeInput) {
  assertOrganizer(actor, "define prizes");
  if (!(await db.edition.findUnique({ where: { id: editionId } }))) throw notFound("That edition doesn't exist.");
  return db.prize.create({ data: { editionId, kind: "JURY", name: input.name, description: input.description } });
}

export async function deleteJuryPrize(db: Db, actor: Actor | null, prizeId: string) {
  assertOrganizer(actor, "remove prizes");
  await db.prize.deleteMany({ where: { id: prizeId, kind: "JURY" } });
}

/** Judges (and organizers) sit on the jury. */
export const canVoteOnJury = (actor: Actor | null) => actor?.role === "JUDGE" || actor?.role === "ORGANIZER";

/** A judge's pick for a jury prize; picking again replaces it. */
export async function castJuryVote(db: Db, actor: Actor | null, prizeId: string, teamId: string) {
  const me = requireActor(actor);
  if (!canVoteOnJury(me)) throw forbidden("Only judges vote for jury prizes.");
  const prize = await loadPrize(db, prizeId);
  if (prize.kind !== "JURY") throw invalid("Only jury prizes have a jury vote.");
  if (prize.teamId) throw invalid("This prize has already been awarded.");
  const team = await db.team.findUnique({ where: { id: teamId } });
  if (!team || team.editionId !== prize.editionId) throw invalid("Pick a team of this edition.", "teamId");
  await db.juryVote.upsert({
    where: { prizeId_judgeId: { prizeId, judgeId: me.id } },
    create: { prizeId, judgeId: me.id, teamId },
    update: { teamId },
  });
}

/** The edition's jury prizes, with this judge's own picks. */
export async function juryBallot(db: Db, actor: Actor | null, editionId: string) {
  const me = requireActor(actor);
  if (!canVoteOnJury(me)) throw forbidden("Only judges vote for jury prizes.");
  const prizes = await db.prize.findMany({
    where: { editionId, kind: "JURY" },
    orderBy: { createdAt: "asc" },
    include: { juryVotes: { where: { judgeId: me.id } }, team: { select: { id: true, name: true } } },
  });
  return prizes.map(({ juryVotes, ...p }) => ({ ...p, myPick: juryVotes[0]?.teamId ?? null }));
}

/** Organizers: each jury prize with the count of judges' picks per team, most picked first. */
export async function juryTallies(db: Db, actor: Actor | null, editionId: string) {
  assertOrganizer(actor, "see the jury's votes");
  const prizes = await db.prize.findMany({
    where: { editionId, kind: "JURY" },
    orderBy: { createdAt: "asc" },
    include: { juryVotes: { include: { team: { select: { id: true, name: true } } } }, team: { select: { id: true, name: true } } },
  });
  return prizes.map(({ juryVotes, ...p }) => {
    const counts = new Map<string, { teamId: string; name: string; votes: number }>();
    for (const v of juryVotes) {
      const entry = counts.get(v.teamId) ?? { teamId: v.teamId, name: v.team.name, votes: 0 };
      entry.votes += 1;
      counts.set(v.teamId, entry);
    }
    return { ...p, judges: juryVotes.length, tally: [...counts.values()].sort((a, b) => b.votes - a.votes || a.name.localeCompare(b.name)) };
  });
}

/** Awards a jury prize to a team (the jury's choice or the organizer's), or takes it back with null. */
export async function awardPrize(db: Db, actor: Actor | null, prizeId: string, teamId: string | null) {
  assertOrganizer(actor, "award prizes");
  const prize = await loadPrize(db, prizeId);
  if (teamId) {
    const team = await db.team.findUnique({ where: { id: teamId } });
    if (!team || team.editionId !== prize.editionId) throw invalid("Pick a team of this edition.", "teamId");
  }
  return db.prize.update({ where: { id: prizeId }, data: { teamId, awardedAt: teamId ? new Date() : null } });
}

/** Awarded jury prizes, for everyone (organizers also see the ones not yet awarded). */
export async function listJuryPrizes(db: Db, actor: Actor | null, editionId: string) {
  return db.prize.findMany({
    where: { editionId, kind: "JURY", ...(isOrganizer(actor) ? {} : { teamId: { not: null } }) },
    orderBy: { createdAt: "asc" },
    include: { team: { select: { id: true, name: true } } },
  });
}
