// The judging bench, run by bench/judging.mjs under tsx: simulated expo
// judging, once per method, over many seeded events, against the hidden
// truth. Prints one JSON object on stdout (progress on stderr).
//
// An event: teams of hidden quality, judges of different noise and leniency
// (one careless, one biased towards a friend's team), a fixed time budget per
// judge, everyone judging at once and sent to their next team by the app's
// own functions (nextTeam for pairwise, nextTeamToVisit otherwise) as the
// judgments come in. Every visit gives the judge one impression of the team
// (its quality + the judge's noise); the methods differ only in what is
// recorded, what that costs in time and how it is aggregated, so the
// comparison is of the methods, not of the judges. docs/judging.md explains
// the assumptions and the figures.
//
//   node --import tsx bench/judging.ts            about 45 s on a 2-core machine
//   node --import tsx bench/judging.ts --quick    about 10 s, a tenth of the events
import { performance } from "node:perf_hooks";
import { normal, seededRandom } from "../lib/judging/random";
import {
  nextTeam,
  nextTeamToVisit,
  rankPairwise,
  rankRankings,
  rankRubric,
  type Criterion,
  type PairwiseJudgment,
  type RankingJudgment,
  type RubricJudgment,
  type TeamStanding,
  type TrackRanking,
} from "../lib/judging/ranking";

const quick = process.argv.includes("--quick");

// --- the assumptions ------------------------------------------------------------------

/**
 * Minutes, for expo judging (teams at their tables, judges walking round). A
 * visit: about 30 s to find the table and 2½ min of demo and questions, the
 * 3 to 5 minutes a team that expo judging usually gives, at its short end.
 * Then the record: pairwise, a tap on the better of the last two (15 s);
 * rubric, a form of four criteria (1 min); ranking, dragging the team into
 * the judge's running order (15 s), and a last look over the order (1 min).
 */
const COST = { visit: 3, choose: 0.25, form: 1, place: 0.25, finalOrder: 1 };

/**
 * Judges, in standard deviations of the teams' quality: the noise of one
 * impression of a team after one visit. 0.5 to 1.0 for the eight ordinary
 * judges (impressions that correlate 0.9 to 0.7 with the truth), 3 for the
 * careless one (0.3: close to random), and the biased one (0.75) sees a
 * friend's mid-table team 1.5 better than it is. On a rubric each judge also
 * has a leniency (an offset, normal with sd 0.5) and a use of the scale
 * (spread × 0.7 to 1.3), and scores are whole numbers within the scale.
 */
const JUDGE_NOISE = [0.5, 0.57, 0.64, 0.71, 0.79, 0.86, 0.93, 1.0];
const CARELESS_NOISE = 3;
const BIASED_NOISE = 0.75;
const BIAS = 1.5;

const CRITERIA: Criterion[] = [
  { id: "impact", weight: 3, scale: 10 },
  { id: "execution", weight: 3, scale: 10 },
  { id: "originality", weight: 2, scale: 10 },
  { id: "demo", weight: 2, scale: 5 },
];
/** how uneven a team is across criteria (sd around its quality); its quality is the weighted mean */
const CRITERION_SPREAD = 0.3;

const METHODS = ["RUBRIC raw", "RUBRIC normalized", "RANKING Borda", "RANKING Copeland", "PAIRWISE"] as const;
type MethodName = (typeof METHODS)[number];
/** for context, not candidates for the default: Gavel's own choice of the next team, and what a clairvoyant could do with the same judges */
const REFERENCES = ["PAIRWISE, Gavel's choice", "ceiling"] as const;
type Simulated = MethodName | (typeof REFERENCES)[number];

