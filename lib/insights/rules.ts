// What each chart shows, as plain data: the rows, a title, a description
// that says the main point in words (the chart's text alternative), and the
// numbers as a table (one click away under every chart). Components in
// components/charts draw them; these functions decide what they say, and the
// unit tests hold them to it. No database, no node modules. Their words are
// messages of lib/ (lib/platform/messages.ts: "insights.…"), said in the
// reader's language where they are shown (components/say.ts); people's words
// (team names, titles) are their values.
import { csvLine } from "../platform/csv";
import { listMessage, msg } from "../platform/messages";
import { OUTCOME_STATUSES, type OutcomeStatus } from "../teams/rules";

/** The words and the table every chart carries. */
export type ChartText = {
  title: string;
  /** one or two sentences: what a sighted reader takes from the picture */
  description: string;
  numbers: { columns: string[]; rows: (string | number)[][] };
};

/** Horizontal bars, one row each, split in segments of the series (stacked). */
export type BarChart = ChartText & {
  series: { key: string; label: string }[];
  rows: { label: string; note: string; values: number[] }[];
};

/** Rows on a shared axis, each a point and, when known, the range around it. */
export type DotChart = ChartText & {
  rows: { label: string; note: string; value: number; low: number; high: number }[];
  domain: [number, number];
  /** what the axis measures, e.g. "Minutes after the opening" */
  axis: string;
};

/** A square grid of rows against columns, each cell a share between 0 and 1 and its text. */
export type GridChart = ChartText & {
  labels: string[];
  cells: ({ share: number; text: string } | null)[][];
};

/** Lines over an ordered x (editions, minutes), one per series. */
export type LineChart = ChartText & {
  series: { key: string; label: string; points: { x: number; y: number }[] }[];
  /** the x values' labels, e.g. edition numbers; empty: x is a number read on a plain axis (rounds) */
  xLabels: { x: number; label: string }[];
  axis: string;
};

// `|| 0`: never "-0" (Intl prints the sign of a negative zero)
const round1 = (n: number) => Math.round(n * 10) / 10 || 0;

export type RankedTeam = { name: string; place: number; audiencePoints: number; bonusPoints: number; total: number; placeCounts: number[] };
export type Weights = { audience: number; bonus: number };

/** The final ranking: each team's total, audience and bonus apart (weighted, so the parts add up to the total). */
export function resultsChart(ranking: RankedTeam[], weights: Weights): BarChart {
  const rows = [...ranking].sort((a, b) => a.place - b.place);
  const weighted = weights.audience !== 1 || weights.bonus !== 1;
  const top = rows.slice(0, 3).map((t) => msg("insights.results.top", { team: t.name, points: round1(t.total) }));
  return {
    title: msg("insights.results.title"),
    description:
      rows.length === 0
        ? msg("insights.results.empty")
        : msg("insights.results.description", {
            teams: rows.length,
            first: listMessage(top),
            weighted: weighted ? "yes" : "no",
            audience: weights.audience,
            bonus: weights.bonus,
          }),
    series: [
      { key: "audience", label: msg("insights.results.series.audience") },
      { key: "bonus", label: msg("insights.results.series.bonus") },
    ],
    rows: rows.map((t) => ({
      label: `${t.place}. ${t.name}`,
      note: msg("insights.results.note", { points: round1(t.total) }),
      values: [t.audiencePoints * weights.audience, t.bonusPoints * weights.bonus],
    })),
    numbers: {
      columns: [
        msg("insights.results.columns.place"),
        msg("insights.results.columns.team"),
        msg("insights.results.columns.audience"),
        msg("insights.results.columns.bonus"),
        msg("insights.results.columns.total"),
      ],
      rows: rows.map((t) => [t.place, t.name, t.audiencePoints, t.bonusPoints, round1(t.total)]),
    },
  };
}

