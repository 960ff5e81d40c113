import { describe, expect, it } from "vitest";
import { replay } from "@/lib/judging/crowd-bt";
import { seededRandom, shuffled } from "@/lib/judging/random";
import {
  formScore,
  nextTeam,
  nextTeamToVisit,
  rankPairwise,
  rankRankings,
  rankRubric,
  type Criterion,
  type PairwiseJudgment,
  type RankingJudgment,
  type RubricJudgment,
  type TrackRanking,
} from "@/lib/judging/ranking";

const TEAMS = ["a", "b", "c", "d", "e", "f"];
const ONE: Criterion[] = [{ id: "x", weight: 1, scale: 10 }];

/** teamId → [rank, score] */
const table = (r: TrackRanking) => Object.fromEntries(r.standings.map((s) => [s.teamId, [s.rank, s.score]]));
const ranks = (r: TrackRanking) => Object.fromEntries(r.standings.map((s) => [s.teamId, s.rank]));
const rubric = (judgeId: string, scores: Record<string, number>): RubricJudgment[] =>
  Object.entries(scores).map(([teamId, x]) => ({ judgeId, teamId, scores: { x } }));

/** Judges each visiting every team in a random order and comparing it with the one before: `better` decides every comparison. */
function chains(teams: string[], judges: number, better: (a: string, b: string, random: () => number) => boolean, seed = 7): PairwiseJudgment[] {
  const random = seededRandom(seed);
  const routes = Array.from({ length: judges }, () => shuffled(teams, random));
  const judgments: PairwiseJudgment[] = [];
  // interleaved in time, as judges judge at once
  for (let step = 1; step < teams.length; step++)
    routes.forEach((route, j) => {
      const [previous, next] = [route[step - 1], route[step]];
      const nextWins = better(next, previous, random);
      judgments.push({ judgeId: `j${j}`, winnerId: nextWins ? next : previous, loserId: nextWins ? previous : next });
    });
  return judgments;
}
const byName = (a: string, b: string) => a < b; // "a" is the best team, "f" the worst

describe("Borda", () => {
  it("gives (k − 1 − position) / (k − 1) and averages over the orders a team is in, so partial orders weigh the same", () => {
    const r = rankRankings(
      ["a", "b", "c", "d"],
      [
        { judgeId: "j1", order: ["a", "b", "c", "d"] },
        { judgeId: "j2", order: ["a", "c"] },
      ],
      { rule: "BORDA" },
    );
    // a: (1 + 1)/2; b: 2/3 (one order); c: (1/3 + 0)/2; d: 0
    expect(table(r)).toEqual({ a: [1, 1], b: [2, 2 / 3], c: [3, 1 / 6], d: [4, 0] });
    expect(r.standings.find((s) => s.teamId === "a")).toMatchObject({ judgments: 2, judges: 2 });
    expect(r.standings.find((s) => s.teamId === "d")).toMatchObject({ judgments: 1, judges: 1 });
  });

  it("lets two teams with identical records share a rank, and skips the next", () => {
    const r = rankRankings(
      ["a", "b", "c"],
      [
        { judgeId: "j1", order: ["a", "b", "c"] },
        { judgeId: "j2", order: ["b", "a", "c"] },
      ],
      { rule: "BORDA" },
    );
    expect(table(r)).toEqual({ a: [1, 0.75], b: [1, 0.75], c: [3, 0] });
  });

  it("ignores teams not in the track and repeated ids in an order", () => {
    const r = rankRankings(["a", "b"], [{ judgeId: "j1", order: ["gone", "b", "b", "a"] }], { rule: "BORDA" });
    expect(table(r)).toEqual({ b: [1, 1], a: [2, 0] });
  });
});

