// What each chart shows, as plain data: the rows, a title, a description
// that says the main point in words (the chart's text alternative), and the
// numbers as a table (one click away under every chart). Components in
// components/charts draw them; these functions decide what they say, and the
// unit tests hold them to it. No database, no node modules.
import { csvLine } from "../platform/csv";
import { OUTCOME_LABELS, OUTCOME_STATUSES, type OutcomeStatus } from "../teams/rules";
import { placeLabel } from "../votes/rules";

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

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const round1 = (n: number) => Math.round(n * 10) / 10;
const listed = (items: string[]) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`);

export type RankedTeam = { name: string; place: number; audiencePoints: number; bonusPoints: number; total: number; placeCounts: number[] };
export type Weights = { audience: number; bonus: number };

/** The final ranking: each team's total, audience and bonus apart (weighted, so the parts add up to the total). */
export function resultsChart(ranking: RankedTeam[], weights: Weights): BarChart {
  const rows = [...ranking].sort((a, b) => a.place - b.place);
  const weighted = weights.audience !== 1 || weights.bonus !== 1;
  const top = rows.slice(0, 3).map((t) => `${t.name} (${round1(t.total)})`);
  return {
    title: "Points of every team",
    description:
      rows.length === 0
        ? "No team was ranked."
        : `${plural(rows.length, "team")} ranked. The first three: ${listed(top)}. Each bar is the audience's points and the mini-challenges' bonus, added up${
            weighted ? ` (audience × ${weights.audience}, bonus × ${weights.bonus})` : ""
          }.`,
    series: [
      { key: "audience", label: "Audience vote" },
      { key: "bonus", label: "Mini-challenge bonus" },
    ],
    rows: rows.map((t) => ({
      label: `${t.place}. ${t.name}`,
      note: `${round1(t.total)} pts`,
      values: [t.audiencePoints * weights.audience, t.bonusPoints * weights.bonus],
    })),
    numbers: {
      columns: ["Place", "Team", "Audience points", "Bonus points", "Total"],
      rows: rows.map((t) => [t.place, t.name, t.audiencePoints, t.bonusPoints, round1(t.total)]),
    },
  };
}

/** How the ballots placed each team: how many ranked it first, second, third (or picked it, in an approval vote). */
export function ballotsChart(ranking: RankedTeam[], ballots: number, method: "RANKED" | "APPROVAL"): BarChart {
  const picks = Math.max(1, ...ranking.map((t) => t.placeCounts.length));
  const series =
    method === "APPROVAL"
      ? [{ key: "picked", label: "Picked" }]
      : Array.from({ length: picks }, (_, i) => ({ key: `rank${i + 1}`, label: `Ranked ${placeLabel(i + 1, false)}` }));
  const rows = [...ranking].sort((a, b) => a.place - b.place);
  const favourite = [...rows].sort((a, b) => (b.placeCounts[0] ?? 0) - (a.placeCounts[0] ?? 0))[0];
  const counted = (t: RankedTeam) => series.map((_, i) => t.placeCounts[i] ?? 0);
  return {
    title: "How the ballots placed each team",
    description:
      ballots === 0 || !favourite
        ? "No ballot was cast."
        : `${plural(ballots, "ballot")}. ${favourite.name} was ${method === "APPROVAL" ? "picked" : "ranked first"} on ${plural(favourite.placeCounts[0] ?? 0, "ballot")}, more than any other team.`,
    series,
    rows: rows.map((t) => ({
      label: t.name,
      note: plural(
        counted(t).reduce((a, b) => a + b, 0),
        "mention",
      ),
      values: counted(t),
    })),
    numbers: { columns: ["Team", ...series.map((s) => s.label)], rows: rows.map((t) => [t.name, ...counted(t)]) },
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
    title: "Ratings and how sure they are",
    description: !first
      ? "No team has played yet."
      : `After ${plural(matches, "match", "matches")}, ${first.name} is rated highest (${round1(first.rating.mu)} ± ${round1(first.rating.sigma)}).${
          second ? (clear ? ` Its range is clear of ${second.name}'s.` : ` Its range overlaps ${second.name}'s: the order between them is not sure yet.`) : ""
        } The shorter a team's bar, the surer its rating.`,
    rows: rows.map((t) => ({
      label: t.name,
      note: `${round1(t.rating.mu)} ± ${round1(t.rating.sigma)}`,
      value: t.rating.mu,
      low: t.rating.mu - t.rating.sigma,
      high: t.rating.mu + t.rating.sigma,
    })),
    domain: [Math.floor(low), Math.ceil(high)],
    axis: "Rating (μ ± σ)",
    numbers: {
      columns: ["Team", "Rating (μ)", "Uncertainty (σ)", "Low (μ − σ)", "High (μ + σ)"],
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
    title: "Head to head",
    description: !dominant
      ? "No match was played."
      : `Each cell is the row team's record against the column team (won–drawn–lost); the darker, the more it won. ${dominant.name} came out ahead against ${plural(dominant.beaten, "team")}, the most.`,
    labels,
    cells,
    numbers: {
      columns: ["Team", ...labels.map((name) => `against ${name}`)],
      rows: labels.map((name, i) => [name, ...cells[i].map((c, j) => (i === j ? "—" : (c?.text ?? "not played")))]),
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
    title: "The race",
    description: !first
      ? "No team has solved it yet."
      : `${plural(rows.length, "team")} of ${teams} solved it. ${first.team} was first, ${plural(minutes(first.at), "minute")} after it opened${
          rows.length > 1 ? `; the last, ${plural(last, "minute")} after` : ""
        }.`,
    rows: rows.map((s, i) => ({
      label: `${i + 1}. ${s.team}`,
      note: `${minutes(s.at)} min · ${plural(s.points, "point")}`,
      value: minutes(s.at),
      low: 0,
      high: minutes(s.at),
    })),
    domain: [0, Math.max(1, Math.ceil(last))],
    axis: "Minutes after it opened",
    numbers: {
      columns: ["Place", "Team", "Minutes after the opening", "Points"],
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
    label: { people: "People taking part", teams: "Teams", articles: "Articles" }[key],
    points: rows.map((e) => ({ x: e.number, y: e[key] })),
  }));
  const latest = rows[rows.length - 1];
  const before = rows[rows.length - 2];
  return {
    title: "Editions over time",
    description: !latest
      ? "No edition yet."
      : `${plural(rows.length, "edition")}. The latest, ${latest.slug}, had ${plural(latest.people, "person", "people")} in ${plural(latest.teams, "team")} and ${plural(latest.articles, "article")}${
          before ? ` (${before.slug}: ${plural(before.people, "person", "people")}, ${plural(before.teams, "team")})` : ""
        }.`,
    series,
    xLabels: rows.map((e) => ({ x: e.number, label: e.slug })),
    axis: "Edition",
    numbers: { columns: ["Edition", "People taking part", "Teams", "Articles"], rows: rows.map((e) => [e.slug, e.people, e.teams, e.articles]) },
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
  const which = recent.length === 1 ? "the last edition" : `the last ${["", "", "two", "three", "four", "five"][recent.length] ?? recent.length} editions`;
  return `${adopted} of ${plural(projects, "project")} of ${which} ${adopted === 1 ? "is" : "are"} in the product${used ? `, and ${used} in internal use` : ""}.`;
}

