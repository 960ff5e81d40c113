// The ranking of a judging track, as pure functions of its judgments: the
// standings of each method (rubric, ranking by Borda or Copeland, pairwise
// Crowd-BT), how sure they are (an interval per team, the chance each of the
// top three is really above the fourth, whether the top-3 set is settled and
// what would settle it), and which team a judge should see next.
//
// Deterministic: every random draw (the bootstrap, epsilon-greedy) comes
// from a seeded generator, so the deliberation page shows the same figures on
// every refresh. Plain TypeScript importing nothing
// outside lib/judging/: client components may import it. docs/judging.md
// explains the choices and the figures of bench/judging.ts behind them.
import { expectedInformationGain, judgeBelief, judgePrior, replay, teamPrior, update, weightedInformationGain, type CrowdBTState } from "./crowd-bt";
import { mixSeed, seededRandom, shuffled } from "./random";

export type JudgingMethod = "RUBRIC" | "RANKING" | "PAIRWISE";
export type RankingRule = "BORDA" | "COPELAND";
/** scores are integers 1..scale */
export type Criterion = { id: string; weight: number; scale: 5 | 10 };
/** in the order they were made */
export type PairwiseJudgment = { judgeId: string; winnerId: string; loserId: string };
/** team ids best first (only teams that judge saw); the caller passes only each judge's latest */
export type RankingJudgment = { judgeId: string; order: string[] };
/** criterion id -> score; the caller passes only the latest per judge × team */
export type RubricJudgment = { judgeId: string; teamId: string; scores: Record<string, number> };

export type TeamStanding = {
  teamId: string;
  /** 1-based, ties share a rank */
  rank: number;
  /** pairwise: posterior mean mu; ranking: normalized Borda/Copeland in [0,1]; rubric: weighted mean in [0,1], or z-score when normalized */
  score: number;
  /** 95% interval */
  low: number;
  high: number;
  /** how many judgments involve this team */
  judgments: number;
  /** how many distinct judges saw it */
  judges: number;
};

export type Confidence = {
  /** for each of the top 3 (fewer if fewer teams): the chance it is really above the team ranked fourth */
  aboveFourth: { teamId: string; probability: number }[];
  /** the claim that the top-3 set is right (calibrated by bench/judging.ts) */
  settled: boolean;
  /** null when settled; pairs for pairwise, moreJudgments for rubric/ranking (null when unknowable) */
  toSettle: { pairs: [string, string][]; moreJudgments: number | null } | null;
  /** the share of the bootstrap resamples over judges in which the top-3 set holds */
  topThreeProbability?: number;
  /** the judges without whom the top-3 set would change: the podium rests on each of them alone */
  pivotalJudges?: string[];
};

export type Leniency = {
  judgeId: string;
  /** the judge's mean weighted score, in [0,1] */
  mean: number;
  sd: number;
  judgments: number;
  /** how much higher than the other judges of the same teams, on average, in [0,1] units (0 when no team was shared) */
  offset?: number;
};

export type TrackRanking = { method: JudgingMethod; standings: TeamStanding[]; confidence: Confidence; leniency?: Leniency[] };

// --- the settled claim ------------------------------------------------------------
// Calibrated with bench/judging.ts on seeds of its own (docs/judging.md has the
// figures): the claim is made only when the top-3 set holds in this share of
// the bootstrap resamples over judges (widened for few judges), no single
// judge's judgments decide it, and every team has been seen by enough judges
// — a team seen by one judge, or none, could be anywhere, whatever the
// resamples say. The same rule for every method.

/** the share of bootstrap resamples in which the top-3 set must hold */
export const SETTLED_PROBABILITY = 0.95;
/** every team seen by at least this many judges before the top 3 can be called settled */
export const SETTLED_MIN_JUDGES = 2;
/** and each of the top 3 by at least this many */
export const SETTLED_MIN_JUDGES_TOP = 3;

const DEFAULT_SEED = 0x5eed;
const RESAMPLES = 400;
/** how many comparisons toSettle.pairs lists, at most */
const PAIRS_TO_SETTLE = 5;

// --- pairwise -------------------------------------------------------------------

/**
 * Pairwise (Crowd-BT, as Gavel): each team's posterior mean mu after the
 * judgments in the order they were made, and mu ± 1.96σ. The probabilities
 * come from a bootstrap over judges, replaying the resampled judges'
 * judgments in order, as for the other methods.
 */
