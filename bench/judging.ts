// The judging bench, run by bench/judging.mjs under tsx: simulated judging,
// once per method, over many seeded events, against the hidden truth. Prints
// one JSON object on stdout (progress on stderr).
//
// An event: teams of hidden quality, judges of different noise and leniency
// (one careless, one biased towards a friend's team), 30 minutes of judging
// per judge, everyone judging at once, each judgment reaching the app when it
// is recorded. Two formats:
//
// - STAGE, Hexathon's own (the headline): every team presents on stage for
//   five minutes and the judges watch every talk (a few missed), so each judge
//   holds ONE impression per team, drawn once; the 30 minutes are spent
//   recording judgments from memory — pairwise taps (the app naming the next
//   team through nextTeam, the chain as always), rubric forms (the app
//   choosing which teams through nextTeamToVisit), or placing every team in a
//   running order.
// - EXPO, teams at tables and judges walking round: every visit (3 minutes)
//   gives a fresh impression and the app sends the judge to the next table.
//
// The methods differ only in what is recorded, what that costs in time and
// how it is aggregated, so the comparison is of the methods, not of the
// judges. docs/judging.md explains the assumptions and the figures.
//
//   node --import tsx bench/judging.ts            about 65 s on a 2-core machine
//   node --import tsx bench/judging.ts --quick    about 9 s, a tenth of the events
import { performance } from "node:perf_hooks";
import { normal, seededRandom, shuffled } from "../lib/judging/random";
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
 * Minutes, in the stage format: the talks are over (or going on), and each
 * record is made from memory and notes. Pairwise: 20 s a comparison — the
 * app names a team, the judge recalls it and the one before and taps the
 * better; 5 s to open the chain (the first team, nothing to compare). Rubric:
 * 1 min a form of four criteria. Ranking: 10 s to drag a team into the
 * running order (as the talks go by, or after), 2 min to review the order at
 * the end. Skip: 5 s, when the app names a team whose talk the judge missed.
 */
const STAGE_COST = { first: 5 / 60, compare: 20 / 60, form: 1, place: 10 / 60, finalOrder: 2, skip: 5 / 60 };

/**
 * Minutes, for expo judging (teams at their tables, judges walking round). A
 * visit: about 30 s to find the table and 2½ min of demo and questions, the
 * 3 to 5 minutes a team that expo judging usually gives, at its short end.
 * Then the record: pairwise, a tap on the better of the last two (15 s);
 * rubric, a form of four criteria (1 min); ranking, dragging the team into
 * the judge's running order (15 s), and a last look over the order (1 min).
 */
const EXPO_COST = { visit: 3, choose: 0.25, form: 1, place: 0.25, finalOrder: 1 };

/**
 * Judges, in standard deviations of the teams' quality: the noise of one
 * impression of a team (a five-minute talk, or a three-minute visit). 0.5 to
 * 1.0 for the eight ordinary judges (impressions that correlate 0.9 to 0.7
 * with the truth), 3 for the careless one (0.3: close to random), and the
 * biased one (0.75) sees a friend's mid-table team 1.5 better than it is. On a
 * rubric each judge also has a leniency (an offset, normal with sd 0.5) and a
 * use of the scale (spread × 0.7 to 1.3), and scores are whole numbers
 * within the scale.
 */
const JUDGE_NOISE = [0.5, 0.57, 0.64, 0.71, 0.79, 0.86, 0.93, 1.0];
const CARELESS_NOISE = 3;
const BIASED_NOISE = 0.75;
const BIAS = 1.5;

/**
 * Stage: recalling a team to record a judgment recalls the judge's one
 * impression of its talk, blurred by this much (sd, drawn at each recall): a
 * comparison recalls two teams, a form or a placement one.
 */
const RECALL_NOISE = 0.2;
/**
 * Stage: each judge steps out once during the session (a call, a coffee: up
 * to 20 minutes of about 3½ hours), missing 0 to MISSED_TALKS talks in a row
 * of its SESSION_TALKS; a track judges some or all of the session's teams.
 */
