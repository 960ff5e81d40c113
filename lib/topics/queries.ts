// Topics: proposals, interest, moderation (approve, reject, merge).
import type { Db } from "../platform/db";
import { forbidden, invalid, notFound } from "../platform/errors";
import { msg } from "../platform/messages";
import { canEditTopic, canProposeTopic, canSeeTopic, topicProposalsOpen } from "./rules";
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
  if (!topic || !canSeeEdition(actor, topic.edition) || !canSeeTopic(actor, topic)) throw notFound(msg("topics.topic.notFound"));
  return topic;
}

/** The topic, if this person may edit it now; otherwise why not. */
export async function assertMayEditTopic(db: Db, actor: Actor | null, topicId: string) {
  const me = requireActor(actor);
  const topic = await db.topic.findUnique({ where: { id: topicId }, include: { edition: true } });
  if (!topic || !canSeeEdition(me, topic.edition) || !canSeeTopic(me, topic)) throw notFound(msg("topics.topic.notFound"));
  if (!canEditTopic(me, topic, topic.edition)) {
    if (me.id !== topic.proposerId && !isOrganizer(me)) throw forbidden(msg("topics.edit.forbidden"));
    if (!topicProposalsOpen(topic.edition)) throw invalid(msg("topics.edit.locked"));
    throw invalid(msg("topics.edit.merged"));
  }
  return { me, topic };
}

const person = { select: { id: true, name: true } } as const;

/** The edition a past topic or project would be revived into: the newest this person may propose in now, or null. */
export async function revivalTarget(db: Db, actor: Actor | null) {
  if (!actor) return null;
  const open = await db.edition.findMany({ where: { phase: { in: ["PROPOSALS_OPEN", "TEAMS_FORMING"] } }, orderBy: { number: "desc" } });
  return open.find((edition) => canProposeTopic(actor, edition)) ?? null;
}

export type Revival = {
  /** where it came from: a topic or a team's project of a past edition */
  from: { kind: "topic" | "team"; id: string; title: string; editionNumber: number };
  /** that project's published write-up, shown beside the revived topic */
  writeUp: { slug: string; title: string; summary: string } | null;
};

/** Where a revived topic came from, and the write-up of that project, if one was published. */
export async function revivalOf(db: Db, topic: { revivedFromTopicId: string | null; revivedFromTeamId: string | null }): Promise<Revival | null> {
  if (topic.revivedFromTeamId) {
    const team = await db.team.findUnique({ where: { id: topic.revivedFromTeamId }, include: { edition: { select: { number: true } } } });
    if (!team) return null;
    return { from: { kind: "team", id: team.id, title: team.name, editionNumber: team.edition.number }, writeUp: await writeUpOf(db, { teamId: team.id }) };
  }
  if (topic.revivedFromTopicId) {
    const source = await db.topic.findUnique({ where: { id: topic.revivedFromTopicId }, include: { edition: { select: { number: true } } } });
    if (!source) return null;
    return {
      from: { kind: "topic", id: source.id, title: source.title, editionNumber: source.edition.number },
      writeUp: await writeUpOf(db, { topicId: source.id }),
    };
  }
  return null;
}

async function writeUpOf(db: Db, where: { teamId: string } | { topicId: string }) {
  const article = await db.article.findFirst({ where: { ...where, published: { isNot: null } }, include: { published: true }, orderBy: { createdAt: "asc" } });
  return article?.published ? { slug: article.published.slug, title: article.published.title, summary: article.published.summary } : null;
}