export function rankPairwise(teamIds: string[], judgments: PairwiseJudgment[], options: { seed?: number; resamples?: number } = {}): TrackRanking {
  const ids = unique(teamIds);
  const index = indexOf(ids);
  const valid = judgments.filter((j) => index.has(j.winnerId) && index.has(j.loserId) && j.winnerId !== j.loserId);
  const state = replay(ids, valid);
  const beliefs = ids.map((id) => state.teams.get(id)!);
  const counts = countPairwise(ids, valid);
  const spread = beliefs.map((b) => 1.96 * Math.sqrt(b.sigmaSq));
  const byJudge = groupByJudge(valid.map((j, at) => ({ ...j, at })));
  const scoreOf = crowdScores(ids, byJudge);
  // not Crowd-BT's own posterior: its chances of the top-3 set were cautious on some seeds and
  // overconfident on others (top-3 sets it gave ≥ 0.85 right 91% to 100% of the time), docs/judging.md
  const samples = bootstrap(byJudge, options.resamples ?? RESAMPLES, options.seed, scoreOf);
  const result = summarize({
    method: "PAIRWISE",
    ids,
    scores: scoreOf(byJudge.map((group) => ({ group, weight: 1 }))),
    samples,
    interval: (i) => [beliefs[i].mu - spread[i], beliefs[i].mu + spread[i]],
    counts,
    withoutEach: leaveOneOut(byJudge, scoreOf),
  });
  if (!result.confidence.settled && result.confidence.toSettle) result.confidence.toSettle.pairs = pairsToSettle(state, result.standings);
  return result;
}

type Timed = PairwiseJudgment & { at: number };

/**
 * Crowd-BT's means after replaying the judgments of the judges picked, in the
 * order they were made; a judge picked twice judges twice, as two judges. NaN
 * for a team no picked judgment involves. Indexed arrays rather than a
 * replay() of copied judgments: the bootstrap runs it 400 times.
 */
function crowdScores(ids: string[], groups: Timed[][]): Scorer<Timed> {
  const index = indexOf(ids);
  const groupOf = new Map(groups.map((g, i) => [g, i]));
  // every judgment once, in the order made, as (group, winner, loser)
  const timeline = groups
    .flatMap((group, g) => group.map((j) => ({ at: j.at, g, w: index.get(j.winnerId)!, l: index.get(j.loserId)! })))
    .sort((a, b) => a.at - b.at);
  return (picked) => {
    const copies = new Array<number>(groups.length).fill(0);
    for (const { group, weight } of picked) copies[groupOf.get(group)!] = weight;
    const teams = ids.map(() => teamPrior());
    const judged = new Uint8Array(ids.length);
    // one judge belief per copy of a judge
    const judges = copies.map((n) => Array.from({ length: n }, judgePrior));
    for (const { g, w, l } of timeline)
      for (let c = 0; c < copies[g]; c++) {
        const after = update(judges[g][c], teams[w], teams[l]);
        [judges[g][c], teams[w], teams[l]] = [after.judge, after.winner, after.loser];
        judged[w] = judged[l] = 1;
      }
    return teams.map((t, i) => (judged[i] ? t.mu : NaN));
  };
}

/**
 * The comparisons that would most help settle the top 3: each of the top 3
 * against each team below, by how likely the posterior thinks their order is
 * wrong (a coin flip first), then by expected information gain for a judge
 * at the prior.
 */
function pairsToSettle(state: CrowdBTState, standings: TeamStanding[]): [string, string][] {
  if (standings.length < 4) return [];
  const top = standings.slice(0, 3).map((s) => s.teamId);
  const rest = standings.slice(3).map((s) => s.teamId);
  const judge = judgeBelief(state, "");
  const pairs = top.flatMap((a) =>
    rest.map((b) => {
      const [x, y] = [state.teams.get(a)!, state.teams.get(b)!];
      return {
        pair: [a, b] as [string, string],
        wrong: normalCdf((y.mu - x.mu) / Math.sqrt(x.sigmaSq + y.sigmaSq)),
        gain: expectedInformationGain(judge, x, y),
      };
    }),
  );
  pairs.sort((p, q) => q.wrong - p.wrong || q.gain - p.gain);
  return pairs.slice(0, PAIRS_TO_SETTLE).map((p) => p.pair);
}