type Scenario = { name: string; teams: number; judges: number; minutes: number; seeds: number; headline?: boolean };
const SCENARIOS: Scenario[] = [
  { name: "40 teams, 10 judges × 30 min", teams: 40, judges: 10, minutes: 30, seeds: quick ? 20 : 150, headline: true },
  // smaller tracks, where the top 3 can be settled in 30 minutes: the settled claim is judged by the claims it makes
  { name: "12 teams, 10 judges × 30 min", teams: 12, judges: 10, minutes: 30, seeds: quick ? 30 : 300 },
  { name: "8 teams, 6 judges × 30 min", teams: 8, judges: 6, minutes: 30, seeds: quick ? 30 : 300 },
  { name: "6 teams, 10 judges × 30 min", teams: 6, judges: 10, minutes: 30, seeds: quick ? 30 : 300 },
  // and a long judging of the big track: what three times the time buys
  { name: "40 teams, 10 judges × 90 min", teams: 40, judges: 10, minutes: 90, seeds: quick ? 3 : 20 },
];
/** bench seeds; the settled thresholds and nextTeam's defaults were chosen on others (50,000 and up) */
const FIRST_SEED = 1000;

// --- the event ---------------------------------------------------------------------

type Judge = { id: string; noise: number; leniency: number; scaleUse: number; favourite: string | null };
type Event = { teamIds: string[]; quality: Map<string, number>; criteria: Map<string, number[]>; judges: Judge[] };

export function makeEvent(seed: number, teams: number, judgeCount: number): Event {
  const random = seededRandom(seed);
  const teamIds = Array.from({ length: teams }, (_, i) => `t${i}`);
  const criteria = new Map(
    teamIds.map((id) => {
      const base = normal(random);
      return [id, CRITERIA.map(() => base + CRITERION_SPREAD * normal(random))];
    }),
  );
  const totalWeight = CRITERIA.reduce((s, c) => s + c.weight, 0);
  const quality = new Map(teamIds.map((id) => [id, criteria.get(id)!.reduce((s, q, c) => s + q * CRITERIA[c].weight, 0) / totalWeight]));
  const byQuality = [...teamIds].sort((a, b) => quality.get(b)! - quality.get(a)!);
  // the friend's team is a mid-table one (8th to 20th), where a push into the top 3 does harm
  const favourite = byQuality[Math.min(teams - 1, 7 + Math.floor(random() * 13))];
  const noises = [...JUDGE_NOISE, CARELESS_NOISE, BIASED_NOISE];
  const judges = Array.from({ length: judgeCount }, (_, j) => ({
    id: `j${j}`,
    noise: noises[j % noises.length],
    leniency: 0.5 * normal(random),
    scaleUse: 0.7 + 0.6 * random(),
    favourite: j % noises.length === noises.length - 1 ? favourite : null,
  }));
  return { teamIds, quality, criteria, judges };
}

/** The judge's impression of a team on one visit: overall, and per criterion (the same noise: a halo). */
function impression(event: Event, judge: Judge, teamId: string, random: () => number): { overall: number; criteria: number[] } {
  const noise = judge.noise * normal(random) + (judge.favourite === teamId ? BIAS : 0);
  return { overall: event.quality.get(teamId)! + noise, criteria: event.criteria.get(teamId)!.map((q) => q + noise) };
}

/** A rubric form from an impression: the middle of the scale, ± the judge's leniency and use of the scale, in whole points. */
function form(judge: Judge, criteria: number[]): Record<string, number> {
  return Object.fromEntries(
    CRITERIA.map((c, i) => {
      const pointsPerSd = c.scale === 10 ? 1.8 : 0.9;
      const raw = (c.scale + 1) / 2 + pointsPerSd * (judge.scaleUse * criteria[i] + judge.leniency);
      return [c.id, Math.min(c.scale, Math.max(1, Math.round(raw)))];
    }),
  );
}

// --- the simulation --------------------------------------------------------------------

/** the bootstrap behind the standings nextTeamToVisit reads during judging: fewer resamples than the deliberation view's 400, for the bench's time */
const ASSIGNMENT_RESAMPLES = 50;

type Outcome = { scores: Map<string, number>; top: string[]; ranking: TrackRanking | null; visits: number };