describe("Copeland", () => {
  it("scores (wins + ½ draws) / (teams − 1); two teams with identical records share a rank", () => {
    const r = rankRankings(
      ["a", "b", "c"],
      [
        { judgeId: "j1", order: ["a", "b", "c"] },
        { judgeId: "j2", order: ["b", "a", "c"] },
      ],
      { rule: "COPELAND" },
    );
    // a–b one each: a draw; both beat c
    expect(table(r)).toEqual({ a: [1, 0.75], b: [1, 0.75], c: [3, 0] });
  });

  it("counts a pair no judge saw together as a draw", () => {
    const r = rankRankings(
      ["a", "b", "c", "d"],
      [
        { judgeId: "j1", order: ["a", "b"] },
        { judgeId: "j2", order: ["c", "d"] },
      ],
      { rule: "COPELAND" },
    );
    // a: beats b, draws (unseen) with c and d → 2/3; b: 1/3
    expect(table(r)).toEqual({ a: [1, 2 / 3], c: [1, 2 / 3], b: [3, 1 / 3], d: [3, 1 / 3] });
  });

  it("follows the majority of the judges on each pair", () => {
    const orders: RankingJudgment[] = [
      { judgeId: "j1", order: ["a", "b", "c"] },
      { judgeId: "j2", order: ["a", "b", "c"] },
      { judgeId: "j3", order: ["c", "b", "a"] },
    ];
    expect(ranks(rankRankings(["a", "b", "c"], orders, { rule: "COPELAND" }))).toEqual({ a: 1, b: 2, c: 3 });
  });
});

describe("rubric", () => {
  const criteria: Criterion[] = [
    { id: "impact", weight: 2, scale: 10 },
    { id: "demo", weight: 1, scale: 5 },
  ];

  it("a form's score is the weighted mean of its criteria mapped to [0,1]", () => {
    // impact 10 → 1, demo 3 → 0.5: (2·1 + 1·0.5) / 3
    expect(formScore(criteria, { impact: 10, demo: 3 })).toBeCloseTo(2.5 / 3, 14);
    expect(formScore(criteria, { impact: 1, demo: 1 })).toBe(0);
  });

  it("leaves out a missing or invalid score (weights renormalized), and a form with none is no form", () => {
    expect(formScore(criteria, { impact: 10 })).toBe(1);
    expect(formScore(criteria, { impact: 11, demo: 5 })).toBe(1);
    expect(formScore(criteria, { impact: 2.5, demo: 0 })).toBeNull();
    expect(formScore([{ id: "x", weight: 0, scale: 5 }], { x: 5 })).toBe(1); // no weights yet: every criterion counts the same
  });

  it("a team's score is the mean of its forms", () => {
    const forms = [...rubric("j1", { a: 10 }), ...rubric("j2", { a: 4, b: 5 })].map((j) => ({ ...j, scores: { impact: j.scores.x } }));
    expect(table(rankRubric(["a", "b"], criteria, forms, { normalize: false }))).toEqual({ a: [1, (1 + 3 / 9) / 2], b: [2, 4 / 9] });
  });

  it("normalized: a lenient judge's +2 disappears (each judge's z-scores)", () => {
    const fair = rubric("fair", { a: 3, b: 5, c: 7 });
    const lenient = rubric("lenient", { a: 5, b: 7, c: 9 });
    const fairOnly = rankRubric(["a", "b", "c"], ONE, fair, { normalize: true });
    const lenientOnly = rankRubric(["a", "b", "c"], ONE, lenient, { normalize: true });
    expect(table(lenientOnly)).toEqual(table(fairOnly));
    // raw, the same forms are 2/9 apart
    const rawGap =
      rankRubric(["a"], ONE, rubric("l", { a: 5 }), { normalize: false }).standings[0].score -
      rankRubric(["a"], ONE, rubric("f", { a: 3 }), { normalize: false }).standings[0].score;
    expect(rawGap).toBeCloseTo(2 / 9, 14);
    // z of 3, 5, 7: −√1.5, 0, √1.5 (population standard deviation)
    expect(fairOnly.standings.map((s) => s.score)).toEqual([expect.closeTo(Math.sqrt(1.5), 12), 0, expect.closeTo(-Math.sqrt(1.5), 12)]);
  });

  it("normalized: the lenient judge's favourite no longer wins", () => {
    const forms = [...rubric("harsh", { a: 6, x: 4, y: 2 }), ...rubric("lenient", { b: 7, x: 6, y: 4 })];
    const raw = rankRubric(["a", "b", "x", "y"], ONE, forms, { normalize: false });
    const normalized = rankRubric(["a", "b", "x", "y"], ONE, forms, { normalize: true });
    expect(raw.standings[0].teamId).toBe("b"); // 6/9 against a's 5/9
    expect(normalized.standings[0].teamId).toBe("a");
    // a: z of 6 among 6, 4, 2 = √1.5; b: z of 7 among 7, 6, 4 = (7 − 17/3) / √(14/9)
    expect(normalized.standings[0].score).toBeCloseTo(Math.sqrt(1.5), 12);
    expect(normalized.standings[1].score).toBeCloseTo((7 - 17 / 3) / Math.sqrt(14 / 9), 12);
  });

  it("shows each judge's leniency: mean, spread, forms and offset against the others on the same teams", () => {
    const forms = [...rubric("harsh", { a: 6, x: 4, y: 2 }), ...rubric("lenient", { b: 7, x: 6, y: 4 })];
    const { leniency } = rankRubric(["a", "b", "x", "y"], ONE, forms, { normalize: false });
    const harsh = leniency!.find((l) => l.judgeId === "harsh")!;
    const lenient = leniency!.find((l) => l.judgeId === "lenient")!;
    expect(harsh.mean).toBeCloseTo(3 / 9, 14); // (5 + 3 + 1) / 3 / 9
    expect(harsh.sd).toBeCloseTo(Math.sqrt(8 / 3) / 9, 14); // population sd of 5, 3, 1, over 9
    expect(harsh.judgments).toBe(3);
    expect(lenient.mean).toBeCloseTo(14 / 27, 14);
    // on x and y, the lenient judge gave 2 points (2/9) more
    expect(lenient.offset).toBeCloseTo(2 / 9, 14);
    expect(harsh.offset).toBeCloseTo(-2 / 9, 14);
  });

  it("a judge with a single form, or all forms equal, gives z-scores of 0 rather than dividing by nothing", () => {
    const r = rankRubric(["a", "b"], ONE, [...rubric("once", { a: 9 }), ...rubric("flat", { a: 5, b: 5 })], { normalize: true });
    expect(r.standings.every((s) => s.score === 0 && s.rank === 1)).toBe(true);
  });
});