/** How the ballots placed each team: how many ranked it first, second, third (or picked it, in an approval vote). */
export function ballotsChart(ranking: RankedTeam[], ballots: number, method: "RANKED" | "APPROVAL"): BarChart {
  const picks = Math.max(1, ...ranking.map((t) => t.placeCounts.length));
  const series =
    method === "APPROVAL"
      ? [{ key: "picked", label: msg("insights.ballots.picked") }]
      : Array.from({ length: picks }, (_, i) => ({ key: `rank${i + 1}`, label: msg("insights.ballots.ranked", { rank: i + 1 }) }));
  const rows = [...ranking].sort((a, b) => a.place - b.place);
  const favourite = [...rows].sort((a, b) => (b.placeCounts[0] ?? 0) - (a.placeCounts[0] ?? 0))[0];
  const counted = (t: RankedTeam) => series.map((_, i) => t.placeCounts[i] ?? 0);
  return {
    title: msg("insights.ballots.title"),
    description:
      ballots === 0 || !favourite
        ? msg("insights.ballots.empty")
        : msg("insights.ballots.description", { ballots, team: favourite.name, method, count: favourite.placeCounts[0] ?? 0 }),
    series,
    rows: rows.map((t) => ({
      label: t.name,
      note: msg("insights.ballots.note", { count: counted(t).reduce((a, b) => a + b, 0) }),
      values: counted(t),
    })),
    numbers: { columns: [msg("insights.ballots.columns.team"), ...series.map((s) => s.label)], rows: rows.map((t) => [t.name, ...counted(t)]) },
  };
}

export type RatedTeam = { name: string; rating: { mu: number; sigma: number } };

/** A tournament's ratings with how sure they are: μ, and the range μ ± σ. */
export function ratingsChart(teams: RatedTeam[], matches: number): DotChart {
  const rows = [...teams].sort((a, b) => b.rating.mu - a.rating.mu);
  const low = Math.min(...rows.map((t) => t.rating.mu - t.rating.sigma), 0);
  const high = Math.max(...rows.map((t) => t.rating.mu + t.rating.sigma), 1);
  const [first, second] = rows;
  const clear = first && second && first.rating.mu - first.rating.sigma > second.rating.mu + second.rating.sigma;
  return {
    title: msg("insights.ratings.title"),
    description: !first
      ? msg("insights.ratings.empty")
      : msg("insights.ratings.description", {
          matches,
          team: first.name,
          mu: round1(first.rating.mu),
          sigma: round1(first.rating.sigma),
          second: second?.name ?? "",
          compared: !second ? "alone" : clear ? "clear" : "overlaps",
        }),
    rows: rows.map((t) => ({
      label: t.name,
      note: msg("insights.ratings.note", { mu: round1(t.rating.mu), sigma: round1(t.rating.sigma) }),
      value: t.rating.mu,
      low: t.rating.mu - t.rating.sigma,
      high: t.rating.mu + t.rating.sigma,
    })),
    domain: [Math.floor(low), Math.ceil(high)],
    axis: msg("insights.ratings.axis"),
    numbers: {
      columns: [
        msg("insights.ratings.columns.team"),
        msg("insights.ratings.columns.rating"),
        msg("insights.ratings.columns.uncertainty"),
        msg("insights.ratings.columns.low"),
        msg("insights.ratings.columns.high"),
      ],
      rows: rows.map((t) => [t.name, round1(t.rating.mu), round1(t.rating.sigma), round1(t.rating.mu - t.rating.sigma), round1(t.rating.mu + t.rating.sigma)]),
    },
  };
}

export type Record3 = { won: number; drawn: number; lost: number };

