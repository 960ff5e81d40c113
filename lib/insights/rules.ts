// What each chart shows, as plain data: the rows, a title, a description
// that says the main point in words (the chart's text alternative), and the
// numbers as a table (one click away under every chart). Components in
// components/charts draw them; these functions decide what they say, and the
// unit tests hold them to it. No database, no node modules.

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
  /** the x values' labels, e.g. edition numbers */
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
      : Array.from({ length: picks }, (_, i) => ({ key: `rank${i + 1}`, label: `Ranked ${ordinal(i + 1)}` }));
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

function ordinal(n: number): string {
  return ["1st", "2nd", "3rd"][n - 1] ?? `${n}th`;
}
