// Crowd-BT, the pairwise model of Gavel (github.com/anishathalye/gavel,
// gavel/crowd_bt.py), ported function by function with the same constants:
// each team has a Gaussian belief about its quality (mu, sigma²), each judge a
// Beta belief (alpha, beta) about how often they pick the better of two teams.
// A judgment moves both by moment matching (Chen et al., "Pairwise ranking
// aggregation in a crowdsourced setting", WSDM 2013); the expected information
// gain of a comparison is what Gavel maximises to pick a judge's next team.
//
// Pure and dependency-free: scipy's betaln and psi are implemented below
// (Lanczos log-gamma, asymptotic digamma), and the exponentials are rewritten
// as logistic functions of mu differences — algebraically the same as Gavel's
// exp(mu_winner)/(exp(mu_winner)+exp(mu_loser)) and its relatives, without the
// overflow of exp() on large mus.

/** tradeoff parameter: how much the judge's belief counts in the information gain */
export const GAMMA = 0.1;
/** regularization parameter of the paper; Gavel defines it and never uses it, nor do we */
export const LAMBDA = 1;
/** keeps a variance positive after an update */
export const KAPPA = 0.0001;
export const MU_PRIOR = 0;
export const SIGMA_SQ_PRIOR = 1;
/** a judge starts trusted: on average right 10 times out of 11 */
export const ALPHA_PRIOR = 10;
export const BETA_PRIOR = 1;
/** epsilon-greedy: how often the next team is a random preferred one rather than the most informative */
export const EPSILON = 0.25;
/** Gavel's default min_views: every team is seen by this many judges before information gain takes over */
export const MIN_VIEWS = 2;

export type JudgeBelief = { alpha: number; beta: number };
export type TeamBelief = { mu: number; sigmaSq: number };
export type CrowdBTState = { judges: Map<string, JudgeBelief>; teams: Map<string, TeamBelief> };

export const judgePrior = (): JudgeBelief => ({ alpha: ALPHA_PRIOR, beta: BETA_PRIOR });
export const teamPrior = (): TeamBelief => ({ mu: MU_PRIOR, sigmaSq: SIGMA_SQ_PRIOR });

// --- special functions ---------------------------------------------------------

// Lanczos approximation, g = 7, n = 9 (the coefficients of Numerical Recipes'
// successors and most JS ports): about 15 significant digits for x > 0.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln|Γ(x)|; NaN at the poles (0, −1, −2, …). */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0 && Number.isInteger(x)) return NaN;
  // reflection: Γ(x)Γ(1−x) = π / sin(πx), so small and negative x use the accurate side
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), as scipy.special.betaln for a, b > 0. */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * ψ(x), the digamma function (scipy.special.psi): the recurrence ψ(x) = ψ(x+1) − 1/x
 * lifts x to 10 or more, where the asymptotic series (Bernoulli numbers up to
 * B₁₂) is good to about 1e-14.
 */
export function digamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0 && Number.isInteger(x)) return NaN;
  if (x < 0) return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  let result = 0;
  while (x < 10) {
    result -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  const series = f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132 - f * (691 / 32760 - f / 12))))));
  return result + Math.log(x) - 0.5 / x - series;
}

// --- Gavel's functions --------------------------------------------------------

/** P(first beats second) of plain Bradley–Terry: exp(a) / (exp(a) + exp(b)). */
const logistic = (a: number, b: number) => 1 / (1 + Math.exp(b - a));

/** KL divergence of N(mu1, s1) from N(mu2, s2), variances given. */
export function divergenceGaussian(mu1: number, sigmaSq1: number, mu2: number, sigmaSq2: number): number {
  const ratio = sigmaSq1 / sigmaSq2;
  return (mu1 - mu2) ** 2 / (2 * sigmaSq2) + (ratio - 1 - Math.log(ratio)) / 2;
}

/** KL divergence of Beta(alpha1, beta1) from Beta(alpha2, beta2). */
export function divergenceBeta(alpha1: number, beta1: number, alpha2: number, beta2: number): number {
  return (
    logBeta(alpha2, beta2) -
    logBeta(alpha1, beta1) +
    (alpha1 - alpha2) * digamma(alpha1) +
    (beta1 - beta2) * digamma(beta1) +
    (alpha2 - alpha1 + beta2 - beta1) * digamma(alpha1 + beta1)
  );
}

/** The judge's belief after they preferred `winner`, and c: how likely that outcome was beforehand (Gavel's _updated_annotator). */
export function updatedJudge(judge: JudgeBelief, winner: TeamBelief, loser: TeamBelief): JudgeBelief & { c: number } {
  const { alpha, beta } = judge;
  const p = logistic(winner.mu, loser.mu);
  const q = 1 - p;
  // exp(w)·exp(l)·(exp(l) − exp(w)) / (exp(w) + exp(l))³ = p·q·(q − p)
  const c1 = p + 0.5 * (winner.sigmaSq + loser.sigmaSq) * p * q * (q - p);
  const c2 = 1 - c1;
  const c = (c1 * alpha + c2 * beta) / (alpha + beta);
  const expt = (c1 * (alpha + 1) * alpha + c2 * alpha * beta) / (c * (alpha + beta + 1) * (alpha + beta));
  const exptSq = (c1 * (alpha + 2) * (alpha + 1) * alpha + c2 * (alpha + 1) * alpha * beta) / (c * (alpha + beta + 2) * (alpha + beta + 1) * (alpha + beta));
  const variance = exptSq - expt ** 2;
  return { alpha: ((expt - exptSq) * expt) / variance, beta: ((expt - exptSq) * (1 - expt)) / variance, c };
}

