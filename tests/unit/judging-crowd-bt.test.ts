import { describe, expect, it } from "vitest";
import {
  ALPHA_PRIOR,
  BETA_PRIOR,
  EPSILON,
  GAMMA,
  KAPPA,
  MIN_VIEWS,
  MU_PRIOR,
  SIGMA_SQ_PRIOR,
  applyJudgment,
  digamma,
  divergenceBeta,
  divergenceGaussian,
  expectedInformationGain,
  initialState,
  logBeta,
  logGamma,
  replay,
  update,
  updatedJudge,
  weightedInformationGain,
} from "@/lib/judging/crowd-bt";

// Expected figures come from Gavel's own gavel/crowd_bt.py run under Python 3.11
// with numpy and scipy (scipy.special.gammaln, psi, betaln), e.g.
//   python3 -c "from crowd_bt import *; print(update(8, 3, 0.7, 0.6, -0.4, 0.9))"
// and, where noted, worked by hand.

describe("Gavel's constants", () => {
  it("are the ones of gavel/crowd_bt.py and settings.py", () => {
    expect({ GAMMA, KAPPA, MU_PRIOR, SIGMA_SQ_PRIOR, ALPHA_PRIOR, BETA_PRIOR, EPSILON, MIN_VIEWS }).toEqual({
      GAMMA: 0.1,
      KAPPA: 0.0001,
      MU_PRIOR: 0,
      SIGMA_SQ_PRIOR: 1,
      ALPHA_PRIOR: 10,
      BETA_PRIOR: 1,
      EPSILON: 0.25,
      MIN_VIEWS: 2,
    });
  });
});

describe("log-gamma and digamma", () => {
  it("match known values (scipy.special.gammaln) to 1e-13 relative", () => {
    const cases: [number, number][] = [
      [0.5, 0.5723649429247001], // ln √π
      [1, 0],
      [2, 0],
      [10, 12.801827480081469], // ln 9! = ln 362880
      [100.5, 361.43554046777757],
      [1e-3, 6.907178885383853],
      [-2.5, -0.05624371649767401], // by reflection
    ];
    for (const [x, expected] of cases) expect(Math.abs(logGamma(x) - expected)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(expected)));
  });

  it("has no value at the poles", () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-3)).toBeNaN();
    expect(digamma(0)).toBeNaN();
  });

  it("digamma matches known values (scipy.special.psi) to 1e-13", () => {
    const cases: [number, number][] = [
      [1, -0.5772156649015329], // −γ
      [0.5, -1.9635100260214235], // −γ − 2 ln 2
      [10, 2.251752589066721],
      [3.7, 1.1671535393615113],
      [123.4, 4.8113737751162775],
      [1e-3, -1000.5755719318103],
    ];
    for (const [x, expected] of cases) expect(Math.abs(digamma(x) - expected)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(expected)));
  });

  it("digamma follows its recurrence ψ(x + 1) = ψ(x) + 1/x", () => {
    for (const x of [0.3, 2.2, 7.9, 42]) expect(digamma(x + 1)).toBeCloseTo(digamma(x) + 1 / x, 12);
  });

  it("ln B(a, b): B(10, 1) = 1/10", () => {
    expect(logBeta(10, 1)).toBeCloseTo(-Math.log(10), 13);
    expect(logBeta(2.5, 4)).toBeCloseTo(logBeta(4, 2.5), 13);
  });
});

describe("divergences", () => {
  it("Gaussian: KL(N(1, 2) ‖ N(0, 1)) = 1/2 + (2 − 1 − ln 2)/2, by hand", () => {
    expect(divergenceGaussian(1, 2, 0, 1)).toBeCloseTo(0.5 + (1 - Math.log(2)) / 2, 14);
    expect(divergenceGaussian(0.3, 0.7, 0.3, 0.7)).toBe(0);
  });

  it("Beta: matches Gavel's divergence_beta(11, 1, 10, 1)", () => {
    expect(divergenceBeta(11, 1, 10, 1)).toBeCloseTo(0.00440108889523394, 13);
    expect(divergenceBeta(4, 2, 4, 2)).toBeCloseTo(0, 14);
  });
});