/** "63 %", or a dash when there is nothing to divide by. */
export const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)} %`);

/** The report as lines (section, measure, value): the CSV export, in the order of the page. */
export function reportLines(report: EditionReport): [string, string, string | number][] {
  const p = report.participation;
  const lines: [string, string, string | number][] = [
    ["People", "Taking part", p.people],
    ["People", "First time", p.firstTimers],
    ["People", "Also in the previous edition", p.previousPeople === null ? "—" : p.returning],
    ["People", "Came back from the previous edition", percent(p.retention)],
    ["Teams", "Teams", report.teams.teams],
    ["Teams", "Average size", report.teams.average],
    ...report.teams.histogram.map(({ size, count }): [string, string, number] => ["Teams", `Teams of ${plural(size, "person", "people")}`, count]),
    ...report.topics.flatMap(({ label, proposed, becameTeams }): [string, string, number][] => [
      ["Topics", `${label}: proposed`, proposed],
      ["Topics", `${label}: became a team`, becameTeams],
    ]),
    ["Articles", "Published", report.articles],
  ];
  if (report.vote) {
    lines.push(
      ["Vote", "Ballots cast", report.vote.ballots],
      ["Vote", "Ballots per person taking part", report.vote.people ? round1(report.vote.ballots / report.vote.people) : "—"],
    );
  }
  if (report.judging) {
    const c = coverage(report.judging.perTeam.map((t) => t.judgments));
    lines.push(["Judging", "Tracks", report.judging.tracks], ["Judging", "Judgments", report.judging.judgments]);
    if (c)
      lines.push(
        ["Judging", "Judgments per team (fewest)", c.min],
        ["Judging", "Judgments per team (most)", c.max],
        ["Judging", "Teams never judged", c.unjudged],
      );
  }
  for (const c of report.challenges) {
    lines.push(["Mini-challenges", `${c.title}: teams taking part`, `${c.took} of ${c.teams}`]);
    if (c.succeeded !== null) lines.push(["Mini-challenges", `${c.title}: teams that solved it`, c.succeeded]);
  }
  for (const d of report.departments) lines.push(["Departments", d.department, d.people]);
  for (const status of OUTCOME_STATUSES) lines.push(["What happened next", OUTCOME_LABELS[status], report.outcomes[status]]);
  const told = OUTCOME_STATUSES.reduce((sum, status) => sum + report.outcomes[status], 0);
  lines.push(["What happened next", "Not told", Math.max(0, report.teams.teams - told)]);
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
    title: "Topics of each kind, per edition",
    description: !busiest
      ? "No edition yet."
      : `${busiest.edition.slug} had the most topics (${total(busiest)}). Across ${plural(rows.length, "edition")}, ${rows.reduce((s, r) => s + became(r), 0)} of ${rows.reduce((s, r) => s + total(r), 0)} topics became a team.`,
    series: kinds,
    rows: rows.map((r) => ({
      label: r.edition.slug,
      note: `${plural(total(r), "topic")}, ${became(r)} became teams`,
      values: r.topics.map((t) => t.proposed),
    })),
    numbers: {
      columns: ["Edition", ...kinds.flatMap((k) => [`${k.label}: proposed`, `${k.label}: became a team`])],
      rows: rows.map((r) => [r.edition.slug, ...r.topics.flatMap((t) => [t.proposed, t.becameTeams])]),
    },
  };
}

/** An edition's teams by size. */
export function teamSizesChart(report: Pick<EditionReport, "teams">): BarChart {
  const { histogram, teams, average } = report.teams;
  return {
    title: "Teams by size",
    description: teams === 0 ? "No team was formed." : `${plural(teams, "team")}, ${average} people on average.`,
    series: [{ key: "teams", label: "Teams" }],
    rows: histogram.map(({ size, count }) => ({ label: plural(size, "person", "people"), note: plural(count, "team"), values: [count] })),
    numbers: { columns: ["Size", "Teams"], rows: histogram.map(({ size, count }) => [size, count]) },
  };
}

/** Judgments per team: whether judges saw every team about as often. */
export function coverageChart(perTeam: { team: string; judgments: number }[]): BarChart {
  const rows = [...perTeam].sort((a, b) => a.judgments - b.judgments || a.team.localeCompare(b.team));
  const c = coverage(rows.map((r) => r.judgments));
  return {
    title: "Judgments per team",
    description: !c
      ? "No team to judge."
      : `From ${c.min} to ${c.max} judgments per team, ${c.average} on average${c.unjudged ? `; ${plural(c.unjudged, "team")} never judged` : ""}.`,
    series: [{ key: "judgments", label: "Judgments" }],
    rows: rows.map((r) => ({ label: r.team, note: plural(r.judgments, "judgment"), values: [r.judgments] })),
    numbers: { columns: ["Team", "Judgments"], rows: rows.map((r) => [r.team, r.judgments]) },
  };
}

/** People taking part by department, when the company's sign-in says it. */
export function departmentsChart(departments: EditionReport["departments"], people: number): BarChart {
  const known = departments.reduce((sum, d) => sum + d.people, 0);
  return {
    title: "People by department",
    description: departments.length
      ? `${departments[0].department} had the most people taking part (${departments[0].people}). The department is known for ${known} of ${people}.`
      : "No department is known.",
    series: [{ key: "people", label: "People" }],
    rows: departments.map((d) => ({ label: d.department, note: plural(d.people, "person", "people"), values: [d.people] })),
    numbers: { columns: ["Department", "People"], rows: departments.map((d) => [d.department, d.people]) },
  };
}

/** Reports as CSV: a line per figure, the edition first (several editions follow each other). */
export function reportCsv(reports: EditionReport[]): string {
  return (
    csvLine(["Edition", "Section", "Measure", "Value"]) +
    reports.flatMap((report) => reportLines(report).map((line) => csvLine([report.edition.slug, ...line]))).join("")
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
    title: "Totals over the hackathon",
    description: !first
      ? "No team yet."
      : `The ${leaders.length === 1 ? "team's" : `first ${leaders.length} teams'`} bonus points after each of the ${plural(board.challenges.length, "mini-challenge")}. ${first.name} leads with ${plural(first.total, "point")}${second ? `, ${second.name} follows with ${second.total}` : ""}.`,
    series,
    xLabels: board.challenges.map((_, i) => ({ x: i + 1, label: String(i + 1) })),
    axis: "After mini-challenge no.",
    numbers: {
      columns: ["Team", ...board.challenges.map((c, i) => `${i + 1}. ${c.title}`)],
      rows: series.map((s) => [s.label, ...s.points.map((p) => p.y)]),
    },
  };
}

/** Points drawn for a long match: a match of 3,000 rounds is read at about a hundred. */
const MATCH_POINTS = 100;

/** A match's score over its rounds (or games): each bot's wins so far, with where the winner took the lead for good. */
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
    title: `The score over the ${noun}s`,
    description: `${leader ? `${leader} won` : "A draw"}, ${wins[0]}–${wins[1]} over ${plural(winners.length, noun)}${
      leader && decided ? `; it led for good from ${noun} ${decided}` : ""
    }.`,
    series: [
      { key: "a", label: names[0], points: points.map((p) => ({ x: p.x, y: p.a })) },
      { key: "b", label: names[1], points: points.map((p) => ({ x: p.x, y: p.b })) },
    ],
    // numbered: the axis counts rounds
    xLabels: [],
    axis: `${noun[0].toUpperCase()}${noun.slice(1)}s played`,
    numbers: { columns: [`After ${noun}`, `${names[0]}: wins`, `${names[1]}: wins`], rows: points.slice(1).map((p) => [p.x, p.a, p.b]) },
  };
}
