// Topics: proposals, interest, moderation (approve, reject, merge).
import type { Db } from "../platform/db";
import { forbidden, invalid, notFound } from "../platform/errors";
import { canEditTopic, canSeeTopic, topicProposalsOpen } from "./rules";
import { canSeeEdition } from "../editions/rules";
import { isOrganizer, requireActor, type Actor } from "../people/rules";
import type { TopicListQuery } from "./schemas";

export async function listTopics(db: Db, actor: Actor | null, editionId: string, query: TopicListQuery) {
  const topics = await db.topic.findMany({
    where: {
      editionId,
      ...(query.kind ? { kind: query.kind } : {}),
      // rejected topics only for their proposer and organizers; merged ones are folded into their target
      OR: [{ status: { in: ["PENDING", "APPROVED"] } }, ...(actor ? [{ status: "REJECTED", ...(isOrganizer(actor) ? {} : { proposerId: actor.id }) }] : [])],
    },
    orderBy: query.sort === "recent" ? [{ createdAt: "desc" }, { id: "asc" }] : [{ interests: { _count: "desc" } }, { createdAt: "desc" }, { id: "asc" }],
    include: {
      proposer: person,
      _count: { select: { interests: true } },
      interests: actor ? { where: { userId: actor.id }, select: { userId: true } } : false,
      teams: { select: { id: true, name: true } },
    },
  });
  return topics.map(({ interests, _count, ...t }) => ({
    ...t,
    interestCount: _count.interests,
    interested: Array.isArray(interests) && interests.length > 0,
  }));
}

export async function getTopic(db: Db, actor: Actor | null, topicId: string) {
  const topic = await db.topic.findUnique({
    where: { id: topicId },
    include: {
      edition: true,
      proposer: person,
      mergedInto: { select: { id: true, title: true } },
      mergedFrom: { select: { id: true, title: true } },
      interests: { include: { user: person }, orderBy: { createdAt: "asc" } },
      teams: { include: { members: { include: { user: person } } }, orderBy: { name: "asc" } },
    },
  });
  if (!topic || !canSeeEdition(actor, topic.edition) || !canSeeTopic(actor, topic)) throw notFound("That topic doesn't exist.");
  return topic;
}

/** The topic, if this person may edit it now; otherwise why not. */
export async function assertMayEditTopic(db: Db, actor: Actor | null, topicId: string) {
  const me = requireActor(actor);
  const topic = await db.topic.findUnique({ where: { id: topicId }, include: { edition: true } });
  if (!topic || !canSeeEdition(me, topic.edition) || !canSeeTopic(me, topic)) throw notFound("That topic doesn't exist.");
  if (!canEditTopic(me, topic, topic.edition)) {
    if (me.id !== topic.proposerId && !isOrganizer(me)) throw forbidden("Only the topic's proposer or an organizer can edit it.");
    if (!topicProposalsOpen(topic.edition)) throw invalid("Topics are locked once hacking starts.");
    throw invalid("This topic was merged into another one and can't be edited.");
  }
  return { me, topic };
}

const person = { select: { id: true, name: true } } as const;