export function simulate(method: Simulated, event: Event, minutes: number, seed: number): Outcome {
  const random = seededRandom(seed ^ 0x9e3779b9);
  const pairwise: PairwiseJudgment[] = [];
  const rubric: RubricJudgment[] = [];
  const orders = new Map<string, RankingJudgment>();
  const ceiling = method === "ceiling" ? new Ceiling(event) : null;
  const isPairwise = method === "PAIRWISE" || method === "PAIRWISE, Gavel's choice";
  const isRubric = method === "RUBRIC raw" || method === "RUBRIC normalized";
  const isRanking = method === "RANKING Borda" || method === "RANKING Copeland";
  const rank = (resamples?: number): TrackRanking => {
    if (isPairwise) return rankPairwise(event.teamIds, pairwise, { seed });
    if (isRubric) return rankRubric(event.teamIds, CRITERIA, rubric, { normalize: method === "RUBRIC normalized", seed, resamples });
    return rankRankings(event.teamIds, [...orders.values()], { rule: method === "RANKING Borda" ? "BORDA" : "COPELAND", seed, resamples });
  };
  // the ceiling records like the cheapest method: a visit and 15 s
  const recordCost = isRubric ? COST.form : isRanking ? COST.place : COST.choose;
  const reserve = isRanking ? COST.finalOrder : 0;

  type State = { judge: Judge; freeAt: number; seen: string[]; impressions: Map<string, number>; current: string | null; done: boolean };
  const judges: State[] = event.judges.map((judge) => ({ judge, freeAt: 0, seen: [], impressions: new Map(), current: null, done: false }));
  const visiting = new Map<string, { teamId: string; until: number }>();
  // judgments are in the app once the judge has recorded them
  const pending: { at: number; apply: () => void }[] = [];
  let visits = 0;
  let standings: TeamStanding[] | null = null; // for nextTeamToVisit: recomputed when a judgment came in since

  for (;;) {
    const active = judges.filter((j) => !j.done);
    if (active.length === 0) break;
    const me = active.reduce((a, b) => (b.freeAt < a.freeAt ? b : a));
    const now = me.freeAt;
    pending.sort((a, b) => a.at - b.at);
    while (pending.length && pending[0].at <= now) {
      pending.shift()!.apply();
      standings = null;
    }
    // a pairwise judge's first visit has nothing to compare with: no choice to make
    const cost = COST.visit + (isPairwise && me.current === null ? 0 : recordCost);
    if (now + cost + reserve > minutes + 1e-9) {
      me.done = true;
      continue;
    }
    const busy = [...visiting].filter(([id, v]) => id !== me.judge.id && v.until > now).map(([, v]) => v.teamId);
    const args = { judgeId: me.judge.id, seen: me.seen, busy, candidates: event.teamIds, seed: seed + visits };
    let teamId: string | null;
    if (ceiling) teamId = ceiling.next(args);
    else if (isPairwise) {
      const gavel = method === "PAIRWISE, Gavel's choice" ? ({ minViews: 2, focus: "ALL", epsilon: 0.25 } as const) : {};
      teamId = nextTeam({ ...args, current: me.current, judgments: pairwise, ...gavel });
    } else {
      standings ??= rank(ASSIGNMENT_RESAMPLES).standings;
      teamId = nextTeamToVisit({ ...args, standings });
    }
    if (teamId === null) {
      me.done = true;
      continue;
    }
    visits++;
    const seenBy = impression(event, me.judge, teamId, random);
    visiting.set(me.judge.id, { teamId, until: now + COST.visit });
    const previous = me.current;
    me.seen.push(teamId);
    me.impressions.set(teamId, seenBy.overall);
    me.current = teamId;
    me.freeAt = now + cost;
    const [judgeId, team, judge] = [me.judge.id, teamId, me.judge];
    if (ceiling) pending.push({ at: me.freeAt, apply: () => ceiling.observe(judge, team, seenBy.overall) });
    else if (isPairwise) {
      if (previous !== null) {
        const better = seenBy.overall > me.impressions.get(previous)!;
        pending.push({ at: me.freeAt, apply: () => pairwise.push({ judgeId, winnerId: better ? team : previous, loserId: better ? previous : team }) });
      }
    } else if (isRubric) {
      const scores = form(judge, seenBy.criteria);
      pending.push({ at: me.freeAt, apply: () => rubric.push({ judgeId, teamId: team, scores }) });
    } else {
      const order = [...me.impressions].sort((a, b) => b[1] - a[1]).map(([id]) => id);
      pending.push({ at: me.freeAt, apply: () => orders.set(judgeId, { judgeId, order }) });
    }
  }
  for (const p of pending) p.apply();
  if (ceiling) {
    const scores = ceiling.means();
    return { scores, top: [...event.teamIds].sort((a, b) => scores.get(b)! - scores.get(a)!).slice(0, 3), ranking: null, visits };
  }
  const ranking = rank();
  return { scores: new Map(ranking.standings.map((s) => [s.teamId, s.score])), top: ranking.standings.slice(0, 3).map((s) => s.teamId), ranking, visits };
}

