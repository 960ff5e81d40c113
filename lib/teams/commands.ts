// Teams' writes: forming a team around a topic, joining, leaving, renaming,
// and organizers moving people (at most one team per person per edition).
import { editionOrNotFound } from "../editions/queries";
import { announce } from "../platform/events";
import type { Db, Tx } from "../platform/db";
import { DomainError, conflict, forbidden, invalid, isUniqueViolation, notFound } from "../platform/errors";
import { canChangeOwnTeam, canEditTeam, canMovePeople, canRecordOutcome, explainTeamsLocked, teamNameKey } from "./rules";
import { isOrganizer, requireActor, type Actor } from "../people/rules";
import { topicIsOpen } from "../topics/rules";
import type { OutcomeInput, TeamInput } from "./schemas";
import { person, getTeam, teamOf } from "./queries";
import { msg } from "../platform/messages";

/**
 * Creates a team around a topic. The creator joins it and may bring along
 * people who showed interest in the topic and are in no team yet.
 */
export async function createTeam(db: Db, actor: Actor | null, editionId: string, input: TeamInput) {
  const me = requireActor(actor);
  const edition = await editionOrNotFound(db, editionId, me);
  if (!canChangeOwnTeam(me, edition) && !canMovePeople(me, edition)) throw explainTeamsLocked(edition);
  const topic = await db.topic.findUnique({ where: { id: input.topicId } });
  if (!topic || topic.editionId !== editionId) throw invalid(msg("teams.team.pickTopic"), "topicId");
  if (!topicIsOpen(topic)) throw invalid(msg("teams.team.pickOpenTopic"), "topicId");

  // organizers may create a team without joining it
  const joinSelf = !isOrganizer(me) || input.memberIds.length === 0 || input.memberIds.includes(me.id);
  const memberIds = [...new Set([...(joinSelf ? [me.id] : []), ...input.memberIds])];
  if (memberIds.length > edition.maxTeamSize) {
    throw invalid(msg("teams.team.maxSize", { max: edition.maxTeamSize }), "memberIds");
  }
  const nameKey = teamNameKey(input.name);
  try {
    const team = await db.$transaction(async (tx) => {
      if (await tx.team.findUnique({ where: { editionId_nameKey: { editionId, nameKey } } })) {
        throw conflict(msg("teams.team.nameTaken", { name: input.name }), "name");
      }
      const others = memberIds.filter((id) => id !== me.id);
      if (others.length && !isOrganizer(me)) {
        const interested = await tx.interest.findMany({ where: { topicId: topic.id, userId: { in: others } }, select: { userId: true } });
        if (interested.length !== others.length) {
          throw invalid(msg("teams.team.onlyInterested"), "memberIds");
        }
      }
      const taken = await tx.teamMember.findMany({
        where: { editionId, userId: { in: memberIds } },
        include: { user: person, team: { select: { name: true } } },
      });
      if (taken.length) {
        const first = taken[0];
        throw conflict(
          first.userId === me.id
            ? msg("teams.team.youAreInTeam", { team: first.team.name })
            : msg("teams.team.personInTeam", { name: first.user.name, team: first.team.name }),
          first.userId === me.id ? undefined : "memberIds",
        );
      }
      const team = await tx.team.create({
        data: { editionId, topicId: topic.id, name: input.name, nameKey, memberCount: memberIds.length },
      });
      await tx.teamMember.createMany({ data: memberIds.map((userId) => ({ teamId: team.id, userId, editionId })) });
      return team;
    });
    const brought = memberIds.filter((id) => id !== me.id);
    await announce({ type: "teams.changed", editionId, change: { what: "formed", actorId: me.id, personIds: brought, teamIds: [team.id] } });
    return team;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (isUniqueViolation(error)) {
      throw conflict(msg("teams.team.createRace"));
    }
    throw error;
  }
}

export async function joinTeam(db: Db, actor: Actor | null, teamId: string) {
  const me = requireActor(actor);
  const team = await getTeam(db, me, teamId);
  if (!canChangeOwnTeam(me, team.edition)) throw explainTeamsLocked(team.edition);
  const current = await teamOf(db, me.id, team.editionId);
  if (current?.id === team.id) return team; // already a member: joining twice is harmless
  if (current) throw conflict(msg("teams.team.youAreInTeam", { team: current.name }));
  try {
    await db.$transaction((tx) => addMember(tx, team, me.id, team.edition.maxTeamSize));
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (isUniqueViolation(error)) throw conflict(msg("teams.team.joinRace"));
    throw error;
  }
  await announce({ type: "teams.changed", editionId: team.editionId, change: { what: "joined", actorId: me.id, personIds: [me.id], teamIds: [team.id] } });
  return getTeam(db, me, teamId);
}