const MISSED_TALKS = 4;
const SESSION_TALKS = 40;

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
/**
 * For context, not candidates for the default: Gavel's own choice of the next
 * team (expo only: in the stage format a judge's chain goes through every
 * team whatever the order, and Gavel's order did as well as the app's, 0.63
 * against 0.63 on 300 events of other seeds); Borda with each judge weighed
 * by their agreement with the others (a method the app doesn't have: stage
 * only, where every judge ranks every team); and what a clairvoyant could do
 * with the same judges.
 */
const REFERENCES = ["PAIRWISE, Gavel's choice", "RANKING Borda, judges weighed", "ceiling"] as const;
const ONLY: Partial<Record<Simulated, Format>> = { "PAIRWISE, Gavel's choice": "expo", "RANKING Borda, judges weighed": "stage" };
type Simulated = MethodName | (typeof REFERENCES)[number];

type Format = "stage" | "expo";
type Scenario = {
  name: string;
  format: Format;
  teams: number;
  judges: number;
  minutes: number;
  seeds: number;
  /** the judges' noise (all of it, the careless judge's too) × this; 1 unless a sensitivity row */
  noiseScale?: number;
  /** the scenario `default` and the target are computed from */
  headline?: boolean;
  /** the references (Gavel's choice or the weighed Borda, the ceiling) are simulated too */
  references?: boolean;
  /** a what-if on the assumptions, not the platform's case */
  sensitivity?: boolean;
};
const n = (full: number, short: number) => (quick ? short : full);
const SCENARIOS: Scenario[] = [
  { name: "stage: 40 teams, 10 judges × 30 min", format: "stage", teams: 40, judges: 10, minutes: 30, seeds: n(100, 15), headline: true, references: true },
  // smaller stage tracks (a special prize's shortlist), where the settled claim is made and judged
  { name: "stage: 12 teams, 10 judges × 30 min", format: "stage", teams: 12, judges: 10, minutes: 30, seeds: n(150, 15) },
  { name: "stage: 8 teams, 5 judges × 30 min", format: "stage", teams: 8, judges: 5, minutes: 30, seeds: n(150, 15) },
  // what-ifs, labelled as such
  {
    name: "sensitivity, stage: 20 teams, 10 judges × 30 min",
    format: "stage",
    teams: 20,
    judges: 10,
    minutes: 30,
    seeds: n(60, 6),
    sensitivity: true,
    references: true,
  },
  {
    name: "sensitivity, stage: 40 teams, judges' noise halved",
    format: "stage",
    teams: 40,
    judges: 10,
    minutes: 30,
    seeds: n(40, 4),
    noiseScale: 0.5,
    sensitivity: true,
    references: true,
  },
  // expo judging, an option of the platform
  { name: "expo: 40 teams, 10 judges × 30 min", format: "expo", teams: 40, judges: 10, minutes: 30, seeds: n(100, 10), references: true },
  { name: "expo: 12 teams, 10 judges × 30 min", format: "expo", teams: 12, judges: 10, minutes: 30, seeds: n(150, 15) },
  { name: "expo: 8 teams, 6 judges × 30 min", format: "expo", teams: 8, judges: 6, minutes: 30, seeds: n(150, 15) },
  { name: "expo: 6 teams, 10 judges × 30 min", format: "expo", teams: 6, judges: 10, minutes: 30, seeds: n(150, 15) },
  { name: "expo: 40 teams, 10 judges × 90 min", format: "expo", teams: 40, judges: 10, minutes: 90, seeds: n(10, 2) },
];
/** bench seeds; the settled thresholds and nextTeam's defaults were chosen on others (50,000 and up) */
const FIRST_SEED = 1000;

// --- the event ---------------------------------------------------------------------

type Judge = { id: string; noise: number; leniency: number; scaleUse: number; favourite: string | null };
export type Event = { teamIds: string[]; quality: Map<string, number>; criteria: Map<string, number[]>; judges: Judge[] };

export function makeEvent(seed: number, teams: number, judgeCount: number, noiseScale = 1): Event {
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
    noise: noiseScale * noises[j % noises.length],
    leniency: 0.5 * normal(random),
    scaleUse: 0.7 + 0.6 * random(),
    favourite: j % noises.length === noises.length - 1 ? favourite : null,
  }));
  return { teamIds, quality, criteria, judges };
}