describe("intervals and the bootstrap", () => {
  const forms = [
    ...rubric("j1", { a: 9, b: 6, c: 4, d: 3, e: 2 }),
    ...rubric("j2", { a: 8, b: 7, c: 5, d: 2, e: 3 }),
    ...rubric("j3", { a: 7, b: 7, c: 6, d: 4, e: 1 }),
    ...rubric("j4", { a: 9, b: 5, c: 6, d: 3, e: 2 }),
  ];

  it("is the same for the same seed, and another seed moves it", () => {
    const one = rankRubric(TEAMS.slice(0, 5), ONE, forms, { normalize: false, seed: 42 });
    expect(rankRubric(TEAMS.slice(0, 5), ONE, forms, { normalize: false, seed: 42 })).toEqual(one);
    const other = rankRubric(TEAMS.slice(0, 5), ONE, forms, { normalize: false, seed: 43 });
    expect(other.standings.map((s) => s.score)).toEqual(one.standings.map((s) => s.score));
    expect(other.standings.map((s) => [s.low, s.high])).not.toEqual(one.standings.map((s) => [s.low, s.high]));
  });

  it("each interval holds its score; the probabilities are shares", () => {
    for (const r of [
      rankRubric(TEAMS.slice(0, 5), ONE, forms, { normalize: false }),
      rankRubric(TEAMS.slice(0, 5), ONE, forms, { normalize: true }),
      rankRankings(
        TEAMS.slice(0, 5),
        ["j1", "j2", "j3", "j4"].map((judgeId) => ({
          judgeId,
          order: forms
            .filter((f) => f.judgeId === judgeId)
            .sort((p, q) => q.scores.x - p.scores.x)
            .map((f) => f.teamId),
        })),
        { rule: "BORDA" },
      ),
    ]) {
      for (const s of r.standings) {
        expect(s.low).toBeLessThanOrEqual(s.score + 1e-12);
        expect(s.high).toBeGreaterThanOrEqual(s.score - 1e-12);
      }
      expect(r.confidence.aboveFourth).toHaveLength(3);
      for (const { probability } of r.confidence.aboveFourth) expect(probability).toBeGreaterThanOrEqual(0);
      expect(r.confidence.aboveFourth[0].probability).toBeLessThanOrEqual(1);
    }
  });

  it("pairwise: the score is Crowd-BT's mu after the judgments in order, the interval mu ± 1.96σ", () => {
    const judgments = chains(TEAMS, 4, byName);
    const r = rankPairwise(TEAMS, judgments);
    const state = replay(TEAMS, judgments);
    for (const s of r.standings) {
      const { mu, sigmaSq } = state.teams.get(s.teamId)!;
      expect(s.score).toBeCloseTo(mu, 12);
      expect(s.low).toBeCloseTo(mu - 1.96 * Math.sqrt(sigmaSq), 12);
      expect(s.high).toBeCloseTo(mu + 1.96 * Math.sqrt(sigmaSq), 12);
    }
    expect(r.standings[0].teamId).toBe("a");
  });
});