function countPairwise(ids: string[], judgments: PairwiseJudgment[]): { judgments: number[]; judges: number[] } {
  const index = indexOf(ids);
  const counts = ids.map(() => 0);
  const judges = ids.map(() => new Set<string>());
  for (const j of judgments) {
    const [w, l] = [index.get(j.winnerId), index.get(j.loserId)];
    if (w === undefined || l === undefined || w === l) continue;
    for (const t of [w, l]) {
      counts[t]++;
      judges[t].add(j.judgeId);
    }
  }
  return { judgments: counts, judges: judges.map((s) => s.size) };
}

// --- ranking (Borda, Copeland) ------------------------------------------------------

/**
 * Each judge's order of the teams they saw. Borda: a team's points in one
 * order are (k − 1 − position) / (k − 1) of the k teams ranked, so a judge who
 * saw 5 and one who saw 12 weigh the same; its score is the mean over the
 * orders it is in. Copeland: a team beats another when more judges put it
 * above than below; its score is (wins + ½ draws) / (teams − 1), where a pair
 * no judge saw together counts as a draw — absence of evidence, which keeps a
 * team that beat the 4 it met below one that beat 20.
 */
export function rankRankings(teamIds: string[], judgments: RankingJudgment[], options: { rule: RankingRule; seed?: number; resamples?: number }): TrackRanking {
  const ids = unique(teamIds);
  const index = indexOf(ids);
  const orders = judgments
    .map((j) => ({ judgeId: j.judgeId, order: unique(j.order.filter((t) => index.has(t))).map((t) => index.get(t)!) }))
    .filter((j) => j.order.length > 0);
  const byJudge = groupByJudge(orders);
  const counts = countTeams(ids.length, orders, (o) => o.order);
  const scoreOf = options.rule === "BORDA" ? bordaScores(ids.length) : copelandScores(ids.length);
  const scores = scoreOf(byJudge.map((group) => ({ group, weight: 1 })));
  const samples = bootstrap(byJudge, options.resamples ?? RESAMPLES, options.seed, scoreOf);
  const withoutEach = leaveOneOut(byJudge, scoreOf);
  return summarize({ method: "RANKING", ids, scores, samples, interval: null, counts, withoutEach, range: [0, 1] });
}

type Order = { judgeId: string; order: number[] };
type Weighted<T> = { group: T[]; weight: number };
/** scores of every team from the judges picked (a judge picked twice in a resample weighs 2), with the teams no order includes marked NaN */
type Scorer<T> = (picked: Weighted<T>[]) => number[];

function bordaScores(n: number): Scorer<Order> {
  return (picked) => {
    const sum = new Float64Array(n);
    const weight = new Float64Array(n);
    for (const { group, weight: w } of picked)
      for (const { order } of group)
        order.forEach((t, position) => {
          sum[t] += w * (order.length > 1 ? (order.length - 1 - position) / (order.length - 1) : 0.5);
          weight[t] += w;
        });
    return Array.from(sum, (s, t) => (weight[t] > 0 ? s / weight[t] : NaN));
  };
}

function copelandScores(n: number): Scorer<Order> {
  return (picked) => {
    const above = new Float64Array(n * n); // above[a * n + b]: weight of the orders putting a above b
    const seen = new Uint8Array(n);
    for (const { group, weight: w } of picked)
      for (const { order } of group)
        for (let i = 0; i < order.length; i++) {
          seen[order[i]] = 1;
          for (let j = i + 1; j < order.length; j++) above[order[i] * n + order[j]] += w;
        }
    const scores: number[] = [];
    for (let a = 0; a < n; a++) {
      if (!seen[a]) {
        scores.push(NaN);
        continue;
      }
      let points = 0;
      for (let b = 0; b < n; b++) if (b !== a) points += above[a * n + b] > above[b * n + a] ? 1 : above[a * n + b] === above[b * n + a] ? 0.5 : 0;
      scores.push(n > 1 ? points / (n - 1) : 0.5);
    }
    return scores;
  };
}

// --- rubric -----------------------------------------------------------------------