/** Who beat whom: a row's share of points against each column (a win 1, a draw ½), with the record as text. */
export function headToHeadChart(teams: { teamId: string; name: string }[], against: (Record3 | null)[][]): GridChart {
  const labels = teams.map((t) => t.name);
  const cells = against.map((row, i) =>
    row.map((cell, j) => {
      if (i === j || !cell) return null;
      const played = cell.won + cell.drawn + cell.lost;
      return played === 0 ? null : { share: (cell.won + cell.drawn / 2) / played, text: `${cell.won}–${cell.drawn}–${cell.lost}` };
    }),
  );
  const dominant = teams.map((t, i) => ({ name: t.name, beaten: cells[i].filter((c) => c && c.share > 0.5).length })).sort((a, b) => b.beaten - a.beaten)[0];
  return {
    title: msg("insights.headToHead.title"),
    description: !dominant ? msg("insights.headToHead.empty") : msg("insights.headToHead.description", { team: dominant.name, beaten: dominant.beaten }),
    labels,
    cells,
    numbers: {
      columns: [msg("insights.headToHead.columns.team"), ...labels.map((name) => msg("insights.headToHead.columns.against", { team: name }))],
      rows: labels.map((name, i) => [name, ...cells[i].map((c, j) => (i === j ? "—" : (c?.text ?? msg("insights.headToHead.notPlayed"))))]),
    },
  };
}

export type Solve = { team: string; at: Date; points: number };

/** The riddle race: when each team solved it, in minutes after it opened. */
export function raceChart(opensAt: Date, solves: Solve[], teams: number): DotChart {
  const rows = [...solves].sort((a, b) => a.at.getTime() - b.at.getTime());
  const minutes = (at: Date) => Math.max(0, round1((at.getTime() - opensAt.getTime()) / 60_000));
  const last = rows.length ? minutes(rows[rows.length - 1].at) : 0;
  const [first] = rows;
  return {
    title: msg("insights.race.title"),
    description: !first
      ? msg("insights.race.empty")
      : msg("insights.race.description", {
          solved: rows.length,
          teams,
          team: first.team,
          minutes: minutes(first.at),
          more: rows.length > 1 ? "yes" : "no",
          last,
        }),
    rows: rows.map((s, i) => ({
      label: `${i + 1}. ${s.team}`,
      note: msg("insights.race.note", { minutes: minutes(s.at), points: s.points }),
      value: minutes(s.at),
      low: 0,
      high: minutes(s.at),
    })),
    domain: [0, Math.max(1, Math.ceil(last))],
    axis: msg("insights.race.axis"),
    numbers: {
      columns: [
        msg("insights.race.columns.place"),
        msg("insights.race.columns.team"),
        msg("insights.race.columns.minutes"),
        msg("insights.race.columns.points"),
      ],
      rows: rows.map((s, i) => [i + 1, s.team, minutes(s.at), s.points]),
    },
  };
}

export type EditionFigures = { number: number; slug: string; teams: number; people: number; articles: number };
/** An edition's topics per kind, and how many became a team. */
export type TopicFigures = { kind: string; label: string; proposed: number; becameTeams: number }[];

/** Editions over time: teams, people taking part, articles published. */
export function editionsChart(editions: EditionFigures[]): LineChart {
  const rows = [...editions].sort((a, b) => a.number - b.number);
  const series = (["people", "teams", "articles"] as const).map((key) => ({
    key,
    label: msg(`insights.editions.series.${key}`),
    points: rows.map((e) => ({ x: e.number, y: e[key] })),
  }));
  const latest = rows[rows.length - 1];
  const before = rows[rows.length - 2];
  return {
    title: msg("insights.editions.title"),
    description: !latest
      ? msg("insights.editions.empty")
      : msg("insights.editions.description", {
          editions: rows.length,
          slug: latest.slug,
          people: latest.people,
          teams: latest.teams,
          articles: latest.articles,
          compared: before ? "yes" : "no",
          before: before?.slug ?? "",
          beforePeople: before?.people ?? 0,
          beforeTeams: before?.teams ?? 0,
        }),
    series,
    xLabels: rows.map((e) => ({ x: e.number, label: e.slug })),
    axis: msg("insights.editions.axis"),
    numbers: {
      columns: [
        msg("insights.editions.columns.edition"),
        msg("insights.editions.columns.people"),
        msg("insights.editions.columns.teams"),
        msg("insights.editions.columns.articles"),
      ],
      rows: rows.map((e) => [e.slug, e.people, e.teams, e.articles]),
    },
  };
}

// The reports: what an edition (and every edition) counts, for the people who
// fund a hackathon. People "take part" in an edition when they proposed a
// topic, showed interest in one, or were in a team.

