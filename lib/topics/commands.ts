// Topics' writes: proposing, editing, interest, and moderation (approve,
// reject, merge).
import { editionOrNotFound } from "../editions/queries";
import type { Db } from "../platform/db";
import { conflict, invalid, isUniqueViolation, notFound } from "../platform/errors";
import { assertOrganizer, isOrganizer, requireActor, type Actor } from "../people/rules";
import { canModerateTopic, canProposeTopic, canSeeTopic, canShowInterest, explainTopicProposalsClosed, topicIsOpen } from "./rules";
import { canSeeEdition, formatEditionNumber } from "../editions/rules";
import type { TopicInput } from "./schemas";
import { assertMayEditTopic } from "./queries";
import { announce } from "../platform/events";
import { msg } from "../platform/messages";

export async function proposeTopic(db: Db, actor: Actor | null, editionId: string, input: TopicInput) {
  const me = requireActor(actor);
  const edition = await editionOrNotFound(db, editionId, me);
  if (!canProposeTopic(me, edition)) throw explainTopicProposalsClosed(edition);
  const topic = await db.topic.create({
    data: {
      editionId,
      proposerId: me.id,
      title: input.title,
      pitch: input.pitch,
      kind: input.kind,
      // organizers' own topics need no review
      status: isOrganizer(me) ? "APPROVED" : "PENDING",
    },
  });
  await announce({ type: "topics.changed", editionId, proposed: topic.id });
  return topic;
}

export async function updateTopic(db: Db, actor: Actor | null, topicId: string, input: TopicInput) {
  const { me, topic } = await assertMayEditTopic(db, actor, topicId);
  const updated = await db.topic.update({
    where: { id: topicId },
    // a rejected topic that its proposer improves goes back to review
    data: { ...input, ...(topic.status === "REJECTED" && !isOrganizer(me) ? { status: "PENDING" } : {}) },
  });
  await announce({ type: "topics.changed", editionId: updated.editionId });
  return updated;
}

/**
 * Shows or withdraws interest. Idempotent (a double click or a retried request
 * is harmless); the (user, topic) primary key keeps one interest per person.
 */
export async function setInterest(db: Db, actor: Actor | null, topicId: string, interested: boolean) {
  const me = requireActor(actor);
  const topic = await db.topic.findUnique({ where: { id: topicId }, include: { edition: true } });
  if (!topic || !canSeeEdition(me, topic.edition) || !canSeeTopic(me, topic)) throw notFound(msg("topics.topic.notFound"));
  if (!canShowInterest(me, topic, topic.edition)) {
    if (!topicIsOpen(topic)) throw invalid(topic.status === "MERGED" ? msg("topics.interest.merged") : msg("topics.interest.rejected"));
    throw invalid(msg("topics.interest.closed"));
  }
  let shown = false;
  if (interested) {
    try {
      await db.interest.create({ data: { userId: me.id, topicId } });
      shown = true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // already interested: nothing to do
    }
  } else {
    await db.interest.deleteMany({ where: { userId: me.id, topicId } });
  }
  const count = await db.interest.count({ where: { topicId } });
  await announce({ type: "topics.changed", editionId: topic.editionId, ...(shown ? { interest: { topicId, userId: me.id } } : {}) });
  return { interested, count };
}

export async function approveTopic(db: Db, actor: Actor | null, topicId: string) {
  const { me } = await loadForModeration(db, actor, topicId);
  return moderated(db, me, topicId, { status: "APPROVED", rejectionReason: null });
}

export async function rejectTopic(db: Db, actor: Actor | null, topicId: string, reason: string) {
  const { me } = await loadForModeration(db, actor, topicId);
  return moderated(db, me, topicId, { status: "REJECTED", rejectionReason: reason });
}

/**
 * Merges a duplicate into another topic of the same edition: interest moves
 * along (once per person), teams follow, and the duplicate points to its target.
 */
