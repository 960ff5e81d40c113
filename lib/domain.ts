// The vocabulary of the hackathon: roles, phases, topic kinds and statuses.
// Stored as plain strings (portable across SQLite and PostgreSQL); these
// constants and the zod schemas built from them are the only source of truth.

export const ROLES = ["ORGANIZER", "JUDGE", "EMPLOYEE"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  ORGANIZER: "Organizer",
  JUDGE: "Judge",
  EMPLOYEE: "Employee",
};

/** The phases an edition moves through, in order. */
export const PHASES = [
  "DRAFT",
  "PROPOSALS_OPEN",
  "TEAMS_FORMING",
  "HACKING",
  "PRESENTATIONS",
  "VOTING",
  "CLOSED",
  "ARCHIVED",
] as const;
export type Phase = (typeof PHASES)[number];
/** The phase's place in the order above: compares "at least hacking" and the like. */
export const phaseIndex = (phase: Phase) => PHASES.indexOf(phase);
export const PHASE_LABELS: Record<Phase, string> = {
  DRAFT: "Draft",
  PROPOSALS_OPEN: "Proposals open",
  TEAMS_FORMING: "Teams forming",
  HACKING: "Hacking",
  PRESENTATIONS: "Presentations",
  VOTING: "Voting",
  CLOSED: "Closed",
  ARCHIVED: "Archived",
};
export const PHASE_DESCRIPTIONS: Record<Phase, string> = {
  DRAFT: "Only organizers see this edition while they prepare it.",
  PROPOSALS_OPEN: "Anyone may propose a topic and show interest in topics.",
  TEAMS_FORMING: "Topics may still be proposed; teams form around them.",
  HACKING: "Teams are locked and hacking. No new topics.",
  PRESENTATIONS: "Each team presents its work on stage: five minutes, precisely.",
  VOTING: "The audience votes for its favourite projects.",
  CLOSED: "The vote is closed and the prizes are announced.",
  ARCHIVED: "A past edition, kept for the record.",
};

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

export const DEFAULT_MAX_TEAM_SIZE = 5;

/** 9 → "0x09", 10 → "0x0A": editions are numbered and shown in hexadecimal. */
export function formatEditionNumber(n: number): string {
  return "0x" + n.toString(16).toUpperCase().padStart(2, "0");
}

/** "0x09", "0x9", "0X0a" → 9; anything else → null. Used to route /editions/<hex>. */
export function parseEditionSlug(slug: string): number | null {
  const match = /^0x([0-9a-f]{1,4})$/i.exec(slug.trim());
  if (!match) return null;
  const n = parseInt(match[1], 16);
  return n > 0 ? n : null;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
export function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}