export type Participation = {
  people: number;
  /** taking part for the first time: in no earlier edition */
  firstTimers: number;
  /** also in the previous edition */
  returning: number;
  /** how many took part in the previous edition (null: there was none) */
  previousPeople: number | null;
  /** the share of the previous edition's people who came back (null: there was none, or it had nobody) */
  retention: number | null;
};

export function participation(current: ReadonlySet<string>, earlier: ReadonlySet<string>, previous: ReadonlySet<string> | null): Participation {
  const people = [...current];
  const returning = previous ? people.filter((id) => previous.has(id)).length : 0;
  return {
    people: people.length,
    firstTimers: people.filter((id) => !earlier.has(id)).length,
    returning,
    previousPeople: previous ? previous.size : null,
    retention: previous && previous.size > 0 ? returning / previous.size : null,
  };
}

/** Teams and their sizes: how many, the average, and how many teams of each size. */
export function teamSizes(sizes: number[]): { teams: number; average: number; histogram: { size: number; count: number }[] } {
  const counts = new Map<number, number>();
  for (const size of sizes) counts.set(size, (counts.get(size) ?? 0) + 1);
  return {
    teams: sizes.length,
    average: sizes.length ? round1(sizes.reduce((a, b) => a + b, 0) / sizes.length) : 0,
    histogram: [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([size, count]) => ({ size, count })),
  };
}

/** How evenly judges covered the teams: judgments per team at least, at most, on average, and teams never judged. */
export function coverage(perTeam: number[]): { min: number; max: number; average: number; unjudged: number } | null {
  if (perTeam.length === 0) return null;
  return {
    min: Math.min(...perTeam),
    max: Math.max(...perTeam),
    average: round1(perTeam.reduce((a, b) => a + b, 0) / perTeam.length),
    unjudged: perTeam.filter((n) => n === 0).length,
  };
}

export type EditionReport = {
  edition: { number: number; slug: string; title: string };
  participation: Participation;
  teams: ReturnType<typeof teamSizes>;
  topics: TopicFigures;
  vote: { ballots: number; people: number } | null;
  judging: { tracks: number; judgments: number; perTeam: { team: string; judgments: number }[] } | null;
  challenges: { title: string; kind: string; took: number; succeeded: number | null; teams: number }[];
  departments: { department: string; people: number }[];
  articles: number;
  /** what became of the projects, as their teams told it */
  outcomes: Record<OutcomeStatus, number>;
};

/** Outcomes counted by status, every status present. */
export function countOutcomes(statuses: string[]): Record<OutcomeStatus, number> {
  const counts = Object.fromEntries(OUTCOME_STATUSES.map((status) => [status, 0])) as Record<OutcomeStatus, number>;
  for (const status of statuses) if (status in counts) counts[status as OutcomeStatus]++;
  return counts;
}

/**
 * The sentence funders ask for: "9 of 41 projects of the last three editions
 * are in the product" (editions that are over, with teams; null when none).
 */
export function productSentence(editions: { projects: number; outcomes: Record<OutcomeStatus, number> }[], last = 3): string | null {
  const recent = editions.filter((e) => e.projects > 0).slice(-last);
  if (recent.length === 0) return null;
  const projects = recent.reduce((sum, e) => sum + e.projects, 0);
  const adopted = recent.reduce((sum, r) => sum + r.outcomes.ADOPTED, 0);
  const used = recent.reduce((sum, r) => sum + r.outcomes.INTERNAL_USE, 0);
  return msg("insights.product", { adopted, projects, editions: recent.length, used });
}

/** "63 %", or a dash when there is nothing to divide by. */
export const percent = (share: number | null) => (share === null ? "—" : msg("insights.percent", { percent: Math.round(share * 100) }));