type Impression = { overall: number; criteria: number[] };

/** The judge's impression of a team: overall, and per criterion (the same noise: a halo). */
function impression(event: Event, judge: Judge, teamId: string, random: () => number): Impression {
  const noise = judge.noise * normal(random) + (judge.favourite === teamId ? BIAS : 0);
  return { overall: event.quality.get(teamId)! + noise, criteria: event.criteria.get(teamId)!.map((q) => q + noise) };
}

/** The same impression recalled: blurred by RECALL_NOISE, anew at each recall. */
function recalled(seen: Impression, random: () => number): Impression {
  const blur = RECALL_NOISE * normal(random);
  return { overall: seen.overall + blur, criteria: seen.criteria.map((q) => q + blur) };
}

/**
 * The talks, in the stage format: a session of SESSION_TALKS talks (more if
 * the track has more teams), the track's teams at random places in it. Each
 * judge steps out once, missing a run of 0 to MISSED_TALKS talks of the
 * session — so a judge misses about 2 of 40 teams, and a track of 6 teams
 * mostly none — and keeps one impression of each of the track's talks seen,
 * in the order of the talks. Drawn from the event's seed alone, so every
 * method works from the same impressions.
 */
export function watchTalks(event: Event, seed: number): Map<string, Map<string, Impression>> {
  const random = seededRandom(seed ^ 0x5ca1ab1e);
  const session = Math.max(SESSION_TALKS, event.teamIds.length);
  const place = new Map(
    shuffled(
      Array.from({ length: session }, (_, i) => i),
      random,
    ).map((position, i) => [event.teamIds[i], position]),
  );
  const talks = event.teamIds.filter((id) => place.has(id)).sort((a, b) => place.get(a)! - place.get(b)!);
  return new Map(
    event.judges.map((judge) => {
      const missed = Math.floor(random() * (MISSED_TALKS + 1));
      const from = Math.floor(random() * (session - missed + 1));
      const seen = new Map<string, Impression>();
      for (const id of talks) {
        const drawn = impression(event, judge, id, random); // drawn either way: the same impressions whatever is missed
        if (place.get(id)! < from || place.get(id)! >= from + missed) seen.set(id, drawn);
      }
      return [judge.id, seen];
    }),
  );
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

/** Stage: the standings nextTeamToVisit reads are at most this old (minutes), for the bench's time; the app recomputes them at every request. */
const STAGE_REFRESH = 0.25;

/** records: the judgments recorded a judge (comparisons, forms, placements; the expo's visits) */
export type Outcome = { scores: Map<string, number>; top: string[]; ranking: TrackRanking | null; records: number };

const kindOf = (method: Simulated) => ({
  isPairwise: method === "PAIRWISE" || method === "PAIRWISE, Gavel's choice",
  isRubric: method === "RUBRIC raw" || method === "RUBRIC normalized",
  isRanking: method === "RANKING Borda" || method === "RANKING Copeland" || method === "RANKING Borda, judges weighed",
});

function ranker(method: Simulated, event: Event, seed: number) {
  const { isPairwise, isRubric } = kindOf(method);
  return (judgments: { pairwise: PairwiseJudgment[]; rubric: RubricJudgment[]; orders: RankingJudgment[] }, resamples?: number): TrackRanking => {
    if (isPairwise) return rankPairwise(event.teamIds, judgments.pairwise, { seed });
    if (isRubric) return rankRubric(event.teamIds, CRITERIA, judgments.rubric, { normalize: method === "RUBRIC normalized", seed, resamples });
    return rankRankings(event.teamIds, judgments.orders, { rule: method === "RANKING Copeland" ? "COPELAND" : "BORDA", seed, resamples });
  };
}

function outcomeOf(ranking: TrackRanking, records: number): Outcome {
  return {
    scores: new Map(ranking.standings.map((s) => [s.teamId, s.score])),
    top: ranking.standings.slice(0, 3).map((s) => s.teamId),
    ranking,
    records,
  };
}

function byScore(teamIds: string[], scores: Map<string, number>): Outcome {
  return { scores, top: [...teamIds].sort((a, b) => scores.get(b)! - scores.get(a)!).slice(0, 3), ranking: null, records: 0 };
}

export function simulate(method: Simulated, event: Event, minutes: number, seed: number, format: Format = "expo"): Outcome {
  return format === "stage" ? simulateStage(method, event, minutes, seed) : simulateExpo(method, event, minutes, seed);
}

/**
 * The stage format: each judge's impressions are fixed by the talks; the
 * judging time goes to records. Ranking judges place every team they saw, in
 * the order of the talks, as far as the time goes; rubric and pairwise judges
 * record where the app sends them (nextTeamToVisit, nextTeam), skipping a
 * team whose talk they missed. No table is held by another judge: `busy` is
 * empty.
 */
function simulateStage(method: Simulated, event: Event, minutes: number, seed: number): Outcome {
  const talks = watchTalks(event, seed);
  const random = seededRandom(seed ^ 0x9e3779b9);
  if (method === "ceiling") return stageCeiling(event, talks);
  const { isPairwise, isRubric, isRanking } = kindOf(method);
  const rank = ranker(method, event, seed);
  const judgments = { pairwise: [] as PairwiseJudgment[], rubric: [] as RubricJudgment[], orders: [] as RankingJudgment[] };

  if (isRanking) {
    let records = 0;
    for (const judge of event.judges) {
      const seen = [...talks.get(judge.id)!];
      const places = Math.max(0, Math.floor((minutes - STAGE_COST.finalOrder) / STAGE_COST.place + 1e-9));
      const placed = seen.slice(0, places).map(([id, seenBy]) => [id, recalled(seenBy, random).overall] as const);
      records += placed.length;
      const order = placed.sort((a, b) => b[1] - a[1]).map(([id]) => id);
      if (order.length) judgments.orders.push({ judgeId: judge.id, order });
    }
    if (method === "RANKING Borda, judges weighed")
      return { ...byScore(event.teamIds, weighedBorda(event.teamIds, judgments.orders)), records: records / event.judges.length };
    return outcomeOf(rank(judgments), records / event.judges.length);
  }

  type State = { judge: Judge; freeAt: number; seen: string[]; current: string | null; done: boolean };
  const judges: State[] = event.judges.map((judge) => ({ judge, freeAt: 0, seen: [], current: null, done: false }));
  const pending: { at: number; apply: () => void }[] = [];
  let records = 0;
  let steps = 0;
  // for nextTeamToVisit: recomputed when a judgment came in since, at most every STAGE_REFRESH (ten judges' forms a minute)
  let standings: TeamStanding[] | null = null;
  let [stale, refreshedAt] = [true, -Infinity];
  for (;;) {
    const active = judges.filter((j) => !j.done);
    if (active.length === 0) break;
    const me = active.reduce((a, b) => (b.freeAt < a.freeAt ? b : a));
    const now = me.freeAt;
    pending.sort((a, b) => a.at - b.at);
    while (pending.length && pending[0].at <= now) {
      pending.shift()!.apply();
      stale = true;
    }
    if (stale && now - refreshedAt >= STAGE_REFRESH - 1e-9) [standings, stale, refreshedAt] = [null, false, now];
    const cost = isRubric ? STAGE_COST.form : me.current === null ? STAGE_COST.first : STAGE_COST.compare;
    if (now + cost > minutes + 1e-9) {
      me.done = true;
      continue;
    }
    const args = { judgeId: me.judge.id, seen: me.seen, busy: [], candidates: event.teamIds, seed: seed + steps++ };
    let teamId: string | null;
    if (isPairwise) {
      const gavel = method === "PAIRWISE, Gavel's choice" ? ({ minViews: 2, focus: "ALL", epsilon: 0.25 } as const) : {};
      teamId = nextTeam({ ...args, current: me.current, judgments: judgments.pairwise, ...gavel });
    } else {
      standings ??= rank(judgments, ASSIGNMENT_RESAMPLES).standings;
      teamId = nextTeamToVisit({ ...args, standings });
    }
    if (teamId === null) {
      me.done = true;
      continue;
    }
    me.seen.push(teamId);
    const seenBy = talks.get(me.judge.id)!.get(teamId);
    if (!seenBy) {
      // the judge missed that talk: a skip (the chain goes on from the team before)
      me.freeAt = now + STAGE_COST.skip;
      continue;
    }
    records++;
    me.freeAt = now + cost;
    const [judgeId, team, previous] = [me.judge.id, teamId, me.current];
    if (isPairwise) {
      me.current = teamId;
      if (previous !== null) {
        const better = recalled(seenBy, random).overall > recalled(talks.get(judgeId)!.get(previous)!, random).overall;
        const judgment = { judgeId, winnerId: better ? team : previous, loserId: better ? previous : team };
        pending.push({ at: me.freeAt, apply: () => judgments.pairwise.push(judgment) });
      }
    } else {
      const scores = form(me.judge, recalled(seenBy, random).criteria);
      pending.push({ at: me.freeAt, apply: () => judgments.rubric.push({ judgeId, teamId: team, scores }) });
    }
  }
  for (const p of pending) p.apply();
  return outcomeOf(rank(judgments), records / event.judges.length);
}

/**
 * The stage's clairvoyant: every impression of every judge, read as exact
 * numbers (no recall blur, no scale, no leniency, no rounding) and weighed by
 * each judge's known noise (the bias unknown), with the exact posterior of
 * each team's quality (prior N(0, 1)). What no method can beat with these
 * judges and these talks, near enough.
 */
function stageCeiling(event: Event, talks: Map<string, Map<string, Impression>>): Outcome {
  const scores = new Map(
    event.teamIds.map((id) => {
      let [precision, weighted] = [1, 0];
      for (const judge of event.judges) {
        const seen = talks.get(judge.id)!.get(id);
        if (!seen) continue;
        precision += 1 / judge.noise ** 2;
        weighted += seen.overall / judge.noise ** 2;
      }
      return [id, weighted / precision];
    }),
  );
  return { ...byScore(event.teamIds, scores), records: event.teamIds.length };
}

/**
 * Borda with each judge weighed by how well their points agree with the
 * weighed Borda of the others: with r that correlation, r² / (1 − r²) — for
 * a judge whose points are the truth plus noise, the inverse of the noise's
 * variance (r clipped to [0.05, 0.95]); three rounds from equal weights. Not
 * in the app (the reference row asks whether it would be worth it): Borda
 * there weighs every judge the same.
 */
function weighedBorda(teamIds: string[], orders: RankingJudgment[]): Map<string, number> {
  const points = orders.map(({ order }) => new Map(order.map((id, p) => [id, order.length > 1 ? (order.length - 1 - p) / (order.length - 1) : 0.5])));
  const aggregate = (weights: number[]) =>
    new Map(
      teamIds.map((id) => {
        let [sum, total] = [0, 0];
        points.forEach((m, j) => {
          if (m.has(id)) [sum, total] = [sum + weights[j] * m.get(id)!, total + weights[j]];
        });
        return [id, total > 0 ? sum / total : 0.5];
      }),
    );
  let weights = points.map(() => 1);
  for (let round = 0; round < 3; round++)
    weights = points.map((m, j) => {
      const others = aggregate(weights.map((w, k) => (k === j ? 0 : w)));
      const ids = [...m.keys()];
      const r = Math.min(
        0.95,
        Math.max(
          0.05,
          correlation(
            ids.map((id) => m.get(id)!),
            ids.map((id) => others.get(id)!),
          ),
        ),
      );
      return (r * r) / (1 - r * r);
    });
  return aggregate(weights);
}

function correlation(a: number[], b: number[]): number {
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const [ma, mb] = [mean(a), mean(b)];
  let [ab, aa, bb] = [0, 0, 0];
  a.forEach((x, i) => {
    [ab, aa, bb] = [ab + (x - ma) * (b[i] - mb), aa + (x - ma) ** 2, bb + (b[i] - mb) ** 2];
  });
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

/** Expo judging: judges walk from table to table, sent by the app; every visit gives a fresh impression. */
function simulateExpo(method: Simulated, event: Event, minutes: number, seed: number): Outcome {
  const random = seededRandom(seed ^ 0x9e3779b9);
  const judgments = { pairwise: [] as PairwiseJudgment[], rubric: [] as RubricJudgment[], orders: [] as RankingJudgment[] };
  const orders = new Map<string, RankingJudgment>();
  const ceiling = method === "ceiling" ? new Ceiling(event) : null;
  const { isPairwise, isRubric, isRanking } = kindOf(method);
  const rankWith = ranker(method, event, seed);
  const rank = (resamples?: number) => rankWith({ ...judgments, orders: [...orders.values()] }, resamples);
  // the ceiling records like the cheapest method: a visit and 15 s
  const recordCost = isRubric ? EXPO_COST.form : isRanking ? EXPO_COST.place : EXPO_COST.choose;
  const reserve = isRanking ? EXPO_COST.finalOrder : 0;

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
    const cost = EXPO_COST.visit + (isPairwise && me.current === null ? 0 : recordCost);
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
      teamId = nextTeam({ ...args, current: me.current, judgments: judgments.pairwise, ...gavel });
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
    visiting.set(me.judge.id, { teamId, until: now + EXPO_COST.visit });
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
        pending.push({
          at: me.freeAt,
          apply: () => judgments.pairwise.push({ judgeId, winnerId: better ? team : previous, loserId: better ? previous : team }),
        });
      }
    } else if (isRubric) {
      const scores = form(judge, seenBy.criteria);
      pending.push({ at: me.freeAt, apply: () => judgments.rubric.push({ judgeId, teamId: team, scores }) });
    } else {
      const order = [...me.impressions].sort((a, b) => b[1] - a[1]).map(([id]) => id);
      pending.push({ at: me.freeAt, apply: () => orders.set(judgeId, { judgeId, order }) });
    }
  }
  for (const p of pending) p.apply();
  if (ceiling) return { ...byScore(event.teamIds, ceiling.means()), records: visits / event.judges.length };
  return outcomeOf(rank(), visits / event.judges.length);
}

