// Judging's rules, as plain functions: the tracks' methods and states, who
// may judge which team (conflicts of interest), and the leaderboard points a
// published track gives. The rankings, and which team a judge is sent to
// next, are in ranking.ts (pure as well).
import { forbidden, invalid } from "../platform/errors";
import { msg } from "../platform/messages";
import type { JudgingMethod, RankingRule } from "./ranking";

/** the default first: ranking, which the judging bench found best (docs/judging.md) */
export const JUDGING_METHODS = ["RANKING", "RUBRIC", "PAIRWISE"] as const satisfies readonly JudgingMethod[];
export const METHOD_LABELS: Record<JudgingMethod, string> = {
  PAIRWISE: "Pairwise comparisons",
  RUBRIC: "Rubric of weighted criteria",
  RANKING: "Each judge ranks the teams they saw",
};
export const METHOD_HINTS: Record<JudgingMethod, string> = {
  PAIRWISE: "The app sends each judge to a team and asks which is better, this one or the previous one (Crowd-BT, as in Gavel).",
  RUBRIC: "Judges score each team they see on the criteria below; the track's score is the weighted mean.",
  RANKING: "Judges note the teams they see, then put them in order; the orders are combined.",
};

export const RANKING_RULES = ["COPELAND", "BORDA"] as const satisfies readonly RankingRule[];
export const RANKING_RULE_LABELS: Record<RankingRule, string> = {
  BORDA: "Borda (points by position)",
  COPELAND: "Copeland (head-to-head wins)",
};

export const ELIGIBILITIES = ["ALL", "OPT_IN"] as const;
export type Eligibility = (typeof ELIGIBILITIES)[number];
export const ELIGIBILITY_LABELS: Record<Eligibility, string> = { ALL: "Every team", OPT_IN: "Teams that enter" };

export const TRACK_STATUSES = ["DRAFT", "OPEN", "PAUSED", "CLOSED"] as const;
export type TrackStatus = (typeof TRACK_STATUSES)[number];
export const TRACK_STATUS_LABELS: Record<TrackStatus, string> = { DRAFT: "Not open yet", OPEN: "Judging", PAUSED: "Paused", CLOSED: "Closed" };

/** SKIP: the team wasn't there; the judge is sent elsewhere and not back to it */
export const JUDGMENT_KINDS = ["SEEN", "PAIR", "RANKING", "RUBRIC", "SKIP"] as const;
export type JudgmentKind = (typeof JUDGMENT_KINDS)[number];

export const CRITERION_SCALES = [5, 10] as const;
export const MAX_CRITERIA = 10;
export const MAX_NOTES = 2000;
/** a judge sent to a team holds it (others are sent elsewhere) for this long */
export const VISIT_HOLD_MS = 10 * 60_000;
export const INVITE_HOURS_DEFAULT = 72;

type TrackState = { status: string; method: string };

/** Why a judge can't record a judgment in this track now, or null. */
export function judgingClosedReason(track: TrackState): string | null {
  if (track.status === "OPEN") return null;
  if (track.status === "PAUSED") return msg("judging.closed.paused");
  if (track.status === "CLOSED") return msg("judging.closed.closed");
  return msg("judging.closed.notStarted");
}

export function assertJudgingOpen(track: TrackState): void {
  const reason = judgingClosedReason(track);
  if (reason) throw invalid(reason);
}

/** The status changes an organizer may make. */
export function assertStatusChange(from: string, to: TrackStatus, ready: { teams: number; criteria: number; method: string }): void {
  if (from === to) return;
  if (to === "DRAFT") throw invalid(msg("judging.status.noBackToDraft"));
  if (to === "OPEN" || to === "PAUSED") {
    if (from === "CLOSED" && to === "PAUSED") throw invalid(msg("judging.status.reopenNotPause"));
    if (to === "OPEN" && ready.teams < 2) throw invalid(msg("judging.status.needsTwoTeams"));
    if (to === "OPEN" && ready.method === "RUBRIC" && ready.criteria === 0) throw invalid(msg("judging.status.needsCriterion"));
  }
}

// ---- conflicts of interest ------------------------------------------------------

export type Person = { id: string; email: string; department: string | null; managerEmail: string | null };
export type ConflictRules = { excludeSameDepartment: boolean; excludeReports: boolean };

const same = (a: string | null, b: string | null) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Why this judge may not judge this team, or null. Nobody judges their own
 * team; organizers' declared conflicts; and, when the track asks for it and
 * the company's SSO said so, a member of the judge's department or a member
 * who reports to the judge.
 */
export function conflictReason(judge: Person, members: Person[], declared: boolean, rules: ConflictRules): string | null {
  if (members.some((m) => m.id === judge.id)) return msg("judging.conflict.ownTeam");
  if (declared) return msg("judging.conflict.declared");
  if (rules.excludeSameDepartment) {
    const colleague = members.find((m) => same(m.department, judge.department));
    if (colleague) return msg("judging.conflict.sameDepartment", { department: colleague.department ?? "" });
  }
  if (rules.excludeReports && members.some((m) => same(m.managerEmail, judge.email))) return msg("judging.conflict.reportsToYou");
  return null;
}

// ---- results ----------------------------------------------------------------------

/** "10,6,3" → [10, 6, 3]; empty → none. */
export function parseBonusPoints(text: string): number[] {
  const t = text.trim();
  if (!t) return [];
  return t.split(",").map((p) => Number(p.trim()));
}

/** Bonus points by team from a published track's places (tied teams each get their place's points). */
export function trackBonus(standings: { teamId: string; rank: number }[], points: number[]): Map<string, number> {
  const bonus = new Map<string, number>();
  for (const s of standings) {
    const p = points[s.rank - 1];
    if (p) bonus.set(s.teamId, p);
  }
  return bonus;
}

/** Organizers, and the track's own judges, deliberate; everyone sees published results. */
export function assertCanDeliberate(isOrganizer: boolean, seated: boolean): void {
  if (!isOrganizer && !seated) throw forbidden(msg("judging.results.onlyDeliberators"));
}