export async function leaveTeam(db: Db, actor: Actor | null, teamId: string) {
  const me = requireActor(actor);
  const team = await getTeam(db, me, teamId);
  if (!team.members.some((m) => m.userId === me.id)) throw invalid(msg("teams.team.notInTeam"));
  if (!canChangeOwnTeam(me, team.edition)) throw explainTeamsLocked(team.edition);
  await db.$transaction((tx) => removeMember(tx, teamId, me.id)).catch(raceMessage);
  await announce({ type: "teams.changed", editionId: team.editionId, change: { what: "left", actorId: me.id, personIds: [me.id], teamIds: [team.id] } });
}

/** Organizers move a person into a team (or out of any team, with teamId null). */
export async function movePerson(db: Db, actor: Actor | null, editionId: string, userId: string, teamId: string | null) {
  const me = requireActor(actor);
  if (!isOrganizer(me)) throw forbidden(msg("teams.team.organizersMove"));
  const edition = await editionOrNotFound(db, editionId, me);
  if (!canMovePeople(me, edition)) throw invalid(msg("teams.team.editionClosed"));
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw notFound(msg("teams.team.noSuchPerson"));
  const target = teamId ? await db.team.findUnique({ where: { id: teamId } }) : null;
  if (teamId && (!target || target.editionId !== editionId)) throw invalid(msg("teams.team.pickTeam"), "teamId");
  let from: string | null | undefined;
  try {
    from = await db.$transaction(async (tx) => {
      const current = await tx.teamMember.findUnique({ where: { editionId_userId: { editionId, userId } } });
      if (current?.teamId === teamId) return undefined; // where they are already: nothing moves
      if (current) await removeMember(tx, current.teamId, userId);
      if (target) await addMember(tx, target, userId, edition.maxTeamSize);
      return current?.teamId ?? null;
    });
  } catch (error) {
    raceMessage(error);
  }
  const teamIds = [from, teamId].filter((id): id is string => typeof id === "string");
  await announce({
    type: "teams.changed",
    editionId,
    ...(from !== undefined ? { change: { what: "moved", actorId: me.id, personIds: [userId], teamIds } } : {}),
  });
}

export async function renameTeam(db: Db, actor: Actor | null, teamId: string, name: string) {
  const me = requireActor(actor);
  const team = await getTeam(db, me, teamId);
  const isMember = team.members.some((m) => m.userId === me.id);
  if (!canEditTeam(me, isMember, team.edition)) {
    if (!isMember && !isOrganizer(me)) throw forbidden(msg("teams.team.renameForbidden"));
    throw explainTeamsLocked(team.edition);
  }
  try {
    const renamed = await db.team.update({ where: { id: teamId }, data: { name, nameKey: teamNameKey(name) } });
    await announce({ type: "teams.changed", editionId: team.editionId, change: { what: "renamed", actorId: me.id, personIds: [], teamIds: [teamId] } });
    return renamed;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(msg("teams.team.nameTaken", { name }), "name");
    throw error;
  }
}

/** What a race lost at the database looks like to the person who lost it. */
function raceMessage(error: unknown): never {
  if (isUniqueViolation(error)) throw conflict(msg("teams.team.changeRace"));
  throw error;
}

/** Takes a seat in a team, atomically: fails if the person is in a team or the team is full. */
async function addMember(tx: Tx, team: { id: string; name: string; editionId: string }, userId: string, cap: number) {
  const seat = await tx.team.updateMany({
    where: { id: team.id, memberCount: { lt: cap } },
    data: { memberCount: { increment: 1 } },
  });
  if (seat.count === 0) throw invalid(fullMessage(team.name, cap));
  await tx.teamMember.create({ data: { teamId: team.id, userId, editionId: team.editionId } });
}

/** Gives up a seat; a team left empty disappears. */
async function removeMember(tx: Tx, teamId: string, userId: string) {
  const removed = await tx.teamMember.deleteMany({ where: { teamId, userId } });
  if (removed.count === 0) return;
  const team = await tx.team.update({ where: { id: teamId }, data: { memberCount: { decrement: 1 } } });
  if (team.memberCount <= 0) await tx.team.delete({ where: { id: teamId } });
}

function fullMessage(name: string, cap: number) {
  return msg("teams.team.full", { name, cap });
}

/** Tells (or updates) what became of the team's project; its team or an organizer, once the edition is over. */
export async function recordOutcome(db: Db, actor: Actor | null, teamId: string, input: OutcomeInput) {
  const me = requireActor(actor);
  const team = await getTeam(db, me, teamId);
  const isMember = team.members.some((m) => m.userId === me.id);
  if (!canRecordOutcome(me, isMember, team.edition)) {
    if (!isMember && !isOrganizer(me)) throw forbidden(msg("teams.outcome.forbidden"));
    throw invalid(msg("teams.outcome.notYet"));
  }
  const data = { status: input.status, happenedOn: input.happenedOn, note: input.note, links: JSON.stringify(input.links), recordedById: me.id };
  const outcome = await db.projectOutcome.upsert({ where: { teamId }, create: { teamId, ...data }, update: data });
  await announce({ type: "teams.changed", editionId: team.editionId });
  return outcome;
}
