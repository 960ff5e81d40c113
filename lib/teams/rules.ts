// Teams' rules, as plain functions (no database): when teams may change, who
// may join, leave, rename or move people, and when two names are the same.
import { EditionLike } from "../editions/rules";
import { DomainError, invalid } from "../platform/errors";
import { msg } from "../platform/messages";
import { phaseIn } from "../topics/rules";
import { Actor, isOrganizer } from "../people/rules";

export const DEFAULT_MAX_TEAM_SIZE = 5;

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

/** Why teams can't change in the edition's phase: not formed yet (before team forming), or locked (from hacking on). */
export function explainTeamsLocked(edition: EditionLike): DomainError {
  return invalid(msg("teams.team.locked", { phase: edition.phase }));
}

/** "Laws of  the Universe " → "laws of the universe": the form a name is compared in. */
export function teamNameKey(name: string): string {
  return name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** What became of a project after its edition. */
export const OUTCOME_STATUSES = ["ADOPTED", "INTERNAL_USE", "CONTINUED", "STOPPED"] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];
export const OUTCOME_LABELS: Record<OutcomeStatus, string> = {
  ADOPTED: "Adopted into the product",
  INTERNAL_USE: "In internal use",
  CONTINUED: "Continued as a project",
  STOPPED: "Stopped",
};
export const isOutcomeStatus = (value: string): value is OutcomeStatus => (OUTCOME_STATUSES as readonly string[]).includes(value);

/** A project's outcome is told once its edition is over, by its team or an organizer. */
export function canRecordOutcome(actor: Actor | null, isMember: boolean, edition: EditionLike): boolean {
  if (edition.phase !== "CLOSED" && edition.phase !== "ARCHIVED") return false;
  return isOrganizer(actor) || (!!actor && isMember);
}