describe("the settled claim", () => {
  const agreeing: RankingJudgment[] = Array.from({ length: 8 }, (_, j) => ({ judgeId: `j${j}`, order: TEAMS }));

  it("is made for an overwhelming record, with every method", () => {
    const results = [
      rankRankings(TEAMS, agreeing, { rule: "BORDA" }),
      rankRankings(TEAMS, agreeing, { rule: "COPELAND" }),
      rankRubric(
        TEAMS,
        ONE,
        agreeing.flatMap(({ judgeId }) => rubric(judgeId, { a: 10, b: 9, c: 8, d: 4, e: 3, f: 2 })),
        { normalize: true },
      ),
      // binary comparisons of neighbours on each judge's route say less: it takes more of them
      rankPairwise(TEAMS, chains(TEAMS, 20, byName)),
    ];
    for (const r of results) {
      expect(r.standings.slice(0, 3).map((s) => s.teamId)).toEqual(["a", "b", "c"]);
      expect(r.confidence.settled).toBe(true);
      expect(r.confidence.toSettle).toBeNull();
      expect(r.confidence.aboveFourth.map((x) => x.teamId)).toEqual(["a", "b", "c"]);
      expect(r.confidence.aboveFourth.every((x) => x.probability >= 0.95)).toBe(true);
    }
  });

  it("is not made for a coin-flip record", () => {
    const random = seededRandom(3);
    const coinFlips: RankingJudgment[] = Array.from({ length: 8 }, (_, j) => ({ judgeId: `j${j}`, order: shuffled(TEAMS, random) }));
    const results = [
      rankRankings(TEAMS, coinFlips, { rule: "BORDA" }),
      rankRankings(TEAMS, coinFlips, { rule: "COPELAND" }),
      rankRubric(
        TEAMS,
        ONE,
        coinFlips.flatMap(({ judgeId, order }) => order.map((teamId) => ({ judgeId, teamId, scores: { x: 1 + Math.floor(random() * 10) } }))),
        { normalize: false },
      ),
      rankPairwise(
        TEAMS,
        chains(TEAMS, 12, (_a, _b, r) => r() < 0.5),
      ),
    ];
    for (const r of results) {
      expect(r.confidence.settled).toBe(false);
      expect(r.confidence.toSettle).not.toBeNull();
    }
  });

  it("is not made while a team has been seen by fewer than two judges, however clear the rest", () => {
    const r = rankRankings([...TEAMS, "late"], [...agreeing, { judgeId: "j9", order: ["late", "a"] }], { rule: "COPELAND" });
    expect(r.confidence.settled).toBe(false);
  });

  it("names the judges the podium rests on", () => {
    // only j1 saw d, and puts it first; everyone else agrees on a, b, c
    const orders: RankingJudgment[] = [
      ...Array.from({ length: 4 }, (_, j) => ({ judgeId: `o${j}`, order: ["a", "b", "c", "e", "f"] })),
      { judgeId: "j1", order: ["d", "a", "b", "c", "e", "f"] },
    ];
    const r = rankRankings(TEAMS, orders, { rule: "BORDA" });
    expect(r.standings[0].teamId).toBe("d");
    expect(r.confidence.pivotalJudges).toEqual(["j1"]);
    expect(r.confidence.settled).toBe(false);
  });

  it("pairwise: lists the comparisons at the top-3 boundary that would settle it", () => {
    const r = rankPairwise(
      TEAMS,
      chains(TEAMS, 3, (a, b, random) => (random() < 0.8 ? a < b : a > b)),
    );
    expect(r.confidence.settled).toBe(false);
    const { pairs, moreJudgments } = r.confidence.toSettle!;
    const top = new Set(r.standings.slice(0, 3).map((s) => s.teamId));
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.length).toBeLessThanOrEqual(5);
    for (const [inTop, below] of pairs) {
      expect(top.has(inTop)).toBe(true);
      expect(top.has(below)).toBe(false);
    }
    expect(moreJudgments === null || moreJudgments > 0).toBe(true);
  });

  it("rubric and ranking: estimates how many more judgments would settle it, or null when it is a coin flip", () => {
    const close = rankRubric(
      TEAMS,
      ONE,
      ["j1", "j2", "j3"].flatMap((judgeId, k) => rubric(judgeId, { a: 9, b: 8, c: 7 - (k % 2), d: 6 + (k % 2), e: 3, f: 2 })),
      { normalize: false },
    );
    expect(close.confidence.settled).toBe(false);
    expect(close.confidence.toSettle!.pairs).toEqual([]);
    expect(close.confidence.toSettle!.moreJudgments).toBeGreaterThan(0);
    const tie = rankRubric(TEAMS, ONE, rubric("j1", { a: 9, b: 8, c: 7, d: 7, e: 3, f: 2 }), { normalize: false });
    expect(tie.confidence.toSettle!.moreJudgments).toBeNull();
  });
});