/**
 * The clairvoyant: knows each judge's noise (not the bias) and reads their
 * impressions as numbers — no scale, no leniency, no rounding — and keeps
 * the exact posterior of every team's quality (prior N(0, 1)). It visits like
 * nextTeamToVisit (each team once, then the team most in doubt about the top
 * 3). What no method can beat with these judges in this time, near enough.
 */
class Ceiling {
  private precision = new Map<string, number>();
  private weighted = new Map<string, number>();
  constructor(private readonly event: Event) {
    for (const id of event.teamIds) {
      this.precision.set(id, 1);
      this.weighted.set(id, 0);
    }
  }
  observe(judge: Judge, teamId: string, value: number) {
    const p = 1 / judge.noise ** 2;
    this.precision.set(teamId, this.precision.get(teamId)! + p);
    this.weighted.set(teamId, this.weighted.get(teamId)! + p * value);
  }
  means(): Map<string, number> {
    return new Map(this.event.teamIds.map((id) => [id, this.weighted.get(id)! / this.precision.get(id)!]));
  }
  next(args: { seen: string[]; busy: string[]; candidates: string[] }): string | null {
    const seen = new Set(args.seen);
    const open = args.candidates.filter((id) => !seen.has(id));
    const free = open.filter((id) => !args.busy.includes(id));
    const items = free.length ? free : open;
    if (items.length === 0) return null;
    const unseen = items.filter((id) => this.precision.get(id) === 1);
    if (unseen.length) return unseen[0];
    const means = this.means();
    const sorted = [...means.values()].sort((a, b) => b - a);
    const boundary = (sorted[2] + sorted[3]) / 2;
    const doubt = (id: string) => -Math.abs(means.get(id)! - boundary) * Math.sqrt(this.precision.get(id)!);
    return items.reduce((a, b) => (doubt(b) > doubt(a) ? b : a));
  }
}

// --- the figures --------------------------------------------------------------------

/** Kendall's tau-b of the app's scores against the truth (the truth has no ties; the app's may, e.g. teams never judged). */
function kendallTau(scores: number[], truth: number[]): number {
  let [concordant, discordant, tiedScores] = [0, 0, 0];
  for (let i = 0; i < scores.length; i++)
    for (let j = i + 1; j < scores.length; j++) {
      const a = Math.sign(scores[i] - scores[j]);
      if (a === 0) tiedScores++;
      else if (a === Math.sign(truth[i] - truth[j])) concordant++;
      else discordant++;
    }
  const pairs = (scores.length * (scores.length - 1)) / 2;
  const denominator = Math.sqrt((pairs - tiedScores) * pairs);
  return denominator > 0 ? (concordant - discordant) / denominator : 0;
}

type Tally = { runs: number; recall: number; tau: number; claims: number; claimsRight: number; visits: number };

