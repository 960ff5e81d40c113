// Jury prizes' writes: organizers define, delete and award them; judges vote.
import { editionOrNotFound } from "../editions/queries";
import { announce } from "../platform/events";
import type { Db } from "../platform/db";
import { forbidden, invalid, notFound } from "../platform/errors";
import { msg } from "../platform/messages";
import { assertOrganizer, requireActor, type Actor } from "../people/rules";
import { PrizeInput } from "./queries";
import { canVoteOnJury } from "./rules";

export async function createJuryPrize(db: Db, actor: Actor | null, editionId: string, input: PrizeInput) {
  assertOrganizer(actor, msg("prizes.doing.define"));
  await editionOrNotFound(db, editionId);
  const prize = await db.prize.create({ data: { editionId, kind: "JURY", name: input.name, description: input.description } });
  await announce({ type: "prizes.changed", editionId });
  return prize;
}

export async function deleteJuryPrize(db: Db, actor: Actor | null, prizeId: string) {
  assertOrganizer(actor, msg("prizes.doing.remove"));
  const prize = await db.prize.findUnique({ where: { id: prizeId }, select: { editionId: true } });
  await db.prize.deleteMany({ where: { id: prizeId, kind: "JURY" } });
  if (prize) await announce({ type: "prizes.changed", editionId: prize.editionId });
}

/** A judge's pick for a jury prize; picking again replaces it. */
export async function castJuryVote(db: Db, actor: Actor | null, prizeId: string, teamId: string) {
  const me = requireActor(actor);
  if (!canVoteOnJury(me)) throw forbidden(msg("prizes.judgesOnly"));
  const prize = await loadPrize(db, prizeId);
  if (prize.kind !== "JURY") throw invalid(msg("prizes.juryPrizesOnly"));
  if (prize.teamId) throw invalid(msg("prizes.alreadyAwarded"));
  const team = await db.team.findUnique({ where: { id: teamId } });
  if (!team || team.editionId !== prize.editionId) throw invalid(msg("prizes.pickTeam"), "teamId");
  await db.juryVote.upsert({
    where: { prizeId_judgeId: { prizeId, judgeId: me.id } },
    create: { prizeId, judgeId: me.id, teamId },
    update: { teamId },
  });
  await announce({ type: "prizes.changed", editionId: prize.editionId });
}

/** Awards a jury prize to a team (the jury's choice or the organizer's), or takes it back with null. */
export async function awardPrize(db: Db, actor: Actor | null, prizeId: string, teamId: string | null) {
  assertOrganizer(actor, msg("prizes.doing.award"));
  const prize = await loadPrize(db, prizeId);
  if (teamId) {
    const team = await db.team.findUnique({ where: { id: teamId } });
    if (!team || team.editionId !== prize.editionId) throw invalid(msg("prizes.pickTeam"), "teamId");
  }
  const awarded = await db.prize.update({ where: { id: prizeId }, data: { teamId, awardedAt: teamId ? new Date() : null } });
  await announce({ type: "prizes.changed", editionId: prize.editionId });
  return awarded;
}

async function loadPrize(db: Db, prizeId: string) {
  const prize = await db.prize.findUnique({ where: { id: prizeId } });
  if (!prize) throw notFound(msg("prizes.notFound"));
  return prize;
}