describe("empty and small tracks", () => {
  it("with no judgments every team ranks equal, nothing is settled, nothing crashes", () => {
    const results = [
      rankRankings(TEAMS, [], { rule: "BORDA" }),
      rankRankings(TEAMS, [], { rule: "COPELAND" }),
      rankRubric(TEAMS, ONE, [], { normalize: false }),
      rankRubric(TEAMS, ONE, [], { normalize: true }),
      rankPairwise(TEAMS, []),
    ];
    for (const r of results) {
      expect(r.standings).toHaveLength(TEAMS.length);
      expect(r.standings.every((s) => s.rank === 1 && s.judgments === 0 && s.judges === 0)).toBe(true);
      expect(r.confidence.settled).toBe(false);
      expect(r.confidence.toSettle).toEqual({ pairs: expect.any(Array), moreJudgments: null });
    }
  });

  it("with no teams: empty standings", () => {
    for (const r of [rankRankings([], [], { rule: "COPELAND" }), rankRubric([], ONE, [], { normalize: true }), rankPairwise([], [])]) {
      expect(r.standings).toEqual([]);
      expect(r.confidence.aboveFourth).toEqual([]);
      expect(r.confidence.settled).toBe(false);
    }
  });

  it("with three teams or fewer, the top-3 set is every team: settled once anyone has judged", () => {
    const r = rankRankings(["a", "b", "c"], [{ judgeId: "j", order: ["b", "a", "c"] }], { rule: "BORDA" });
    expect(r.standings.map((s) => s.teamId)).toEqual(["b", "a", "c"]);
    expect(r.confidence.aboveFourth).toEqual([
      { teamId: "b", probability: 1 },
      { teamId: "a", probability: 1 },
      { teamId: "c", probability: 1 },
    ]);
    expect(r.confidence.settled).toBe(true);
    expect(r.confidence.toSettle).toBeNull();
    const two = rankPairwise(["a", "b"], [{ judgeId: "j", winnerId: "b", loserId: "a" }]);
    expect(two.standings.map((s) => s.teamId)).toEqual(["b", "a"]);
    expect(two.confidence.aboveFourth).toHaveLength(2);
    expect(rankPairwise(["a", "b"], []).confidence.settled).toBe(false);
  });

  it("a team nobody judged sits at the mean of the others, flagged by judgments: 0", () => {
    const r = rankRubric(["a", "b", "c"], ONE, rubric("j", { a: 10, b: 1 }), { normalize: false });
    expect(table(r)).toEqual({ a: [1, 1], c: [2, 0.5], b: [3, 0] });
    expect(r.standings[1].judgments).toBe(0);
  });
});