/** The report as lines (section, measure, value): the CSV export, in the order of the page. */
export function reportLines(report: EditionReport): [string, string, string | number][] {
  const p = report.participation;
  const people = msg("insights.report.sections.people");
  const teams = msg("insights.report.sections.teams");
  const topics = msg("insights.report.sections.topics");
  const judging = msg("insights.report.sections.judging");
  const challenges = msg("insights.report.sections.challenges");
  const outcomes = msg("insights.report.sections.outcomes");
  const lines: [string, string, string | number][] = [
    [people, msg("insights.report.measures.takingPart"), p.people],
    [people, msg("insights.report.measures.firstTime"), p.firstTimers],
    [people, msg("insights.report.measures.alsoPrevious"), p.previousPeople === null ? "—" : p.returning],
    [people, msg("insights.report.measures.cameBack"), percent(p.retention)],
    [teams, msg("insights.report.measures.teams"), report.teams.teams],
    [teams, msg("insights.report.measures.averageSize"), report.teams.average],
    ...report.teams.histogram.map(({ size, count }): [string, string, number] => [teams, msg("insights.report.measures.teamsOfSize", { size }), count]),
    ...report.topics.flatMap(({ label, proposed, becameTeams }): [string, string, number][] => [
      [topics, msg("insights.report.measures.proposed", { kind: label }), proposed],
      [topics, msg("insights.report.measures.becameTeam", { kind: label }), becameTeams],
    ]),
    [msg("insights.report.sections.articles"), msg("insights.report.measures.published"), report.articles],
  ];
  if (report.vote) {
    const vote = msg("insights.report.sections.vote");
    lines.push(
      [vote, msg("insights.report.measures.ballots"), report.vote.ballots],
      [vote, msg("insights.report.measures.ballotsPerPerson"), report.vote.people ? round1(report.vote.ballots / report.vote.people) : "—"],
    );
  }
  if (report.judging) {
    const c = coverage(report.judging.perTeam.map((t) => t.judgments));
    lines.push(
      [judging, msg("insights.report.measures.tracks"), report.judging.tracks],
      [judging, msg("insights.report.measures.judgments"), report.judging.judgments],
    );
    if (c)
      lines.push(
        [judging, msg("insights.report.measures.fewestJudgments"), c.min],
        [judging, msg("insights.report.measures.mostJudgments"), c.max],
        [judging, msg("insights.report.measures.neverJudged"), c.unjudged],
      );
  }
  for (const c of report.challenges) {
    lines.push([
      challenges,
      msg("insights.report.measures.challengeTook", { challenge: c.title }),
      msg("insights.report.measures.took", { took: c.took, teams: c.teams }),
    ]);
    if (c.succeeded !== null) lines.push([challenges, msg("insights.report.measures.challengeSolved", { challenge: c.title }), c.succeeded]);
  }
  for (const d of report.departments) lines.push([msg("insights.report.sections.departments"), d.department, d.people]);
  for (const status of OUTCOME_STATUSES) lines.push([outcomes, msg(`labels.outcome.${status}`), report.outcomes[status]]);
  const told = OUTCOME_STATUSES.reduce((sum, status) => sum + report.outcomes[status], 0);
  lines.push([outcomes, msg("insights.report.measures.notTold"), Math.max(0, report.teams.teams - told)]);
  return lines;
}

/** Topics per kind in each edition, and how many of each became a team (the archive's, and the all-editions report's). */
export function topicKindsChart(reports: { edition: { number: number; slug: string }; topics: TopicFigures }[]): BarChart {
  const kinds = reports[0]?.topics.map((t) => ({ key: t.kind, label: t.label })) ?? [];
  const rows = [...reports].sort((a, b) => a.edition.number - b.edition.number);
  const total = (r: (typeof rows)[number]) => r.topics.reduce((sum, t) => sum + t.proposed, 0);
  const became = (r: (typeof rows)[number]) => r.topics.reduce((sum, t) => sum + t.becameTeams, 0);
  const busiest = [...rows].sort((a, b) => total(b) - total(a))[0];
  return {
    title: msg("insights.topicKinds.title"),
    description: !busiest
      ? msg("insights.topicKinds.empty")
      : msg("insights.topicKinds.description", {
          slug: busiest.edition.slug,
          topics: total(busiest),
          editions: rows.length,
          became: rows.reduce((s, r) => s + became(r), 0),
          total: rows.reduce((s, r) => s + total(r), 0),
        }),
    series: kinds,
    rows: rows.map((r) => ({
      label: r.edition.slug,
      note: msg("insights.topicKinds.note", { topics: total(r), became: became(r) }),
      values: r.topics.map((t) => t.proposed),
    })),
    numbers: {
      columns: [
        msg("insights.topicKinds.columns.edition"),
        ...kinds.flatMap((k) => [
          msg("insights.topicKinds.columns.proposed", { kind: k.label }),
          msg("insights.topicKinds.columns.becameTeam", { kind: k.label }),
        ]),
      ],
      rows: rows.map((r) => [r.edition.slug, ...r.topics.flatMap((t) => [t.proposed, t.becameTeams])]),
    },
  };
}

