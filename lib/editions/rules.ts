// Editions' rules, as plain functions (no database): the phases an edition
// moves through and their names, edition numbers and addresses, who sees an
// edition, which one is current, and the agenda's "now" and "next". Phases are
// stored as plain strings (portable across SQLite and PostgreSQL); these
// constants and the zod schemas built from them are the only source of truth.
import { Actor, isOrganizer } from "../people/rules";
import { msg } from "../platform/messages";

/** The phases an edition moves through, in order. */
export const PHASES = ["DRAFT", "PROPOSALS_OPEN", "TEAMS_FORMING", "HACKING", "PRESENTATIONS", "VOTING", "CLOSED", "ARCHIVED"] as const;
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
export function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}
export type EditionLike = { phase: string };

/** Draft editions are the organizers' workspace; everything else is visible. */
export function canSeeEdition(actor: Actor | null, edition: EditionLike): boolean {
  return edition.phase !== "DRAFT" || isOrganizer(actor);
}

export function canManageEditions(actor: Actor | null): boolean {
  return isOrganizer(actor);
}

/** A link of the edition page to one of the edition's pages (`rest`: its address after /editions/<hex>; `label`, a message of lib/). */
export type EditionLink = { rest: string; label: string };

/** The edition page's links for this reader in this phase: what is worth following now, then their own tools. */
export function editionLinks(edition: EditionLike, reader: Actor | null): EditionLink[] {
  const links: EditionLink[] = [];
  if (edition.phase !== "ARCHIVED" && edition.phase !== "DRAFT") links.push({ rest: "/challenges", label: msg("editions.links.challenges") });
  if ((LIVE_PHASES as readonly string[]).includes(edition.phase)) links.push({ rest: "/live", label: msg("editions.links.live") });
  if (reader?.role === "JUDGE") links.push({ rest: "/jury", label: msg("editions.links.jury") });
  // judging tracks: judges (any account an invitation seated) judge during the final, everyone signed in reads published results
  if (reader && !isOrganizer(reader) && [...LIVE_PHASES, "CLOSED"].includes(edition.phase))
    links.push({ rest: "/judging", label: msg("editions.links.judging") });
  if (isOrganizer(reader)) {
    links.push(
      { rest: "/stage", label: msg("editions.links.stage") },
      { rest: "/vote", label: msg("editions.links.vote") },
      { rest: "/prizes", label: msg("editions.links.prizes") },
      { rest: "/judging", label: msg("editions.links.judging") },
      { rest: "/notifications", label: msg("editions.links.notifications") },
      { rest: "/report", label: msg("editions.links.report") },
      { rest: "/manage", label: msg("editions.links.manage") },
    );
  }
  return links;
}

// Which edition is "the current one" (the header's link, the home page's first
// card), and which editions are active. Plain functions: no database.
//
// Two editions can be under way at once: the organizers open the next one for
// proposals while this one is still in its final. The current edition is the
// one happening now, not the newest:
//
// 1. a live edition (hacking, presentations or voting); when several are live,
//    the most advanced phase (voting, then presentations, then hacking: the one
//    whose final is on now), then the earliest presentations, then the lowest
//    number;
// 2. else the newest edition taking proposals or forming teams;
// 3. else the newest closed or archived one (the latest results);
// 4. else, for organizers only, the newest draft (so the first edition they
//    prepare is reachable before it opens).
//
// The active editions are those from proposals to voting (drafts, closed and
// archived ones are not): the home page shows the current one first and links
// every other active one ("Also open"), so both are reachable.

export type EditionForRanking = { number: number; phase: string; presentationsStartAt: Date | string };

export const LIVE_PHASES: readonly Phase[] = ["HACKING", "PRESENTATIONS", "VOTING"];
export const FORMING_PHASES: readonly Phase[] = ["PROPOSALS_OPEN", "TEAMS_FORMING"];
export const FINISHED_PHASES: readonly Phase[] = ["CLOSED", "ARCHIVED"];

/** Active: open for people to take part, from proposals to voting. */
export function isActiveEdition(edition: { phase: string }): boolean {
  return isIn(FORMING_PHASES, edition.phase) || isIn(LIVE_PHASES, edition.phase);
}

/**
 * The editions in the order they matter now: the live ones (most advanced
 * first), then those taking proposals or forming teams (newest first), then the
 * closed and archived ones (newest first), then, if `includeDrafts`, the drafts
 * (newest first). The first is the current edition.
 */
