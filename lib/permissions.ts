// Who may do what, and when. Plain functions of the actor, the thing and the
// edition's phase: no database, no framework. Every mutation in lib/ calls one
// of the `assert…` helpers before it writes, so the server refuses what the UI
// hides even when somebody crafts the request by hand.
import type { Phase, Role, TopicStatus } from "./domain";
import { PHASE_LABELS } from "./domain";
import { DomainError, forbidden, invalid } from "./errors";

export type Actor = { id: string; role: Role };
type EditionLike = { phase: string };
type TopicLike = { proposerId: string; status: string };

const phaseIn = (edition: EditionLike, ...phases: Phase[]) => (phases as string[]).includes(edition.phase);
export const isOrganizer = (actor: Actor | null | undefined) => actor?.role === "ORGANIZER";

/** Draft editions are the organizers' workspace; everything else is visible. */
export function canSeeEdition(actor: Actor | null, edition: EditionLike): boolean {
  return edition.phase !== "DRAFT" || isOrganizer(actor);
}

export function canManageEditions(actor: Actor | null): boolean {
  return isOrganizer(actor);
}

export function canManageRoles(actor: Actor | null): boolean {
  return isOrganizer(actor);
}

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

/** Employees create, join and leave teams while teams form; from hacking on, teams are locked. */
export function teamsOpen(edition: EditionLike): boolean {
  return phaseIn(edition, "TEAMS_FORMING");
}

export function canChangeOwnTeam(actor: Actor | null, edition: EditionLike): boolean {
  return !!actor && teamsOpen(edition);
}

/** Organizers move people between teams at any time until the edition is closed. */
export function canMovePeople(actor: Actor | null, edition: EditionLike): boolean {
  return isOrganizer(actor) && !phaseIn(edition, "CLOSED", "ARCHIVED");
}

/** Renaming a team or changing its topic: its members while teams are open, organizers until closed. */
export function canEditTeam(actor: Actor | null, isMember: boolean, edition: EditionLike): boolean {
  if (canMovePeople(actor, edition)) return true;
  return isMember && canChangeOwnTeam(actor, edition);
}

// ---- assertions used by the data layer -----------------------------------

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new DomainError("UNAUTHENTICATED", "Please sign in first.");
  return actor;
}

export function assertOrganizer(actor: Actor | null, doing: string): Actor {
  const a = requireActor(actor);
  if (!isOrganizer(a)) throw forbidden(`Only organizers can ${doing}.`);
  return a;
}

export function explainTopicProposalsClosed(edition: EditionLike): DomainError {
  return invalid(
    `Topics can't be proposed in the “${PHASE_LABELS[edition.phase as Phase] ?? edition.phase}” phase: ` +
      "proposals are open until hacking starts.",
  );
}

export function explainTeamsLocked(edition: EditionLike): DomainError {
  const phase = PHASE_LABELS[edition.phase as Phase] ?? edition.phase;
  return invalid(
    edition.phase === "DRAFT" || edition.phase === "PROPOSALS_OPEN"
      ? `Teams can't be formed yet: the edition is in the “${phase}” phase. Teams form once organizers open team forming.`
      : `Teams are locked in the “${phase}” phase. Ask an organizer if you need to change teams.`,
  );
}