/** An edition's teams by size. */
export function teamSizesChart(report: Pick<EditionReport, "teams">): BarChart {
  const { histogram, teams, average } = report.teams;
  return {
    title: msg("insights.teamSizes.title"),
    description: teams === 0 ? msg("insights.teamSizes.empty") : msg("insights.teamSizes.description", { teams, average }),
    series: [{ key: "teams", label: msg("insights.teamSizes.series") }],
    rows: histogram.map(({ size, count }) => ({
      label: msg("insights.teamSizes.label", { size }),
      note: msg("insights.teamSizes.note", { count }),
      values: [count],
    })),
    numbers: {
      columns: [msg("insights.teamSizes.columns.size"), msg("insights.teamSizes.columns.teams")],
      rows: histogram.map(({ size, count }) => [size, count]),
    },
  };
}

/** Judgments per team: whether judges saw every team about as often. */
export function coverageChart(perTeam: { team: string; judgments: number }[]): BarChart {
  const rows = [...perTeam].sort((a, b) => a.judgments - b.judgments || a.team.localeCompare(b.team));
  const c = coverage(rows.map((r) => r.judgments));
  return {
    title: msg("insights.coverage.title"),
    description: !c
      ? msg("insights.coverage.empty")
      : msg("insights.coverage.description", { min: c.min, max: c.max, average: c.average, unjudged: c.unjudged }),
    series: [{ key: "judgments", label: msg("insights.coverage.series") }],
    rows: rows.map((r) => ({ label: r.team, note: msg("insights.coverage.note", { count: r.judgments }), values: [r.judgments] })),
    numbers: {
      columns: [msg("insights.coverage.columns.team"), msg("insights.coverage.columns.judgments")],
      rows: rows.map((r) => [r.team, r.judgments]),
    },
  };
}

/** People taking part by department, when the company's sign-in says it. */
export function departmentsChart(departments: EditionReport["departments"], people: number): BarChart {
  const known = departments.reduce((sum, d) => sum + d.people, 0);
  return {
    title: msg("insights.departments.title"),
    description: departments.length
      ? msg("insights.departments.description", { department: departments[0].department, most: departments[0].people, known, people })
      : msg("insights.departments.empty"),
    series: [{ key: "people", label: msg("insights.departments.series") }],
    rows: departments.map((d) => ({ label: d.department, note: msg("insights.departments.note", { people: d.people }), values: [d.people] })),
    numbers: {
      columns: [msg("insights.departments.columns.department"), msg("insights.departments.columns.people")],
      rows: departments.map((d) => [d.department, d.people]),
    },
  };
}

/**
 * Reports as CSV: a line per figure, the edition first (several editions follow each other), its words
 * said by `say` (the reader's language: app/_lib/translate.ts; this file can't hold the catalogs, the
 * browser imports it).
 */
export function reportCsv(reports: EditionReport[], say: (text: string) => string): string {
  const said = (field: string | number) => (typeof field === "string" ? say(field) : field);
  return (
    csvLine([msg("insights.csv.edition"), msg("insights.csv.section"), msg("insights.csv.measure"), msg("insights.csv.value")].map(say)) +
    reports.flatMap((report) => reportLines(report).map((line) => csvLine([report.edition.slug, ...line.map(said)]))).join("")
  );
}