/**
 * The expo's clairvoyant: knows each judge's noise (not the bias) and reads
 * their impressions as numbers — no scale, no leniency, no rounding — and
 * keeps the exact posterior of every team's quality (prior N(0, 1)). It visits
 * like nextTeamToVisit (each team once, then the team most in doubt about the
 * top 3). What no method can beat with these judges in this time, near enough.
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
export function kendallTau(scores: number[], truth: number[]): number {
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

/** hits: each event's recall, in the order of the seeds (the methods are compared event by event) */
type Tally = { runs: number; recall: number; tau: number; claims: number; claimsRight: number; records: number; hits: number[] };

function main() {
  const began = performance.now();
  const simulated: Simulated[] = [...METHODS, ...REFERENCES];
  const results = SCENARIOS.map((scenario) => ({
    scenario,
    tallies: new Map(
      simulated.map((m): [Simulated, Tally] => [m, { runs: 0, recall: 0, tau: 0, claims: 0, claimsRight: 0, records: 0, hits: [] as number[] }]),
    ),
    seconds: 0,
  }));
  for (const result of results) {
    const { scenario, tallies } = result;
    const start = performance.now();
    console.error(`judging bench: ${scenario.name}, ${scenario.seeds} events…`);
    for (let s = 0; s < scenario.seeds; s++) {
      const seed = FIRST_SEED + s;
      const event = makeEvent(seed, scenario.teams, scenario.judges, scenario.noiseScale);
      const truth = [...event.teamIds].sort((a, b) => event.quality.get(b)! - event.quality.get(a)!);
      const trueTop = new Set(truth.slice(0, 3));
      const references = scenario.references ? REFERENCES.filter((m) => (ONLY[m] ?? scenario.format) === scenario.format) : [];
      for (const method of [...METHODS, ...references]) {
        const outcome = simulate(method, event, scenario.minutes, seed, scenario.format);
        const hits = outcome.top.filter((t) => trueTop.has(t)).length;
        const t = tallies.get(method)!;
        t.runs++;
        t.recall += hits / 3;
        t.hits.push(hits / 3);
        t.tau += kendallTau(
          event.teamIds.map((id) => outcome.scores.get(id)!),
          event.teamIds.map((id) => event.quality.get(id)!),
        );
        t.records += outcome.records;
        if (outcome.ranking?.confidence.settled) {
          t.claims++;
          if (hits === 3) t.claimsRight++;
        }
      }
    }
    result.seconds = (performance.now() - start) / 1000;
  }

  const share = (a: number, b: number) => (b > 0 ? a / b : null);
  const figures = (name: Simulated, t: Tally) => ({
    name,
    top3Recall: t.recall / t.runs,
    kendallTau: t.tau / t.runs,
    /** stage: comparisons, forms or placements a judge; expo: visits a judge */
    recordsPerJudge: t.records / t.runs,
    claimRate: t.claims / t.runs,
    claims: t.claims,
    claimsRight: share(t.claimsRight, t.claims),
  });
  const scenarios = results.map(({ scenario, tallies, seconds }) => ({
    name: scenario.name,
    format: scenario.format,
    teams: scenario.teams,
    judges: scenario.judges,
    minutes: scenario.minutes,
    noiseScale: scenario.noiseScale ?? 1,
    sensitivity: scenario.sensitivity ?? false,
    events: scenario.seeds,
    methods: METHODS.map((name) => figures(name, tallies.get(name)!)),
    references: REFERENCES.filter((name) => tallies.get(name)!.runs > 0).map((name) => figures(name, tallies.get(name)!)),
    seconds,
  }));
  const headline = scenarios.find((s) => SCENARIOS.find((c) => c.name === s.name)!.headline)!;
  const headlineTallies = results.find((r) => r.scenario.headline)!.tallies;
  // the default: the best top-3 recall at the headline scenario; the methods level with it within
  // the noise of the events (the 95% interval of the paired differences, event by event, holds 0)
  // are a tie, broken by Kendall's tau
  const top = [...headline.methods].sort((a, b) => b.top3Recall - a.top3Recall)[0];
  const methods = headline.methods.map((m) => {
    const [own, best] = [headlineTallies.get(m.name)!.hits, headlineTallies.get(top.name)!.hits];
    const differences = own.map((h, i) => best[i] - h);
    const mean = differences.reduce((s, d) => s + d, 0) / differences.length;
    const sd = Math.sqrt(differences.reduce((s, d) => s + (d - mean) ** 2, 0) / Math.max(1, differences.length - 1));
    const margin = (1.96 * sd) / Math.sqrt(differences.length);
    return { ...m, behindBest: mean, behindBestMargin: margin, levelWithBest: mean <= margin };
  });
  const best = methods.filter((m) => m.levelWithBest).sort((a, b) => b.kendallTau - a.kendallTau || b.top3Recall - a.top3Recall)[0];
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
  const claimsByFormat = (["stage", "expo"] as const).map((format) => {
    const ts = results.filter((r) => r.scenario.format === format).flatMap((r) => METHODS.map((name) => r.tallies.get(name)!));
    const claims = ts.reduce((s, t) => s + t.claims, 0);
    return {
      format,
      claims,
      claimRate: claims / ts.reduce((s, t) => s + t.runs, 0),
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
      scenario: headline.name,
      methods,
      references: headline.references,
      settledClaimsRight: share(claimsRight, claims),
      claims,
      claimRate: claims / runs,
      claimsByMethod,
      claimsByFormat,
      scenarios,
      assumptions: {
        costMinutes: { stage: STAGE_COST, expo: EXPO_COST },
        recallNoise: RECALL_NOISE,
        missedTalks: MISSED_TALKS,
        judgeNoise: JUDGE_NOISE,
        carelessNoise: CARELESS_NOISE,
        biased: { noise: BIASED_NOISE, bias: BIAS },
      },
      quick,
      seconds: (performance.now() - began) / 1000,
    }),
  );
}

// run, not imported (a calibration script may import the simulation)
if (require.main === module) main();