function main() {
  const began = performance.now();
  const simulated: Simulated[] = [...METHODS, ...REFERENCES];
  const results = SCENARIOS.map((scenario) => ({
    scenario,
    tallies: new Map(simulated.map((m): [Simulated, Tally] => [m, { runs: 0, recall: 0, tau: 0, claims: 0, claimsRight: 0, visits: 0 }])),
  }));
  for (const { scenario, tallies } of results) {
    console.error(`judging bench: ${scenario.name}, ${scenario.seeds} events…`);
    for (let s = 0; s < scenario.seeds; s++) {
      const seed = FIRST_SEED + s;
      const event = makeEvent(seed, scenario.teams, scenario.judges);
      const truth = [...event.teamIds].sort((a, b) => event.quality.get(b)! - event.quality.get(a)!);
      const trueTop = new Set(truth.slice(0, 3));
      // the references only matter on the headline scenario
      for (const method of scenario.headline ? simulated : METHODS) {
        const outcome = simulate(method, event, scenario.minutes, seed);
        const hits = outcome.top.filter((t) => trueTop.has(t)).length;
        const t = tallies.get(method)!;
        t.runs++;
        t.recall += hits / 3;
        t.tau += kendallTau(
          event.teamIds.map((id) => outcome.scores.get(id)!),
          event.teamIds.map((id) => event.quality.get(id)!),
        );
        t.visits += outcome.visits;
        if (outcome.ranking?.confidence.settled) {
          t.claims++;
          if (hits === 3) t.claimsRight++;
        }
      }
    }
  }

  const share = (a: number, b: number) => (b > 0 ? a / b : null);
  const figures = (scenario: Scenario, name: Simulated, t: Tally) => ({
    name,
    top3Recall: t.recall / t.runs,
    kendallTau: t.tau / t.runs,
    visitsPerJudge: t.visits / t.runs / scenario.judges,
    claimRate: t.claims / t.runs,
    claims: t.claims,
    claimsRight: share(t.claimsRight, t.claims),
  });
  const scenarios = results.map(({ scenario, tallies }) => ({
    name: scenario.name,
    teams: scenario.teams,
    judges: scenario.judges,
    minutes: scenario.minutes,
    events: scenario.seeds,
    methods: METHODS.map((name) => figures(scenario, name, tallies.get(name)!)),
  }));
  const headline = results.find((r) => r.scenario.headline)!;
  const methods = METHODS.map((name) => figures(headline.scenario, name, headline.tallies.get(name)!));
  // the best top-3 recall at the headline scenario, ties by Kendall's tau
  const best = [...methods].sort((a, b) => b.top3Recall - a.top3Recall || b.kendallTau - a.kendallTau)[0];
  const claimsOf = (name: MethodName) => results.map((r) => r.tallies.get(name)!);
  const claimsByMethod = METHODS.map((name) => {
    const ts = claimsOf(name);
    const claims = ts.reduce((s, t) => s + t.claims, 0);
    const runs = ts.reduce((s, t) => s + t.runs, 0);
    return {
      name,
      claims,
      claimRate: claims / runs,
      claimsRight: share(
        ts.reduce((s, t) => s + t.claimsRight, 0),
        claims,
      ),
    };
  });
  const claims = claimsByMethod.reduce((s, m) => s + m.claims, 0);
  const claimsRight = METHODS.flatMap(claimsOf).reduce((s, t) => s + t.claimsRight, 0);
  const runs = METHODS.flatMap(claimsOf).reduce((s, t) => s + t.runs, 0);
  console.log(
    JSON.stringify({
      default: best.name,
      scenario: headline.scenario.name,
      methods,
      references: REFERENCES.map((name) => figures(headline.scenario, name, headline.tallies.get(name)!)),
      settledClaimsRight: share(claimsRight, claims),
      claims,
      claimRate: claims / runs,
      claimsByMethod,
      scenarios,
      assumptions: { costMinutes: COST, judgeNoise: JUDGE_NOISE, carelessNoise: CARELESS_NOISE, biased: { noise: BIASED_NOISE, bias: BIAS } },
      quick,
      seconds: (performance.now() - began) / 1000,
    }),
  );
}

// run, not imported (a calibration script may import the simulation)
if (require.main === module) main();