export type BoardForChart = {
  challenges: { id: string; title: string }[];
  rows: { name: string; perChallenge: Record<string, number>; total: number; place: number }[];
};

/** The bonus leaderboard over the hackathon: each leading team's total after each mini-challenge, in order. */
export function leaderboardChart(board: BoardForChart, teams = 5): LineChart {
  const leaders = [...board.rows].sort((a, b) => a.place - b.place || a.name.localeCompare(b.name)).slice(0, teams);
  const running = (row: BoardForChart["rows"][number]) => {
    let total = 0;
    return board.challenges.map((c, i) => ({ x: i + 1, y: (total += row.perChallenge[c.id] ?? 0) }));
  };
  const [first, second] = leaders;
  const series = leaders.map((row, i) => ({ key: `team${i}`, label: row.name, points: running(row) }));
  return {
    title: msg("insights.leaderboard.title"),
    description: !first
      ? msg("insights.leaderboard.empty")
      : msg("insights.leaderboard.description", {
          teams: leaders.length,
          challenges: board.challenges.length,
          first: first.name,
          points: first.total,
          followed: second ? "yes" : "no",
          second: second?.name ?? "",
          secondPoints: second?.total ?? 0,
        }),
    series,
    xLabels: board.challenges.map((_, i) => ({ x: i + 1, label: String(i + 1) })),
    axis: msg("insights.leaderboard.axis"),
    numbers: {
      columns: [msg("insights.leaderboard.columns.team"), ...board.challenges.map((c, i) => `${i + 1}. ${c.title}`)],
      rows: series.map((s) => [s.label, ...s.points.map((p) => p.y)]),
    },
  };
}

/** Points drawn for a long match: a match of 3,000 rounds is read at about a hundred. */
const MATCH_POINTS = 100;

/**
 * A match's score over its rounds (or games): each bot's wins so far, with where the winner took the lead for good.
 * Drawn in the browser too (a replay): its words are "insights.match.…" alone, the messages a page sends there.
 */
export function matchScoreChart(names: [string, string], winners: (0 | 1 | null)[], noun: "round" | "game"): LineChart {
  const step = Math.max(1, Math.ceil(winners.length / MATCH_POINTS));
  const wins = [0, 0];
  const points: { x: number; a: number; b: number }[] = [{ x: 0, a: 0, b: 0 }];
  winners.forEach((w, i) => {
    if (w !== null) wins[w]++;
    if ((i + 1) % step === 0 || i === winners.length - 1) points.push({ x: i + 1, a: wins[0], b: wins[1] });
  });
  let lead = 0;
  let decided: number | null = null;
  winners.forEach((w, i) => {
    const before = Math.sign(lead);
    lead += w === 0 ? 1 : w === 1 ? -1 : 0;
    if (Math.sign(lead) !== before) decided = i + 1;
  });
  const leader = wins[0] === wins[1] ? null : wins[0] > wins[1] ? names[0] : names[1];
  return {
    title: msg(`insights.match.${noun}.title`),
    description: msg(`insights.match.${noun}.description`, {
      result: leader ? "won" : "draw",
      leader: leader ?? "",
      a: wins[0],
      b: wins[1],
      count: winners.length,
      led: leader && decided ? "yes" : "no",
      from: decided ?? 0,
    }),
    series: [
      { key: "a", label: names[0], points: points.map((p) => ({ x: p.x, y: p.a })) },
      { key: "b", label: names[1], points: points.map((p) => ({ x: p.x, y: p.b })) },
    ],
    // numbered: the axis counts rounds
    xLabels: [],
    axis: msg(`insights.match.${noun}.axis`),
    numbers: {
      columns: [msg(`insights.match.${noun}.after`), msg("insights.match.wins", { name: names[0] }), msg("insights.match.wins", { name: names[1] })],
      rows: points.slice(1).map((p) => [p.x, p.a, p.b]),
    },
  };
}