/**
 * A form's score is the weighted mean of its criteria, each mapped to [0,1]
 * ((score − 1) / (scale − 1)); a team's score is the mean of its forms.
 * Normalized: each form's score becomes the judge's z-score (how many of
 * their own standard deviations above their own mean), so a judge who gives
 * everything 2 more weighs the same as one who doesn't.
 */
export function rankRubric(
  teamIds: string[],
  criteria: Criterion[],
  judgments: RubricJudgment[],
  options: { normalize: boolean; seed?: number; resamples?: number },
): TrackRanking {
  const ids = unique(teamIds);
  const index = indexOf(ids);
  const forms = judgments.flatMap((j) => {
    const team = index.get(j.teamId);
    const value = formScore(criteria, j.scores);
    return team === undefined || value === null ? [] : [{ judgeId: j.judgeId, team, value }];
  });
  const byJudge = groupByJudge(forms);
  const leniency = byJudge.map((group) => {
    const { mean, sd } = meanSd(group.map((f) => f.value));
    return { judgeId: group[0].judgeId, mean, sd, judgments: group.length, offset: offsetOf(group, forms) };
  });
  // a judge's z-scores depend on their own forms only: computed once, resampled with the judge
  const values: Form[][] = options.normalize
    ? byJudge.map((group, j) => group.map((f) => ({ ...f, value: leniency[j].sd > 0 ? (f.value - leniency[j].mean) / leniency[j].sd : 0 })))
    : byJudge;
  const scoreOf = meanScores(ids.length);
  const scores = scoreOf(values.map((group) => ({ group, weight: 1 })));
  const samples = bootstrap(values, options.resamples ?? RESAMPLES, options.seed, scoreOf);
  const withoutEach = leaveOneOut(values, scoreOf);
  const counts = countTeams(ids.length, forms, (f) => [f.team]);
  const range: [number, number] | undefined = options.normalize ? undefined : [0, 1];
  return { ...summarize({ method: "RUBRIC", ids, scores, samples, interval: null, counts, withoutEach, range }), leniency };
}

type Form = { judgeId: string; team: number; value: number };

/** The weighted mean in [0,1] of the valid scores (integers in 1..scale) of a form; null if none is. A criterion left out weighs nothing. */
export function formScore(criteria: Criterion[], scores: Record<string, number>): number | null {
  const weights = criteria.map((c) => (c.weight > 0 ? c.weight : 0));
  // all weights zero (not set yet): every criterion counts the same
  const equal = weights.every((w) => w === 0);
  let sum = 0;
  let total = 0;
  criteria.forEach((c, i) => {
    const score = scores[c.id];
    if (!Number.isInteger(score) || score < 1 || score > c.scale) return;
    const w = equal ? 1 : weights[i];
    sum += (w * (score - 1)) / (c.scale - 1);
    total += w;
  });
  return total > 0 ? sum / total : null;
}

function meanScores(n: number): Scorer<Form> {
  return (picked) => {
    const sum = new Float64Array(n);
    const weight = new Float64Array(n);
    for (const { group, weight: w } of picked)
      for (const f of group) {
        sum[f.team] += w * f.value;
        weight[f.team] += w;
      }
    return Array.from(sum, (s, t) => (weight[t] > 0 ? s / weight[t] : NaN));
  };
}

/** The judge's mean difference from the other judges' mean on the same teams: leniency net of which teams they happened to see. */
function offsetOf(group: Form[], forms: Form[]): number {
  const differences = group.flatMap((f) => {
    const others = forms.filter((o) => o.team === f.team && o.judgeId !== f.judgeId).map((o) => o.value);
    return others.length ? [f.value - others.reduce((s, v) => s + v, 0) / others.length] : [];
  });
  return differences.length ? differences.reduce((s, v) => s + v, 0) / differences.length : 0;
}

// --- the bootstrap over judges -------------------------------------------------------------

/**
 * Resamples the judges with replacement and rescores: the spread of the scores
 * is how much the ranking depends on which judges happened to come. A team no
 * resampled judge saw gets the score of a random team that was seen in that
 * resample — no evidence, so it could be anywhere — rather than a neutral
 * score, which would quietly keep it out of the top 3.
 */
