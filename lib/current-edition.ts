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
import { phaseIndex, type Phase } from "./domain";

export type EditionForRanking = { number: number; phase: string; presentationsStartAt: Date | string };

export const LIVE_PHASES: readonly Phase[] = ["HACKING", "PRESENTATIONS", "VOTING"];
export const FORMING_PHASES: readonly Phase[] = ["PROPOSALS_OPEN", "TEAMS_FORMING"];
export const FINISHED_PHASES: readonly Phase[] = ["CLOSED", "ARCHIVED"];

const isIn = (phases: readonly Phase[], phase: string) => (phases as readonly string[]).includes(phase);
const time = (d: Date | string) => new Date(d).getTime();

/** Active: open for people to take part, from proposals to voting. */
export function isActiveEdition(edition: { phase: string }): boolean {
  return isIn(FORMING_PHASES, edition.phase) || isIn(LIVE_PHASES, edition.phase);
}

/** Which of two live editions comes first: the most advanced phase, then the earliest presentations, then the lower number. */
function compareLive(a: EditionForRanking, b: EditionForRanking): number {
  return phaseIndex(b.phase as Phase) - phaseIndex(a.phase as Phase) || time(a.presentationsStartAt) - time(b.presentationsStartAt) || a.number - b.number;
}

const newestFirst = (a: EditionForRanking, b: EditionForRanking) => b.number - a.number;

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
