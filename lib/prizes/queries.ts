// Jury prizes ("Product management special prize"…): organizers define them;
// judges vote in a jury ballot, one pick per judge and prize; organizers award
// them (to the jury's choice, or directly). Awarded prizes show on the edition
// page and stay in the archive.
import type { Db } from "../platform/db";
import { forbidden } from "../platform/errors";
import { msg } from "../platform/messages";
import { assertOrganizer, isOrganizer, requireActor, type Actor } from "../people/rules";
import { canVoteOnJury } from "./rules";

export type PrizeInput = { name: string; description: string };

/** The edition's jury prizes, with this judge's own picks. */
export async function juryBallot(db: Db, actor: Actor | null, editionId: string) {
  const me = requireActor(actor);
  if (!canVoteOnJury(me)) throw forbidden(msg("prizes.judgesOnly"));
  const prizes = await db.prize.findMany({
    where: { editionId, kind: "JURY" },
    orderBy: { createdAt: "asc" },
    include: { juryVotes: { where: { judgeId: me.id } }, team: { select: { id: true, name: true } } },
  });
  return prizes.map(({ juryVotes, ...p }) => ({ ...p, myPick: juryVotes[0]?.teamId ?? null }));
}

/** Organizers: each jury prize with the count of judges' picks per team, most picked first. */
export async function juryTallies(db: Db, actor: Actor | null, editionId: string) {
  assertOrganizer(actor, msg("prizes.doing.seeJuryVotes"));
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

/** Awarded jury prizes, for everyone (organizers also see the ones not yet awarded). */
export async function listJuryPrizes(db: Db, actor: Actor | null, editionId: string) {
  return db.prize.findMany({
    where: { editionId, kind: "JURY", ...(isOrganizer(actor) ? {} : { teamId: { not: null } }) },
    orderBy: { createdAt: "asc" },
    include: { team: { select: { id: true, name: true } } },
  });
}