function bootstrap<T>(groups: T[][], resamples: number, seed: number | undefined, scoreOf: Scorer<T>): number[][] {
  if (groups.length === 0) return [];
  const random = seededRandom(seed ?? DEFAULT_SEED);
  const point = scoreOf(groups.map((group) => ({ group, weight: 1 })));
  const inflate = smallSampleInflation(groups.length);
  const samples: number[][] = [];
  for (let r = 0; r < resamples; r++) {
    const weights = new Map<number, number>();
    for (let k = 0; k < groups.length; k++) {
      const g = Math.floor(random() * groups.length);
      weights.set(g, (weights.get(g) ?? 0) + 1);
    }
    const picked = [...weights].map(([g, weight]) => ({ group: groups[g], weight }));
    const scores = scoreOf(picked).map((s, t) => (Number.isNaN(s) || Number.isNaN(point[t]) ? s : point[t] + inflate * (s - point[t])));
    const seen = scores.flatMap((s, t) => (Number.isNaN(s) ? [] : [t]));
    samples.push(scores.map((s) => (Number.isNaN(s) ? scores[seen[Math.floor(random() * seen.length)]] : s)));
  }
  return samples;
}

/** The scores with each judge left out in turn: whether one judge alone decides the top 3. */
function leaveOneOut<T extends { judgeId: string }>(groups: T[][], scoreOf: Scorer<T>): { judges: string[]; scores: number[][] } {
  return {
    judges: groups.map((g) => g[0].judgeId),
    scores: groups.map((_, left) => scoreOf(groups.flatMap((group, g) => (g === left ? [] : [{ group, weight: 1 }])))),
  };
}

/**
 * The percentile bootstrap over J judges is the normal approximation with the
 * plug-in spread: too narrow when J is small (the spread of 6 judges is itself
 * a guess). Deviations from the point score are widened by the ratio of
 * Student's t with J − 1 degrees of freedom to the normal, and by √(J / (J − 1)),
 * the plug-in variance's bias: 1.44 for 6 judges, 1.22 for 10, 1.10 for 20.
 */
function smallSampleInflation(judges: number): number {
  if (judges < 2) return 1;
  const df = judges - 1;
  const t = df <= T_975.length ? T_975[df - 1] : 1.96 + 2.4 / df;
  return (t / 1.96) * Math.sqrt(judges / df);
}

/** Student's t, 97.5th percentile, for 1 to 30 degrees of freedom */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069,
  2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

// --- standings and confidence ---------------------------------------------------------

type Summary = {
  method: JudgingMethod;
  ids: string[];
  /** point scores, NaN for a team no judgment includes */
  scores: number[];
  /** scores of every team in each resample or posterior draw */
  samples: number[][];
  /** pairwise gives its own interval; otherwise the 2.5% and 97.5% quantiles of the samples */
  interval: ((team: number) => [number, number]) | null;
  counts: { judgments: number[]; judges: number[] };
  /** the scores with each judge left out (NaN for a team only they judged) */
  withoutEach: { judges: string[]; scores: number[][] };
  /** the bounds of the score, if it has any: the intervals stay within them */
  range?: [number, number];
};

function summarize({ method, ids, scores: raw, samples, interval, counts, withoutEach, range }: Summary): TrackRanking {
  const n = ids.length;
  // with no judgment at all: the middle of the scale (pairwise: the prior mean, normalized rubric: 0)
  const empty = range ? (range[0] + range[1]) / 2 : 0;
  const scores = withNeutral(raw, empty);
  const order = ids.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const rank = new Array<number>(n);
  order.forEach((t, position) => {
    const previous = order[position - 1];
    rank[t] = position > 0 && sameScore(scores[previous], scores[t]) ? rank[previous] : position + 1;
  });
  const bounds = (t: number): [number, number] => {
    if (interval) return interval(t);
    if (samples.length === 0) return [scores[t], scores[t]];
    const sorted = samples.map((s) => s[t]).sort((a, b) => a - b);
    const [low, high] = [quantile(sorted, 0.025), quantile(sorted, 0.975)];
    // widened resamples can step past the scale (a Borda score above 1): the interval can't
    return range ? [Math.max(range[0], low), Math.min(range[1], high)] : [low, high];
  };
  const standings: TeamStanding[] = order.map((t) => {
    const [low, high] = bounds(t);
    return { teamId: ids[t], rank: rank[t], score: scores[t], low, high, judgments: counts.judgments[t], judges: counts.judges[t] };
  });
  return { method, standings, confidence: confidence({ ids, order, rank, scores, samples, counts, withoutEach, empty }) };
}