describe("the Crowd-BT update", () => {
  it("moves two teams at the prior as worked by hand", () => {
    // mus equal: p = 1/2 and c = 1/2. The mean moves by σ²·(α/(α+β) − 1/2) = 10/11 − 1/2;
    // the variance is multiplied by 1 + σ²·(r(1−r) − p(1−p)) with r = 10/11: 1 + 10/121 − 1/4.
    const after = update({ alpha: 10, beta: 1 }, { mu: 0, sigmaSq: 1 }, { mu: 0, sigmaSq: 1 });
    expect(after.winner.mu).toBeCloseTo(10 / 11 - 0.5, 14);
    expect(after.loser.mu).toBeCloseTo(-(10 / 11 - 0.5), 14);
    expect(after.winner.sigmaSq).toBeCloseTo(1 + 10 / 121 - 0.25, 14);
    expect(after.loser.sigmaSq).toBeCloseTo(1 + 10 / 121 - 0.25, 14);
    // Gavel: (9.999999999999808, 0.9999999999999812, …): a judgment everyone expected teaches nothing about the judge
    expect(after.judge.alpha).toBeCloseTo(10, 10);
    expect(after.judge.beta).toBeCloseTo(1, 10);
  });

  it("matches Gavel's update(8, 3, 0.7, 0.6, −0.4, 0.9)", () => {
    const after = update({ alpha: 8, beta: 3 }, { mu: 0.7, sigmaSq: 0.6 }, { mu: -0.4, sigmaSq: 0.9 });
    expect(after.judge.alpha).toBeCloseTo(8.35103118088839, 12);
    expect(after.judge.beta).toBeCloseTo(2.9724584367063587, 12);
    expect(after.winner.mu).toBeCloseTo(0.783259460353354, 13);
    expect(after.winner.sigmaSq).toBeCloseTo(0.5680640366538808, 13);
    expect(after.loser.mu).toBeCloseTo(-0.5248891905300311, 13);
    expect(after.loser.sigmaSq).toBeCloseTo(0.8281440824712317, 13);
  });

  it("an upset (the weaker team wins) moves the means more and costs the judge trust", () => {
    const judge = { alpha: 10, beta: 1 };
    const [strong, weak] = [
      { mu: 1, sigmaSq: 0.5 },
      { mu: -1, sigmaSq: 0.5 },
    ];
    const expected = update(judge, strong, weak);
    const upset = update(judge, weak, strong);
    expect(upset.winner.mu - weak.mu).toBeGreaterThan(expected.winner.mu - strong.mu);
    expect(upset.judge.alpha / (upset.judge.alpha + upset.judge.beta)).toBeLessThan(expected.judge.alpha / (expected.judge.alpha + expected.judge.beta));
  });

  it("keeps variances positive (KAPPA) and c is the prior chance of the outcome", () => {
    const after = update({ alpha: 1, beta: 1 }, { mu: 0, sigmaSq: 50 }, { mu: 0, sigmaSq: 50 });
    expect(after.winner.sigmaSq).toBeGreaterThan(0);
    expect(updatedJudge({ alpha: 10, beta: 1 }, { mu: 0, sigmaSq: 1 }, { mu: 0, sigmaSq: 1 }).c).toBeCloseTo(0.5, 14);
  });

  it("stays finite for means far apart (the logistic form never overflows exp)", () => {
    const after = update({ alpha: 10, beta: 1 }, { mu: 400, sigmaSq: 0.1 }, { mu: -400, sigmaSq: 0.1 });
    expect([after.winner.mu, after.loser.mu, after.winner.sigmaSq, after.judge.alpha].every(Number.isFinite)).toBe(true);
  });
});

