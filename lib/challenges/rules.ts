// The rules of the mini-challenges as pure functions: when a challenge is
// open, how an answer is compared, how correct answers are ranked by time,
// how many points each team gets, and how wrong answers are rate-limited.
import { DomainError } from "../platform/errors";
import { formatTime } from "../platform/time";
import { msg } from "../platform/messages";

export const CHALLENGE_KINDS = ["RIDDLE", "JUDGED", "TOURNAMENT"] as const;
export type ChallengeKind = (typeof CHALLENGE_KINDS)[number];
export const CHALLENGE_KIND_LABELS: Record<ChallengeKind, string> = { RIDDLE: "Speed riddle", JUDGED: "Judged challenge", TOURNAMENT: "Bot tournament" };

export const SCORINGS = ["RANK", "FIXED", "JUDGE"] as const;
export type Scoring = (typeof SCORINGS)[number];
export const SCORING_LABELS: Record<Scoring, string> = {
  RANK: "By rank of the correct answer's time",
  FIXED: "Fixed points for every correct team",
  JUDGE: "Judge-entered points",
};

export type ChallengeState = "UPCOMING" | "OPEN" | "CLOSED";
export const STATE_LABELS: Record<ChallengeState, string> = { UPCOMING: "Upcoming", OPEN: "Open", CLOSED: "Closed" };

type Timed = { opensAt: Date; closesAt: Date; manualState: string | null };

/** Open between its times, unless an organizer opened or closed it by hand. */
export function challengeState(c: Timed, now: Date): ChallengeState {
  if (c.manualState === "OPEN") return "OPEN";
  if (c.manualState === "CLOSED") return "CLOSED";
  if (now < c.opensAt) return "UPCOMING";
  if (now >= c.closesAt) return "CLOSED";
  return "OPEN";
}

/** Organizers and judges see every challenge; others not a hidden one before it opens. */
export function canSeeChallenge(c: Timed & { hiddenUntilOpen: boolean }, role: string | null, now: Date): boolean {
  if (role === "ORGANIZER" || role === "JUDGE") return true;
  return !c.hiddenUntilOpen || challengeState(c, now) !== "UPCOMING";
}

// ---- answers -------------------------------------------------------------------

export const MAX_ANSWER_LENGTH = 200;

/**
 * An answer as it is compared: case, accents, surrounding spaces and
 * punctuation don't matter ("  Élan-Vital! " → "elan vital"), and a number is
 * compared as a number: "15", "15.0", "+15" and " 15 " are equal; "-3" keeps
 * its sign; "1 000" and "1,000" are a thousand (three digits after a comma
 * group thousands), "1,5" is one and a half, ".5" a half; "−3" typed with
 * a typographic minus is -3.
 */
export function normalizeAnswer(raw: string): { text: string; number: number | null } {
  const text = raw
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    // a typographic minus or dash (autocorrect, pasted text) is a minus: "−3" is not 3
    .replace(/[\u2010-\u2013\u2212]/g, "-")
    .replace(/[^\p{L}\p{N}.,+-]+/gu, " ")
    // a decimal point with no digit before it gets its zero: ".5" is a half, not 5
    .replace(/(?<![\p{L}\p{N}.,])[.,](?=\p{N})/gu, "0$&")
    // keep a decimal point or comma between digits, and a sign right before a number; drop other punctuation
    .replace(/[.,](?!\p{N})|(?<!\p{N})[.,]|[+-](?!\p{N})|(?<=[\p{L}\p{N}])[+-]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  let numeric = text.replace(/(?<=\d) (?=\d{3}\b)/g, "").replace(/^\+/, "");
  if (/^-?\d{1,3}(,\d{3})+$/.test(numeric)) numeric = numeric.replace(/,/g, "");
  const match = /^-?\d+(?:[.,]\d+)?$/.exec(numeric);
  return { text, number: match ? Number(numeric.replace(",", ".")) : null };
}

export function answerMatches(given: string, accepted: string[]): boolean {
  const g = normalizeAnswer(given);
  if (!g.text) return false;
  return accepted.some((a) => {
    const n = normalizeAnswer(a);
    if (g.number !== null && n.number !== null) return g.number === n.number;
    return n.text !== "" && g.text === n.text;
  });
}

// ---- points --------------------------------------------------------------------

/** "10, 7,5" → [10, 7, 5]. */
export function parseRankPoints(text: string): number[] {
  return text
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((n) => Math.max(0, Math.trunc(Number(n))))
    .filter((n) => Number.isFinite(n));
}

export type SolveLike = { teamId: string; solvedAt: Date };
export type RankedSolve = { teamId: string; solvedAt: Date; rank: number; points: number };

/**
 * Correct answers ranked by their server time. Answers in the same
 * millisecond share a rank (and its points); the next rank skips, as in
 * sports: 1, 1, 3.
 */
export function rankSolves(solves: SolveLike[], rankPoints: number[]): RankedSolve[] {
  const sorted = [...solves].sort((a, b) => a.solvedAt.getTime() - b.solvedAt.getTime() || a.teamId.localeCompare(b.teamId));
  const ranked: RankedSolve[] = [];
  sorted.forEach((s, i) => {
    const previous = ranked[i - 1];
    const rank = previous && previous.solvedAt.getTime() === s.solvedAt.getTime() ? previous.rank : i + 1;
    ranked.push({ teamId: s.teamId, solvedAt: s.solvedAt, rank, points: rankPoints[rank - 1] ?? 0 });
  });
  return ranked;
}

export type ScoringRules = { scoring: string; rankPoints: string; fixedPoints: number };

/**
 * Each team's points on one challenge: a judge's score wins over the computed
 * result (an override); otherwise by rank of time, fixed per correct team, or
 * 0 until a judge scores.
 */
export function challengePoints(rules: ScoringRules, solves: SolveLike[], scores: { teamId: string; points: number }[]): Map<string, number> {
  const points = new Map<string, number>();
  if (rules.scoring === "RANK") for (const s of rankSolves(solves, parseRankPoints(rules.rankPoints))) points.set(s.teamId, s.points);
  if (rules.scoring === "FIXED") for (const s of solves) points.set(s.teamId, rules.fixedPoints);
  for (const s of scores) points.set(s.teamId, s.points);
  return points;
}

/** The points a judge may give on a challenge: 0 up to its maximum (or its best rank's points for an override). */
export function allowedPointRange(rules: ScoringRules & { maxPoints: number }): { min: number; max: number } {
  const best = rules.scoring === "RANK" ? Math.max(0, ...parseRankPoints(rules.rankPoints)) : rules.scoring === "FIXED" ? rules.fixedPoints : 0;
  return { min: 0, max: Math.max(rules.maxPoints, best) };
}

// ---- rate limit ----------------------------------------------------------------

export const WRONG_ANSWER_COOLDOWN_MS = 10_000;
export const MAX_WRONG_ANSWERS = 20;

export type Gate = { wrongCount: number; nextAt: Date };

/** Throws the reason a team may not answer now, with when it may again. */
export function assertMayAnswer(gate: Gate | null, now: Date, timezone: string) {
  if (!gate) return;
  if (gate.wrongCount >= MAX_WRONG_ANSWERS) {
    throw new DomainError("RATE_LIMITED", msg("challenges.answer.triesUsedUp", { count: MAX_WRONG_ANSWERS }));
  }
  const wait = gate.nextAt.getTime() - now.getTime();
  if (wait > 0) {
    const at = formatTime(gate.nextAt, timezone, { seconds: true });
    throw new DomainError("RATE_LIMITED", msg("challenges.answer.notSoFast", { at, seconds: Math.ceil(wait / 1000) }));
  }
}