export function rankEditions<T extends EditionForRanking>(editions: readonly T[], { includeDrafts = false } = {}): T[] {
  const group = (phases: readonly Phase[], order: (a: T, b: T) => number) => editions.filter((e) => isIn(phases, e.phase)).sort(order);
  return [
    ...group(LIVE_PHASES, compareLive),
    ...group(FORMING_PHASES, newestFirst),
    ...group(FINISHED_PHASES, newestFirst),
    ...(includeDrafts ? group(["DRAFT"], newestFirst) : []),
  ];
}

/** The current edition (see the top of this file), or null when there is none to show. */
export function pickCurrentEdition<T extends EditionForRanking>(editions: readonly T[], options: { includeDrafts?: boolean } = {}): T | null {
  return rankEditions(editions, options)[0] ?? null;
}

/** The active editions (proposals to voting), in the order of rankEditions: the current one first when it is active. */
export function pickActiveEditions<T extends EditionForRanking>(editions: readonly T[]): T[] {
  return rankEditions(editions).filter(isActiveEdition);
}

/**
 * The current edition, and the other active editions in the same order (the
 * home page's "Also open"). The current one is never among the others; it may
 * itself be closed or archived when no edition is active.
 */
export function splitCurrentAndActive<T extends EditionForRanking>(
  editions: readonly T[],
  options: { includeDrafts?: boolean } = {},
): { current: T | null; otherActive: T[] } {
  const ranked = rankEditions(editions, options);
  const current = ranked[0] ?? null;
  return { current, otherActive: ranked.filter((e) => e !== current && isActiveEdition(e)) };
}

const isIn = (phases: readonly Phase[], phase: string) => (phases as readonly string[]).includes(phase);

/** Which of two live editions comes first: the most advanced phase, then the earliest presentations, then the lower number. */
function compareLive(a: EditionForRanking, b: EditionForRanking): number {
  return phaseIndex(b.phase as Phase) - phaseIndex(a.phase as Phase) || time(a.presentationsStartAt) - time(b.presentationsStartAt) || a.number - b.number;
}

const newestFirst = (a: EditionForRanking, b: EditionForRanking) => b.number - a.number;
const time = (d: Date | string) => new Date(d).getTime();

// What is happening now and what comes next, for the agenda and the edition
// page's countdown. Pure functions of the items and the current instant.

export type AgendaEntry = { id: string; title: string; startsAt: Date; endsAt: Date | null };
export type AgendaStatus = "past" | "now" | "next" | "later";

/**
 * An item is "now" from its start until its end (or, without an end, until the
 * next item starts; a last item without an end lasts an hour). The first item
 * starting after `now` is "next".
 */
export function agendaStatuses<T extends AgendaEntry>(items: T[], now: Date): Map<string, AgendaStatus> {
  const sorted = [...items].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const result = new Map<string, AgendaStatus>();
  let nextFound = false;
  sorted.forEach((item, i) => {
    const start = item.startsAt.getTime();
    const end = effectiveEnd(sorted, i).getTime();
    const t = now.getTime();
    if (t >= start && t < end) result.set(item.id, "now");
    else if (t >= end) result.set(item.id, "past");
    else if (!nextFound) {
      result.set(item.id, "next");
      nextFound = true;
    } else result.set(item.id, "later");
  });
  return result;
}

/** `label`: a message of lib/ ("Hacking starts"). */
export type Milestone = { label: string; at: Date };

/** The edition's next milestone after `now`: hacking starts, presentations start, the end. */
export function nextMilestone(edition: { hackingStartsAt: Date; presentationsStartAt: Date; endsAt: Date }, now: Date): Milestone | null {
  const milestones: Milestone[] = [
    { label: msg("editions.milestones.hacking"), at: edition.hackingStartsAt },
    { label: msg("editions.milestones.presentations"), at: edition.presentationsStartAt },
    { label: msg("editions.milestones.end"), at: edition.endsAt },
  ];
  return milestones.find((m) => m.at.getTime() > now.getTime()) ?? null;
}

/** "1 d 02:03:04" / "02:03:04" / "03:04": a countdown that reads well on a wall and in a screen reader. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (days > 0) return `${days} d ${pad(h)}:${pad(m)}:${pad(s)}`;
  if (h > 0) return `${pad(h)}:${pad(m)}:${pad(s)}`;
  return `${pad(m)}:${pad(s)}`;
}

function effectiveEnd(sorted: AgendaEntry[], i: number): Date {
  const item = sorted[i];
  if (item.endsAt) return item.endsAt;
  const following = sorted.slice(i + 1).find((o) => o.startsAt.getTime() > item.startsAt.getTime());
  return following ? following.startsAt : new Date(item.startsAt.getTime() + 60 * 60 * 1000);
}
