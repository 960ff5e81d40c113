// Teams: formed around a topic, at most one per person per edition, capped in size.
//
// Concurrency: the (editionId, userId) unique key on TeamMember keeps a person
// in one team per edition; the (editionId, nameKey) unique key keeps names
// unique; the size cap is enforced by a conditional increment of
// Team.memberCount (`WHERE memberCount < cap`), which the database applies
// atomically, so two people can't both take the last seat.
import type { Db } from "../platform/db";
import { notFound } from "../platform/errors";
import { msg } from "../platform/messages";
import { canSeeEdition } from "../editions/rules";
import { type Actor } from "../people/rules";
import { isOutcomeStatus, OUTCOME_STATUSES, type OutcomeStatus } from "./rules";

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
  if (!team || !canSeeEdition(actor, team.edition)) throw notFound(msg("teams.team.notFound"));
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

export type Outcome = { teamId: string; team: string; status: OutcomeStatus; happenedOn: string; note: string; links: string[]; updatedAt: Date };

function outcomeOf(row: { teamId: string; status: string; happenedOn: string; note: string; links: string; updatedAt: Date }, team: string): Outcome | null {
  if (!isOutcomeStatus(row.status)) return null;
  let links: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.links);
    links = Array.isArray(parsed) ? parsed.filter((l): l is string => typeof l === "string") : [];
  } catch {
    // a hand-edited row: no links rather than no page
  }
  return { teamId: row.teamId, team, status: row.status, happenedOn: row.happenedOn, note: row.note, links, updatedAt: row.updatedAt };
}

/** A team's outcome, if told. */
export async function teamOutcome(db: Db, team: { id: string; name: string }): Promise<Outcome | null> {
  const row = await db.projectOutcome.findUnique({ where: { teamId: team.id } });
  return row && outcomeOf(row, team.name);
}

/** The outcomes told of an edition's projects, those in the product first. */
export async function editionOutcomes(db: Db, editionId: string): Promise<Outcome[]> {
  const rows = await db.projectOutcome.findMany({ where: { team: { editionId } }, include: { team: { select: { name: true } } } });
  const order = (o: Outcome) => OUTCOME_STATUSES.indexOf(o.status);
  return rows
    .flatMap((row) => outcomeOf(row, row.team.name) ?? [])
    .sort((a, b) => order(a) - order(b) || b.happenedOn.localeCompare(a.happenedOn) || a.team.localeCompare(b.team));
}
