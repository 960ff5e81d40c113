// Topics' rules, as plain functions (no database): kinds and statuses, when
// topics may be proposed, who may edit, moderate or show interest.
import { type Phase, EditionLike } from "../editions/rules";
import { DomainError, invalid } from "../platform/errors";
import { msg } from "../platform/messages";
import { Actor, isOrganizer } from "../people/rules";

export const TOPIC_KINDS = ["KILLER_FEATURE", "TEAM_TOOLING", "FUN"] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];
export const TOPIC_KIND_LABELS: Record<TopicKind, string> = {
  KILLER_FEATURE: "Killer feature",
  TEAM_TOOLING: "Team tooling",
  FUN: "Fun",
};
export const TOPIC_KIND_DESCRIPTIONS: Record<TopicKind, string> = {
  KILLER_FEATURE: "A feature for our products that never made the roadmap.",
  TEAM_TOOLING: "Something that improves how technical teams work.",
  FUN: "A creative hack of our products or everyday tools.",
};

export const TOPIC_STATUSES = ["PENDING", "APPROVED", "REJECTED", "MERGED"] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];
export const TOPIC_STATUS_LABELS: Record<TopicStatus, string> = {
  PENDING: "Awaiting review",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  MERGED: "Merged",
};
type TopicLike = { proposerId: string; status: string };

/** Topics are proposed while proposals are open and while teams form; no new topics once hacking starts. */
export function topicProposalsOpen(edition: EditionLike): boolean {
  return phaseIn(edition, "PROPOSALS_OPEN", "TEAMS_FORMING");
}

export function canProposeTopic(actor: Actor | null, edition: EditionLike): boolean {
  if (!actor) return false;
  if (isOrganizer(actor)) return phaseIn(edition, "DRAFT", "PROPOSALS_OPEN", "TEAMS_FORMING");
  return topicProposalsOpen(edition);
}

/** The proposer edits until teams lock (hacking starts); organizers until the edition is archived. */
export function canEditTopic(actor: Actor | null, topic: TopicLike, edition: EditionLike): boolean {
  if (!actor) return false;
  if (isOrganizer(actor)) return !phaseIn(edition, "ARCHIVED");
  return actor.id === topic.proposerId && topic.status !== "MERGED" && topicProposalsOpen(edition);
}

export function canModerateTopic(actor: Actor | null, edition: EditionLike): boolean {
  return isOrganizer(actor) && !phaseIn(edition, "ARCHIVED");
}

/** Rejected topics are shown only to their proposer and organizers (with the reason). */
export function canSeeTopic(actor: Actor | null, topic: TopicLike): boolean {
  if (topic.status !== "REJECTED") return true;
  return isOrganizer(actor) || actor?.id === topic.proposerId;
}

const OPEN_TOPIC_STATUSES: TopicStatus[] = ["PENDING", "APPROVED"];
export const topicIsOpen = (topic: { status: string }) => (OPEN_TOPIC_STATUSES as string[]).includes(topic.status);

export function canShowInterest(actor: Actor | null, topic: TopicLike, edition: EditionLike): boolean {
  return !!actor && topicIsOpen(topic) && topicProposalsOpen(edition);
}

export function explainTopicProposalsClosed(edition: EditionLike): DomainError {
  return invalid(msg("topics.topic.proposalsClosed", { phase: edition.phase }));
}

export const phaseIn = (edition: EditionLike, ...phases: Phase[]) => (phases as string[]).includes(edition.phase);