/** A team without judgments is placed at the mean of the others (the middle of the scale when no team has any): unknown, not bad. */
function withNeutral(scores: number[], empty: number): number[] {
  const seen = scores.filter((s) => !Number.isNaN(s));
  const neutral = seen.length ? seen.reduce((s, v) => s + v, 0) / seen.length : empty;
  return scores.map((s) => (Number.isNaN(s) ? neutral : s));
}

function confidence(args: {
  ids: string[];
  order: number[];
  rank: number[];
  scores: number[];
  samples: number[][];
  counts: Summary["counts"];
  withoutEach: Summary["withoutEach"];
  empty: number;
}): Confidence & { topThreeProbability: number; pivotalJudges: string[] } {
  const { ids, order, rank, scores, samples, counts, withoutEach } = args;
  const n = order.length;
  const top = order.slice(0, 3);
  const anyJudgment = counts.judgments.some((c) => c > 0);
  if (n <= 3) {
    // the top-3 set is every team: right by construction, once anyone has judged
    return {
      aboveFourth: top.map((t) => ({ teamId: ids[t], probability: 1 })),
      settled: anyJudgment,
      toSettle: anyJudgment ? null : { pairs: [], moreJudgments: null },
      topThreeProbability: anyJudgment ? 1 : 0,
      pivotalJudges: [],
    };
  }
  const fourth = order[3];
  const rest = order.slice(3);
  const share = (test: (s: number[]) => boolean) => (samples.length ? samples.filter(test).length / samples.length : 0);
  const setHolds = (s: number[]) => Math.min(...top.map((t) => s[t])) > Math.max(...rest.map((t) => s[t]));
  const aboveFourth = top.map((t) => ({ teamId: ids[t], probability: share((s) => s[t] > s[fourth]) }));
  const topThreeProbability = rank[fourth] <= 3 ? 0 : share(setHolds);
  // a judge without whom the top-3 set would not hold: the podium rests on them alone
  const pivotalJudges = withoutEach.judges.filter((_, j) => !setHolds(withNeutral(withoutEach.scores[j], args.empty)));
  const covered = counts.judges.every((j) => j >= SETTLED_MIN_JUDGES) && top.every((t) => counts.judges[t] >= SETTLED_MIN_JUDGES_TOP);
  const settled = anyJudgment && covered && pivotalJudges.length === 0 && topThreeProbability >= SETTLED_PROBABILITY;
  return {
    aboveFourth,
    settled,
    toSettle: settled ? null : { pairs: [], moreJudgments: moreJudgments(order, scores, samples, counts) },
    topThreeProbability,
    pivotalJudges,
  };
}

/**
 * How many more judgments would settle the top 3, if the gaps hold: the
 * margin between the weakest of the top 3 and the strongest of the rest is
 * now z of its bootstrap standard deviations; that deviation shrinks as
 * 1/√(judgments of the teams in contention), so reaching the z of
 * SETTLED_PROBABILITY (z′) takes (z′ / z)² times as many, plus whatever brings every
 * team to the judges the claim asks for. Null when the margin is nil (a coin
 * flip: no number of judgments can be promised).
 */
function moreJudgments(order: number[], scores: number[], samples: number[][], counts: Summary["counts"]): number | null {
  if (samples.length === 0) return null;
  const top = order.slice(0, 3);
  const rest = order.slice(3);
  const margin = (s: number[]) => Math.min(...top.map((t) => s[t])) - Math.max(...rest.map((t) => s[t]));
  const point = margin(scores);
  const { sd } = meanSd(samples.map(margin));
  const coverage =
    counts.judges.reduce((sum, j) => sum + Math.max(0, SETTLED_MIN_JUDGES - j), 0) +
    top.reduce((sum, t) => sum + Math.max(0, SETTLED_MIN_JUDGES_TOP - counts.judges[t]), 0);
  if (!(point > 0)) return null;
  if (sd === 0) return coverage;
  const z = point / sd;
  const target = normalQuantile(SETTLED_PROBABILITY);
  // the teams in contention: the top 3 and any team above the weakest of them in at least 5% of the samples
  const weakest = top.reduce((a, b) => (scores[a] <= scores[b] ? a : b));
  const contenders = [...top, ...rest.filter((t) => samples.filter((s) => s[t] > s[weakest]).length >= 0.05 * samples.length)];
  const judgments = contenders.reduce((sum, t) => sum + counts.judgments[t], 0);
  const statistical = z >= target ? 0 : Math.ceil(Math.max(1, judgments) * ((target / z) ** 2 - 1));
  return statistical + coverage;
}

