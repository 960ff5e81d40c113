// Teams: formed around a topic, at most one per person per edition, capped in size.
//
// Concurrency: the (editionId, userId) unique key on TeamMember keeps a person
// in one team per edition; the (editionId, nameKey) unique key keeps names
// unique; the size cap is enforced by a conditional increment of
// Team.memberCount (`WHERE memberCount < cap`), which the database applies
// atomically, so two people can't both take the last seat.
import type { Db } from "../platform/db";
import { notFound } from "../platform/errors";
import { canSeeEdition } from "../editions/rules";
import { type Actor } from "../people/rules";

export async function listTeams(db: Db, editionId: string) {
  return db.team.findMany({
    where: { editionId },
    orderBy: { name: "asc" },
    include: {
      topic: { select: { id: true, title: true, kind: true } },
      members: { include: { user: person }, orderBy: { joinedAt: "asc" } },
    },
  });
}

export async function getTeam(db: Db, actor: Actor | null, teamId: string) {
  const team = await db.team.findUnique({
    where: { id: teamId },
    include: {
      edition: true,
      topic: { select: { id: true, title: true, kind: true, status: true } },
      members: { include: { user: person }, orderBy: { joinedAt: "asc" } },
    },
  });
  if (!team || !canSeeEdition(actor, team.edition)) throw notFound("That team doesn't exist.");
  return team;
}

export async function teamOf(db: Db, userId: string, editionId: string) {
  const membership = await db.teamMember.findUnique({
    where: { editionId_userId: { editionId, userId } },
    include: { team: { select: { id: true, name: true } } },
  });
  return membership?.team ?? null;
}

/** People of the edition's topic who showed interest and have no team yet: who a new team can bring along. */
export async function availableInterestedPeople(db: Db, editionId: string, topicId: string) {
  const interests = await db.interest.findMany({
    where: { topicId, user: { memberships: { none: { editionId } } } },
    include: { user: person },
    orderBy: { createdAt: "asc" },
  });
  return interests.map((i) => i.user);
}

export const person = { select: { id: true, name: true } } as const;