/** The teams' means after the judgment (Gavel's _updated_mus). */
export function updatedMus(judge: JudgeBelief, winner: TeamBelief, loser: TeamBelief): { winner: number; loser: number } {
  // alpha·exp(w) / (alpha·exp(w) + beta·exp(l)) − exp(w) / (exp(w) + exp(l))
  const mult = judge.alpha / (judge.alpha + judge.beta * Math.exp(loser.mu - winner.mu)) - logistic(winner.mu, loser.mu);
  return { winner: winner.mu + winner.sigmaSq * mult, loser: loser.mu - loser.sigmaSq * mult };
}

/** The teams' variances after the judgment (Gavel's _updated_sigma_sqs). */
export function updatedSigmaSqs(judge: JudgeBelief, winner: TeamBelief, loser: TeamBelief): { winner: number; loser: number } {
  // with r = alpha·exp(w) / (alpha·exp(w) + beta·exp(l)): alpha·exp(w)·beta·exp(l) / (…)² = r(1 − r), and likewise p(1 − p)
  const r = judge.alpha / (judge.alpha + judge.beta * Math.exp(loser.mu - winner.mu));
  const p = logistic(winner.mu, loser.mu);
  const mult = r * (1 - r) - p * (1 - p);
  return {
    winner: winner.sigmaSq * Math.max(1 + winner.sigmaSq * mult, KAPPA),
    loser: loser.sigmaSq * Math.max(1 + loser.sigmaSq * mult, KAPPA),
  };
}

/** One judgment: the judge preferred `winner` over `loser`. Returns the three new beliefs (Gavel's update). */
export function update(judge: JudgeBelief, winner: TeamBelief, loser: TeamBelief): { judge: JudgeBelief; winner: TeamBelief; loser: TeamBelief } {
  const { alpha, beta } = updatedJudge(judge, winner, loser);
  const mus = updatedMus(judge, winner, loser);
  const sigmaSqs = updatedSigmaSqs(judge, winner, loser);
  return {
    judge: { alpha, beta },
    winner: { mu: mus.winner, sigmaSq: sigmaSqs.winner },
    loser: { mu: mus.loser, sigmaSq: sigmaSqs.loser },
  };
}

/** How much this judge comparing a and b is expected to move the beliefs (KL divergences, weighted by each outcome's probability). */
export function expectedInformationGain(judge: JudgeBelief, a: TeamBelief, b: TeamBelief): number {
  return weightedInformationGain(judge, a, b, 1, 1);
}

/**
 * The expected information gain with each team's divergence weighted by how
 * much its belief matters (weights 1 and 1: Gavel's expected information
 * gain). ranking.ts weighs a team by its chance of being on the other side
 * of the top-3 boundary, so the gain counts what the comparison teaches about the top 3.
 */
export function weightedInformationGain(judge: JudgeBelief, a: TeamBelief, b: TeamBelief, weightA: number, weightB: number): number {
  const gain = (winner: TeamBelief, loser: TeamBelief, weightWinner: number, weightLoser: number) => {
    const after = update(judge, winner, loser);
    return (
      weightWinner * divergenceGaussian(after.winner.mu, after.winner.sigmaSq, winner.mu, winner.sigmaSq) +
      weightLoser * divergenceGaussian(after.loser.mu, after.loser.sigmaSq, loser.mu, loser.sigmaSq) +
      GAMMA * divergenceBeta(after.judge.alpha, after.judge.beta, judge.alpha, judge.beta)
    );
  };
  const aAbove = updatedJudge(judge, a, b).c;
  return aAbove * gain(a, b, weightA, weightB) + (1 - aAbove) * gain(b, a, weightB, weightA);
}

// --- state ----------------------------------------------------------------------

export type Comparison = { judgeId: string; winnerId: string; loserId: string };

/** Every team and judge at Gavel's priors. */
export function initialState(teamIds: readonly string[]): CrowdBTState {
  return { judges: new Map(), teams: new Map(teamIds.map((id) => [id, teamPrior()])) };
}

export const judgeBelief = (state: CrowdBTState, judgeId: string): JudgeBelief => state.judges.get(judgeId) ?? judgePrior();

/** Applies one judgment in place. A judgment naming a team not in the state (removed since), or a team against itself, is ignored. */
export function applyJudgment(state: CrowdBTState, judgment: Comparison): void {
  const winner = state.teams.get(judgment.winnerId);
  const loser = state.teams.get(judgment.loserId);
  if (!winner || !loser || judgment.winnerId === judgment.loserId) return;
  const after = update(judgeBelief(state, judgment.judgeId), winner, loser);
  state.judges.set(judgment.judgeId, after.judge);
  state.teams.set(judgment.winnerId, after.winner);
  state.teams.set(judgment.loserId, after.loser);
}

/** The beliefs after the judgments, replayed in the order they were made (Crowd-BT is online: the order matters, as in Gavel). */
export function replay(teamIds: readonly string[], judgments: readonly Comparison[]): CrowdBTState {
  const state = initialState(teamIds);
  for (const judgment of judgments) applyJudgment(state, judgment);
  return state;
}