describe("expected information gain", () => {
  it("matches Gavel's expected_information_gain", () => {
    expect(expectedInformationGain({ alpha: 10, beta: 1 }, { mu: 0, sigmaSq: 1 }, { mu: 0, sigmaSq: 1 })).toBeCloseTo(0.18314834476994848, 13);
    expect(expectedInformationGain({ alpha: 8, beta: 3 }, { mu: 0.7, sigmaSq: 0.6 }, { mu: -0.4, sigmaSq: 0.9 })).toBeCloseTo(0.02595343936176133, 13);
  });

  it("is symmetric in the two teams and positive", () => {
    const judge = { alpha: 7, beta: 2 };
    const pairs: [{ mu: number; sigmaSq: number }, { mu: number; sigmaSq: number }][] = [
      [
        { mu: 0.2, sigmaSq: 0.8 },
        { mu: -1.1, sigmaSq: 0.3 },
      ],
      [
        { mu: 2, sigmaSq: 0.05 },
        { mu: 2.1, sigmaSq: 1 },
      ],
    ];
    for (const [a, b] of pairs) {
      expect(expectedInformationGain(judge, a, b)).toBeCloseTo(expectedInformationGain(judge, b, a), 14);
      expect(expectedInformationGain(judge, a, b)).toBeGreaterThan(0);
    }
  });

  it("is larger for an uncertain, close pair than for a settled, distant one", () => {
    const judge = { alpha: 10, beta: 1 };
    const close = expectedInformationGain(judge, { mu: 0, sigmaSq: 1 }, { mu: 0.1, sigmaSq: 1 });
    const distant = expectedInformationGain(judge, { mu: 3, sigmaSq: 0.1 }, { mu: -3, sigmaSq: 0.1 });
    expect(close).toBeGreaterThan(distant);
  });

  it("weighted with 1 and 1 is Gavel's gain; a weight of 0 leaves out that team's divergence", () => {
    const judge = { alpha: 10, beta: 1 };
    const [a, b] = [
      { mu: 0.4, sigmaSq: 0.7 },
      { mu: -0.2, sigmaSq: 0.9 },
    ];
    expect(weightedInformationGain(judge, a, b, 1, 1)).toBe(expectedInformationGain(judge, a, b));
    expect(weightedInformationGain(judge, a, b, 0, 1)).toBeLessThan(weightedInformationGain(judge, a, b, 1, 1));
    expect(weightedInformationGain(judge, a, b, 0, 0)).toBeGreaterThan(0); // the judge's own divergence remains
  });
});

describe("replaying judgments", () => {
  it("applies them in order, each judge with their own belief", () => {
    const state = replay(
      ["a", "b", "c"],
      [
        { judgeId: "j1", winnerId: "a", loserId: "b" },
        { judgeId: "j2", winnerId: "b", loserId: "c" },
      ],
    );
    const first = update({ alpha: 10, beta: 1 }, { mu: 0, sigmaSq: 1 }, { mu: 0, sigmaSq: 1 });
    expect(state.teams.get("a")).toEqual(first.winner);
    expect(state.judges.get("j1")).toEqual(first.judge);
    const second = update({ alpha: 10, beta: 1 }, first.loser, { mu: 0, sigmaSq: 1 });
    expect(state.teams.get("b")).toEqual(second.winner);
    expect(state.teams.get("c")).toEqual(second.loser);
    expect(state.judges.get("j2")).toEqual(second.judge);
  });

  it("depends on the order, as Gavel's online updates do", () => {
    const judgments = [
      { judgeId: "j", winnerId: "a", loserId: "b" },
      { judgeId: "j", winnerId: "b", loserId: "c" },
      { judgeId: "j", winnerId: "c", loserId: "a" },
    ];
    const forward = replay(["a", "b", "c"], judgments);
    const backward = replay(["a", "b", "c"], [...judgments].reverse());
    expect(forward.teams.get("a")!.mu).not.toBeCloseTo(backward.teams.get("a")!.mu, 6);
  });

  it("ignores a judgment naming a team not in the track, or a team against itself", () => {
    const state = initialState(["a", "b"]);
    applyJudgment(state, { judgeId: "j", winnerId: "a", loserId: "gone" });
    applyJudgment(state, { judgeId: "j", winnerId: "a", loserId: "a" });
    expect(state.teams.get("a")).toEqual({ mu: 0, sigmaSq: 1 });
    expect(state.judges.size).toBe(0);
  });
});