describe("the next team, pairwise", () => {
  const judgments: PairwiseJudgment[] = [
    { judgeId: "j1", winnerId: "a", loserId: "b" },
    { judgeId: "j2", winnerId: "a", loserId: "c" },
    { judgeId: "j2", winnerId: "c", loserId: "b" },
  ];
  const base = { judgeId: "j3", current: "a", seen: ["a"], busy: [], candidates: TEAMS, judgments, seed: 1 };

  it("favours teams no judge has judged yet", () => {
    for (let seed = 0; seed < 20; seed++) expect(["d", "e", "f"]).toContain(nextTeam({ ...base, seed }));
  });

  it("with Gavel's minimum of two views, also teams one judge has seen", () => {
    const more = [...judgments, { judgeId: "j2", winnerId: "d", loserId: "e" }, { judgeId: "j2", winnerId: "e", loserId: "f" }];
    const picks = new Set(Array.from({ length: 30 }, (_, seed) => nextTeam({ ...base, judgments: more, seed, minViews: 2 })));
    expect([...picks].every((t) => ["c", "d", "e", "f"].includes(t!))).toBe(true); // b has two judges
  });

  it("never returns the current team, a team already seen, or a non-candidate; avoids busy teams when it can", () => {
    for (let seed = 0; seed < 30; seed++) {
      const pick = nextTeam({ ...base, current: "d", seen: ["a", "d", "e"], busy: ["f"], candidates: ["a", "b", "c", "d", "e", "f"], seed });
      expect(["b", "c"]).toContain(pick);
    }
    expect(nextTeam({ ...base, current: "d", seen: ["a", "d", "e"], busy: ["b", "c", "f"], candidates: ["a", "b", "c", "d", "e", "f"], seed: 3 })).toMatch(
      /^[bcf]$/,
    );
    expect(nextTeam({ ...base, candidates: ["a", "b"], seed: 3 })).toBe("b");
  });

  it("returns null when nothing is left", () => {
    expect(nextTeam({ ...base, current: "b", seen: ["a", "b"], candidates: ["a", "b"] })).toBeNull();
    expect(nextTeam({ ...base, candidates: [] })).toBeNull();
  });

  it("starts anywhere (no current team) and is the same for the same seed", () => {
    const start = { ...base, current: null, seen: [] };
    expect(TEAMS).toContain(nextTeam(start));
    expect(nextTeam({ ...start, seed: 9 })).toBe(nextTeam({ ...start, seed: 9 }));
    // another judge with the same seed is not sent the same way every time
    const picks = new Set(["j3", "j4", "j5", "j6", "j7", "j8"].map((judgeId) => nextTeam({ ...start, judgeId })));
    expect(picks.size).toBeGreaterThan(1);
  });

  it("once every team is seen, takes the most informative comparison (no random pick at epsilon 0)", () => {
    const seenAll = chains(TEAMS, 4, byName);
    const pick = nextTeam({ ...base, current: "c", seen: ["c"], judgments: seenAll, epsilon: 0 });
    expect(pick).not.toBeNull();
    // the same pick whatever the seed: no randomness left but ties
    for (let seed = 0; seed < 10; seed++) expect(nextTeam({ ...base, current: "c", seen: ["c"], judgments: seenAll, epsilon: 0, seed })).toBe(pick);
  });
});

describe("the next team, rubric and ranking", () => {
  it("sends a judge to the least-seen team first, then where the top-3 boundary is least sure", () => {
    const forms = [...rubric("j1", { a: 9, b: 8, c: 6, d: 6, e: 2 }), ...rubric("j2", { a: 9, b: 9, c: 7, d: 5, e: 1 })];
    const { standings } = rankRubric(TEAMS, ONE, forms, { normalize: false });
    const args = { judgeId: "j3", seen: [], busy: [], candidates: TEAMS, standings, seed: 1 };
    expect(nextTeamToVisit(args)).toBe("f"); // nobody has seen f
    const pick = nextTeamToVisit({ ...args, seen: ["f"] });
    expect(["c", "d"]).toContain(pick); // 3rd and 4th, tied: the boundary
    expect(nextTeamToVisit({ ...args, seen: ["f", "c", "d"], busy: ["b"] })).not.toBe("b");
    expect(nextTeamToVisit({ ...args, seen: TEAMS })).toBeNull();
  });
});