export async function mergeTopic(db: Db, actor: Actor | null, sourceId: string, targetId: string) {
  const { me, topic: source } = await loadForModeration(db, actor, sourceId);
  if (sourceId === targetId) throw invalid(msg("topics.merge.pickAnother"), "targetTopicId");
  const target = await db.topic.findUnique({ where: { id: targetId } });
  if (!target || target.editionId !== source.editionId) throw invalid(msg("topics.merge.sameEdition"), "targetTopicId");
  if (!topicIsOpen(target)) throw invalid(msg("topics.merge.targetOpen"), "targetTopicId");
  try {
    const merged = await db.$transaction(async (tx) => {
      const moving = await tx.interest.findMany({ where: { topicId: sourceId } });
      const already = new Set((await tx.interest.findMany({ where: { topicId: targetId }, select: { userId: true } })).map((i) => i.userId));
      const toCreate = moving.filter((i) => !already.has(i.userId)).map((i) => ({ userId: i.userId, topicId: targetId, createdAt: i.createdAt }));
      if (toCreate.length) await tx.interest.createMany({ data: toCreate });
      await tx.interest.deleteMany({ where: { topicId: sourceId } });
      await tx.team.updateMany({ where: { topicId: sourceId }, data: { topicId: targetId } });
      await tx.topic.updateMany({ where: { mergedIntoId: sourceId }, data: { mergedIntoId: targetId } });
      return tx.topic.update({ where: { id: sourceId }, data: { status: "MERGED", mergedIntoId: targetId } });
    });
    await announce({ type: "topics.changed", editionId: merged.editionId, reviewed: { topicId: sourceId, actorId: me.id } });
    return merged;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(msg("topics.merge.race"));
    throw error;
  }
}

async function loadForModeration(db: Db, actor: Actor | null, topicId: string) {
  const me = assertOrganizer(actor, msg("topics.doing.moderate"));
  const topic = await db.topic.findUnique({ where: { id: topicId }, include: { edition: true } });
  if (!topic) throw notFound(msg("topics.topic.notFound"));
  if (!canModerateTopic(actor, topic.edition)) throw invalid(msg("topics.moderation.archived"));
  if (topic.status === "MERGED") throw invalid(msg("topics.moderation.alreadyMerged"));
  return { me, topic };
}

async function moderated(db: Db, me: Actor, topicId: string, data: { status: "APPROVED" | "REJECTED"; rejectionReason: string | null }) {
  const topic = await db.topic.update({ where: { id: topicId }, data });
  await announce({ type: "topics.changed", editionId: topic.editionId, reviewed: { topicId, actorId: me.id } });
  return topic;
}

/**
 * Brings a past topic, or a past team's project, back as a proposal of an
 * edition open for proposals: the same title, pitch and kind, with a link to
 * where it came from (its write-up is shown beside it). Reviewed like any
 * proposal; once per person, source and edition.
 */
export async function reviveTopic(db: Db, actor: Actor | null, target: { editionId: string }, source: { topicId: string } | { teamId: string }) {
  const me = requireActor(actor);
  const edition = await editionOrNotFound(db, target.editionId, me);
  if (!canProposeTopic(me, edition)) throw explainTopicProposalsClosed(edition);
  const origin =
    "topicId" in source
      ? await db.topic.findUnique({ where: { id: source.topicId }, include: { edition: true } })
      : await db.team
          .findUnique({ where: { id: source.teamId }, include: { edition: true, topic: true } })
          .then(
            (team) =>
              team && { ...team, title: team.topic?.title ?? team.name, pitch: team.topic?.pitch ?? "", kind: team.topic?.kind ?? "FUN", status: "APPROVED" },
          );
  if (!origin || !canSeeEdition(me, origin.edition)) throw notFound(msg("topics.revival.notFound"));
  if (origin.editionId === edition.id) throw invalid(msg("topics.revival.sameEdition"));
  if (origin.status !== "APPROVED") throw invalid(msg("topics.revival.approvedOnly"));
  const link = "topicId" in source ? { revivedFromTopicId: source.topicId } : { revivedFromTeamId: source.teamId };
  const already = await db.topic.findFirst({ where: { editionId: edition.id, proposerId: me.id, ...link }, select: { id: true } });
  if (already) throw conflict(msg("topics.revival.already"));
  const topic = await db.topic.create({
    data: {
      editionId: edition.id,
      proposerId: me.id,
      title: origin.title,
      // a team's project without a pitch of its own: say where it comes from, the proposer writes the rest
      pitch:
        origin.pitch || `The project of team “${"name" in origin ? origin.name : origin.title}” in ${formatEditionNumber(origin.edition.number)}, carried on.`,
      kind: origin.kind,
      status: isOrganizer(me) ? "APPROVED" : "PENDING",
      ...link,
    },
  });
  await announce({ type: "topics.changed", editionId: edition.id, proposed: topic.id });
  return topic;
}