// --- choosing the next team -------------------------------------------------------------

/**
 * Pairwise: the team this judge should see next, after Gavel's choose_next.
 * Among the candidates they haven't seen (and, if possible, no other judge is
 * at now), the teams fewer than `minViews` judges have judged come first; then
 * with probability `epsilon` a random one, else the one whose comparison with
 * `current` has the highest expected information gain. Null when nothing is left.
 *
 * Two departures from Gavel, both from bench/judging.ts (docs/judging.md):
 * the gain weighs each team by how much its place matters to the top 3
 * (focus "TOP3"; "ALL" is Gavel's plain gain), and the defaults are
 * minViews 1 and epsilon 0.1 rather than Gavel's 2 and 0.25 — with 9 visits a
 * judge, two views of every team take the whole budget and leave nothing
 * for the teams that decide the podium. Top-3 recall, 40 teams, 10 judges ×
 * 30 min: 0.38 as Gavel chooses, 0.56 so.
 */
export function nextTeam(args: {
  judgeId: string;
  current: string | null;
  seen: string[];
  busy: string[];
  candidates: string[];
  judgments: PairwiseJudgment[];
  seed: number;
  /** teams judged by fewer judges than this come first (default 1; Gavel's MIN_VIEWS is 2) */
  minViews?: number;
  /** "TOP3" (default): information about the top 3; "ALL": Gavel's expected information gain */
  focus?: "TOP3" | "ALL";
  /** the share of random picks (default 0.1; Gavel's EPSILON is 0.25) */
  epsilon?: number;
}): string | null {
  const { judgeId, current, judgments } = args;
  const items = preferred(args, viewsOf(judgments), args.minViews ?? DEFAULT_MIN_VIEWS);
  if (items.length === 0) return null;
  const random = seededRandom(mixSeed(args.seed, judgeId));
  // shuffled first: the random pick, and a fair order among equal gains (Python's max keeps the first)
  const order = shuffled(items, random);
  if (current === null || random() < (args.epsilon ?? DEFAULT_EPSILON)) return order[0];
  const state = replay(unique([current, ...items, ...args.candidates, ...judgments.flatMap((j) => [j.winnerId, j.loserId])]), judgments);
  const judge = judgeBelief(state, judgeId);
  const now = state.teams.get(current)!;
  const weight = args.focus === "ALL" ? () => 1 : boundaryDoubt(state);
  let best = order[0];
  let bestGain = -Infinity;
  for (const id of order) {
    const gain = weightedInformationGain(judge, now, state.teams.get(id)!, weight(current), weight(id));
    if (gain > bestGain) [best, bestGain] = [id, gain];
  }
  return best;
}

/**
 * How much a team's belief matters to the top 3: twice the posterior chance
 * that it is on the other side of the boundary between the 3rd and 4th
 * means (1 for a team on it, near 0 far from it), with a floor so that a
 * comparison far from the top still counts a little.
 */
function boundaryDoubt(state: CrowdBTState): (teamId: string) => number {
  const mus = [...state.teams.values()].map((b) => b.mu).sort((a, b) => b - a);
  if (mus.length < 4) return () => 1;
  const boundary = (mus[2] + mus[3]) / 2;
  return (teamId) => {
    const b = state.teams.get(teamId);
    return b ? DOUBT_FLOOR + (1 - DOUBT_FLOOR) * 2 * normalCdf(-Math.abs(b.mu - boundary) / Math.sqrt(b.sigmaSq)) : 1;
  };
}

const DOUBT_FLOOR = 0.05;
const DEFAULT_MIN_VIEWS = 1;
const DEFAULT_EPSILON = 0.1;

/**
 * Rubric and ranking: the team this judge should visit next, given the
 * track's current standings (rankRubric or rankRankings of the judgments so
 * far). Among the candidates they haven't seen (not busy if possible): a
 * team fewer than `minViews` judges have seen, fewest first; then the team
 * whose side of the top-3 boundary is least sure by the standings'
 * intervals. Null when nothing is left.
 */
export function nextTeamToVisit(args: {
  judgeId: string;
  seen: string[];
  busy: string[];
  candidates: string[];
  standings: TeamStanding[];
  seed: number;
  /** default 1: every team seen once, then the visits go where the podium is decided */
  minViews?: number;
}): string | null {
  const byTeam = new Map(args.standings.map((s) => [s.teamId, s]));
  const views = new Map(args.standings.map((s) => [s.teamId, s.judges]));
  const minViews = args.minViews ?? DEFAULT_MIN_VIEWS;
  const items = preferred({ ...args, current: null }, views, minViews);
  if (items.length === 0) return null;
  const order = shuffled(items, seededRandom(mixSeed(args.seed, args.judgeId)));
  const fewest = Math.min(...order.map((id) => views.get(id) ?? 0));
  if (fewest < minViews) return order.find((id) => (views.get(id) ?? 0) === fewest)!;
  const sorted = [...args.standings].sort((a, b) => b.score - a.score);
  if (sorted.length < 4) return order[0];
  const boundary = (sorted[2].score + sorted[3].score) / 2;
  const doubt = (id: string) => {
    const s = byTeam.get(id);
    if (!s) return 1;
    const sd = (s.high - s.low) / 3.92;
    return sd > 0 ? normalCdf(-Math.abs(s.score - boundary) / sd) : s.score === boundary ? 1 : 0;
  };
  let best = order[0];
  for (const id of order) if (doubt(id) > doubt(best)) best = id;
  return best;
}

/** Gavel's preferred_items: unseen candidates, not busy if possible, those with fewer than `minViews` views if any. */
function preferred(
  args: { current: string | null; seen: string[]; busy: string[]; candidates: string[] },
  views: Map<string, number>,
  minViews: number,
): string[] {
  const excluded = new Set([...args.seen, ...(args.current === null ? [] : [args.current])]);
  const available = unique(args.candidates).filter((id) => !excluded.has(id));
  const busy = new Set(args.busy);
  const free = available.filter((id) => !busy.has(id));
  const items = free.length ? free : available;
  const lessSeen = items.filter((id) => (views.get(id) ?? 0) < minViews);
  return lessSeen.length ? lessSeen : items;
}

/** How many distinct judges have judged each team. */
function viewsOf(judgments: PairwiseJudgment[]): Map<string, number> {
  const judges = new Map<string, Set<string>>();
  for (const j of judgments) for (const t of [j.winnerId, j.loserId]) (judges.get(t) ?? judges.set(t, new Set()).get(t)!).add(j.judgeId);
  return new Map([...judges].map(([t, s]) => [t, s.size]));
}

// --- small helpers --------------------------------------------------------------------

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function indexOf(ids: string[]): Map<string, number> {
  return new Map(ids.map((id, i) => [id, i]));
}

function groupByJudge<T extends { judgeId: string }>(items: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) (groups.get(item.judgeId) ?? groups.set(item.judgeId, []).get(item.judgeId)!).push(item);
  return [...groups.values()];
}

function countTeams<T extends { judgeId: string }>(n: number, items: T[], teamsOf: (item: T) => number[]): { judgments: number[]; judges: number[] } {
  const counts = new Array<number>(n).fill(0);
  const judges = Array.from({ length: n }, () => new Set<string>());
  for (const item of items)
    for (const t of teamsOf(item)) {
      counts[t]++;
      judges[t].add(item.judgeId);
    }
  return { judgments: counts, judges: judges.map((s) => s.size) };
}

/** Scores this close are the same: a tie, sharing a rank (floating-point sums of equal records differ in the last bits). */
const sameScore = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function meanSd(values: number[]): { mean: number; sd: number } {
  if (values.length === 0) return { mean: 0, sd: 0 };
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return { mean, sd: Math.sqrt(variance) };
}

/** Linear interpolation between the order statistics of a sorted sample. */
function quantile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** Φ(x), the standard normal CDF, by Numerical Recipes' erfcc (a Chebyshev fit, relative error < 1.2e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** Φ⁻¹(p) by bisection on normalCdf: called once per ranking, exactness beyond 1e-9 is not needed. */
function normalQuantile(p: number): number {
  let [low, high] = [-10, 10];
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (normalCdf(mid) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
