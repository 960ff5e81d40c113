// The data behind each chart: rows in the right order, parts that add up,
// a description that says the main point in words, and a numbers table that
// holds the same figures as the picture. Its words are lib/'s messages: said
// here in English (as a page says them), and in French where it matters.
import { describe, expect, it } from "vitest";
import { translate } from "@/lib/platform/i18n";
import type { Locale } from "@/lib/platform/locale";
import {
  ballotsChart,
  coverage,
  countOutcomes,
  coverageChart,
  leaderboardChart,
  matchScoreChart,
  productSentence,
  editionsChart,
  type EditionReport,
  headToHeadChart,
  participation,
  raceChart,
  ratingsChart,
  reportCsv,
  reportLines,
  resultsChart,
  teamSizes,
  topicKindsChart,
  type RankedTeam,
} from "@/lib/insights/rules";

/** Every text in `value` (a chart, a sentence, the report's lines) said in `locale`; numbers stay as they are. */
function said<T>(value: T, locale: Locale = "en"): T {
  if (typeof value === "string") return translate(value, locale) as T;
  if (Array.isArray(value)) return value.map((item) => said(item, locale)) as T;
  if (value instanceof Date || value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, said(item, locale)])) as T;
}
const english = (text: string) => translate(text, "en");
const french = (text: string) => translate(text, "fr");

const ranking: RankedTeam[] = [
  { name: "Outliers", place: 2, audiencePoints: 20, bonusPoints: 6, total: 26, placeCounts: [3, 4, 1] },
  { name: "Heatmappers", place: 1, audiencePoints: 25, bonusPoints: 4, total: 29, placeCounts: [5, 1, 2] },
  { name: "Forks", place: 3, audiencePoints: 9, bonusPoints: 0, total: 9, placeCounts: [0, 3, 5] },
];

describe("results", () => {
  it("ranks every team by place, audience and bonus apart, the parts adding up to the total", () => {
    const chart = said(resultsChart(ranking, { audience: 1, bonus: 1 }));
    expect(chart.rows.map((r) => r.label)).toEqual(["1. Heatmappers", "2. Outliers", "3. Forks"]);
    for (const [i, row] of chart.rows.entries()) expect(row.values[0] + row.values[1]).toBe(chart.numbers.rows[i][4]);
    expect(chart.description).toBe(
      "3 teams ranked. The first three: Heatmappers (29), Outliers (26) and Forks (9). Each bar is the audience's points and the mini-challenges' bonus, added up.",
    );
    expect(chart.numbers.rows[0]).toEqual([1, "Heatmappers", 25, 4, 29]);
    const inFrench = said(resultsChart(ranking, { audience: 1, bonus: 1 }), "fr");
    expect(inFrench.title).toBe("Points de chaque équipe");
    expect(inFrench.description).toContain("3 équipes classées. Les trois premières\u00a0: Heatmappers (29), Outliers (26) et Forks (9).");
  });

  it("weights the parts as the ranking did, and says so", () => {
    const weighted = ranking.map((t) => ({ ...t, total: t.audiencePoints * 2 + t.bonusPoints * 0.5 }));
    const chart = said(resultsChart(weighted, { audience: 2, bonus: 0.5 }));
    expect(chart.rows[0].values).toEqual([50, 2]);
    expect(chart.rows[0].note).toBe("52 pts");
    expect(chart.description).toContain("(audience × 2, bonus × 0.5)");
  });

  it("shows how the ballots placed each team, and who was ranked first most", () => {
    const chart = said(ballotsChart(ranking, 8, "RANKED"));
    expect(chart.series.map((s) => s.label)).toEqual(["Ranked 1st", "Ranked 2nd", "Ranked 3rd"]);
    expect(chart.rows[0]).toEqual({ label: "Heatmappers", note: "8 mentions", values: [5, 1, 2] });
    expect(chart.description).toBe("8 ballots. Heatmappers was ranked first on 5 ballots, more than any other team.");
    expect(chart.numbers.rows).toEqual([
      ["Heatmappers", 5, 1, 2],
      ["Outliers", 3, 4, 1],
      ["Forks", 0, 3, 5],
    ]);
    const approval = said(
      ballotsChart(
        ranking.map((t) => ({ ...t, placeCounts: [t.placeCounts[0]] })),
        8,
        "APPROVAL",
      ),
    );
    expect(approval.series).toEqual([{ key: "picked", label: "Picked" }]);
    expect(approval.description).toContain("was picked on 5 ballots");
    const inFrench = said(ballotsChart(ranking, 1, "RANKED"), "fr");
    expect(inFrench.series.map((s) => s.label)).toEqual(["Classée 1re", "Classée 2e", "Classée 3e"]);
    expect(inFrench.description).toBe("1 bulletin. Heatmappers a été classée première sur 5 bulletins, plus que toute autre équipe.");
    expect(inFrench.rows[2].note).toBe("8 mentions");
    expect(english(ballotsChart([], 0, "RANKED").description)).toBe("No ballot was cast.");
  });
});

describe("the tournament", () => {
  it("orders ratings by μ with μ ± σ as the range, and says whether the leader is clear", () => {
    const chart = said(
      ratingsChart(
        [
          { name: "B", rating: { mu: 24, sigma: 2 } },
          { name: "A", rating: { mu: 30, sigma: 1.5 } },
        ],
        12,
      ),
    );
    expect(chart.rows.map((r) => [r.label, r.low, r.value, r.high])).toEqual([
      ["A", 28.5, 30, 31.5],
      ["B", 22, 24, 26],
    ]);
    expect(chart.description).toContain("After 12 matches, A is rated highest (30 ± 1.5). Its range is clear of B's.");
    expect(chart.domain[0]).toBeLessThanOrEqual(22);
    expect(chart.domain[1]).toBeGreaterThanOrEqual(31.5);
    const close = said(
      ratingsChart(
        [
          { name: "A", rating: { mu: 25, sigma: 3 } },
          { name: "B", rating: { mu: 24, sigma: 3 } },
        ],
        2,
      ),
    );
    expect(close.description).toContain("overlaps B's: the order between them is not sure yet");
  });

  it("puts each pair's record in the grid, a win counting 1 and a draw ½, nothing on the diagonal", () => {
    const teams = [
      { teamId: "a", name: "A" },
      { teamId: "b", name: "B" },
      { teamId: "c", name: "C" },
    ];
    const chart = said(
      headToHeadChart(teams, [
        [null, { won: 2, drawn: 0, lost: 0 }, { won: 1, drawn: 1, lost: 0 }],
        [{ won: 0, drawn: 0, lost: 2 }, null, null],
        [{ won: 0, drawn: 1, lost: 1 }, null, null],
      ]),
    );
    expect(chart.cells[0][1]).toEqual({ share: 1, text: "2–0–0" });
    expect(chart.cells[0][2]).toEqual({ share: 0.75, text: "1–1–0" });
    expect(chart.cells[1][1]).toBeNull();
    expect(chart.numbers.rows[1]).toEqual(["B", "0–0–2", "—", "not played"]);
    expect(chart.description).toContain("A came out ahead against 2 teams, the most.");
  });
});

describe("the riddle race", () => {
  it("places each solve in minutes after the opening, first first", () => {
    const opens = new Date("2031-01-16T13:00:00Z");
    const solves = [
      { team: "Late", at: new Date("2031-01-16T13:09:06Z"), points: 3 },
      { team: "Quick", at: new Date("2031-01-16T13:03:12Z"), points: 10 },
    ];
    const chart = said(raceChart(opens, solves, 8));
    expect(chart.rows.map((r) => [r.label, r.value])).toEqual([
      ["1. Quick", 3.2],
      ["2. Late", 9.1],
    ]);
    expect(chart.domain).toEqual([0, 10]);
    expect(chart.description).toBe("2 teams of 8 solved it. Quick was first, 3.2 minutes after it opened; the last, 9.1 minutes after.");
    expect(chart.numbers.rows).toEqual([
      [1, "Quick", 3.2, 10],
      [2, "Late", 9.1, 3],
    ]);
    expect(english(raceChart(opens, [], 8).description)).toBe("No team has solved it yet.");
    // in French, decimals with a comma, and the typography's no-break space before a semicolon
    const inFrench = said(raceChart(opens, solves, 8), "fr");
    expect(inFrench.title).toBe("La course");
    expect(inFrench.description).toBe(
      "2 équipes sur 8 l’ont résolue. Quick a été la première, 3,2 minutes après l’ouverture\u00a0; la dernière, 9,1 minutes après.",
    );
    expect(inFrench.rows[1].note).toBe("9,1 min · 3 points");
  });
});

describe("the archive", () => {
  it("draws editions in order, a line per figure, and compares the latest with the one before", () => {
    const editions = [
      { number: 9, slug: "0x09", teams: 8, people: 37, articles: 1 },
      { number: 8, slug: "0x08", teams: 4, people: 29, articles: 3 },
    ];
    const chart = said(editionsChart(editions));
    expect(chart.xLabels).toEqual([
      { x: 8, label: "0x08" },
      { x: 9, label: "0x09" },
    ]);
    expect(chart.series.find((s) => s.key === "people")?.points).toEqual([
      { x: 8, y: 29 },
      { x: 9, y: 37 },
    ]);
    expect(chart.description).toBe("2 editions. The latest, 0x09, had 37 people in 8 teams and 1 article (0x08: 29 people, 4 teams).");
    expect(chart.numbers.rows).toEqual([
      ["0x08", 29, 4, 3],
      ["0x09", 37, 8, 1],
    ]);
    // in French: the title, and a description whose plurals agree (1 article, 29 personnes)
    const inFrench = said(editionsChart(editions), "fr");
    expect(inFrench.title).toBe("Les éditions au fil du temps");
    expect(inFrench.description).toBe(
      "2 éditions. La dernière, 0x09, a réuni 37 personnes dans 8 équipes et publié 1 article (0x08\u00a0: 29 personnes, 4 équipes).",
    );
    expect(inFrench.series.map((s) => s.label)).toEqual(["Personnes participantes", "Équipes", "Articles"]);
  });
});

describe("the reports", () => {
  it("counts first-timers against every earlier edition and returners against the previous one", () => {
    const earlier = new Set(["ann", "bob", "cid"]);
    const previous = new Set(["bob", "cid", "dan"]);
    expect(participation(new Set(["ann", "bob", "eve", "fay"]), earlier, previous)).toEqual({
      people: 4,
      firstTimers: 2,
      returning: 1,
      previousPeople: 3,
      retention: 1 / 3,
    });
    expect(participation(new Set(["ann"]), new Set(), null)).toEqual({ people: 1, firstTimers: 1, returning: 0, previousPeople: null, retention: null });
  });

  it("sizes teams, and tells how evenly judges covered them", () => {
    expect(teamSizes([3, 4, 3, 5])).toEqual({
      teams: 4,
      average: 3.8,
      histogram: [
        { size: 3, count: 2 },
        { size: 4, count: 1 },
        { size: 5, count: 1 },
      ],
    });
    expect(coverage([4, 0, 6])).toEqual({ min: 0, max: 6, average: 3.3, unjudged: 1 });
    expect(coverage([])).toBeNull();
  });

  it("writes every figure as a CSV line, formulas neutralized", () => {
    const report: EditionReport = {
      edition: { number: 9, slug: "0x09", title: "Nine" },
      participation: { people: 10, firstTimers: 4, returning: 5, previousPeople: 8, retention: 0.625 },
      teams: teamSizes([3, 4]),
      topics: [{ kind: "FUN", label: "Fun", proposed: 5, becameTeams: 2 }],
      vote: { ballots: 25, people: 10 },
      judging: { tracks: 1, judgments: 9, perTeam: [{ team: "=cmd", judgments: 9 }] },
      challenges: [{ title: "=Riddle", kind: "RIDDLE", took: 2, succeeded: 1, teams: 2 }],
      departments: [{ department: "Payments", people: 6 }],
      articles: 2,
      outcomes: countOutcomes(["ADOPTED", "STOPPED", "SOMETHING ELSE"]),
    };
    const csv = reportCsv([report], english);
    expect(csv.split("\r\n")[0]).toBe("Edition,Section,Measure,Value");
    expect(csv).toContain("0x09,People,Came back from the previous edition,63 %\r\n");
    expect(csv).toContain("0x09,Topics,Fun: became a team,2\r\n");
    expect(csv).toContain("0x09,Vote,Ballots per person taking part,2.5\r\n");
    expect(csv).toContain(`0x09,Mini-challenges,"'=Riddle: teams taking part",2 of 2\r\n`);
    expect(csv).toContain("0x09,Departments,Payments,6\r\n");
    expect(csv).toContain("0x09,What happened next,Adopted into the product,1\r\n");
    expect(csv).toContain("0x09,What happened next,Not told,0\r\n");
    expect(said(reportLines(report))).toContainEqual(["Judging", "Teams never judged", 0]);
    expect(coverageChart(report.judging!.perTeam).numbers.rows).toEqual([["=cmd", 9]]);
    // in the reader's language: the header and the words, people's words (a challenge's title) as they are
    const inFrench = reportCsv([report], french);
    expect(inFrench.split("\r\n")[0]).toBe("Édition,Section,Mesure,Valeur");
    expect(inFrench).toContain("0x09,Personnes,De retour de l’édition précédente,63\u00a0%\r\n");
    expect(inFrench).toContain(`0x09,Mini-défis,"'=Riddle\u00a0: équipes participantes",2 sur 2\r\n`);
    expect(inFrench).toContain("0x09,Ce que sont devenus les projets,Intégré au produit,1\r\n");
  });

  it("stacks each edition's topics by kind and says how many became teams", () => {
    const chart = said(
      topicKindsChart([
        { edition: { number: 8, slug: "0x08" }, topics: [{ kind: "FUN", label: "Fun", proposed: 4, becameTeams: 1 }] },
        { edition: { number: 7, slug: "0x07" }, topics: [{ kind: "FUN", label: "Fun", proposed: 6, becameTeams: 3 }] },
      ]),
    );
    expect(chart.rows.map((r) => [r.label, r.values])).toEqual([
      ["0x07", [6]],
      ["0x08", [4]],
    ]);
    expect(chart.description).toBe("0x07 had the most topics (6). Across 2 editions, 4 of 10 topics became a team.");
  });
});

describe("what happened next", () => {
  it("says how many projects of the last three editions are in the product", () => {
    const edition = (projects: number, adopted: string[]) => ({ projects, outcomes: countOutcomes(adopted) });
    const sentence = (editions: Parameters<typeof productSentence>[0]) => {
      const text = productSentence(editions);
      return text === null ? null : english(text);
    };
    expect(
      sentence([
        edition(10, ["ADOPTED"]),
        edition(12, ["ADOPTED", "ADOPTED", "INTERNAL_USE"]),
        edition(0, []),
        edition(14, ["ADOPTED", "STOPPED"]),
        edition(15, ["ADOPTED"]),
      ]),
    ).toBe("4 of 41 projects of the last three editions are in the product, and 1 in internal use.");
    expect(sentence([edition(5, ["ADOPTED"])])).toBe("1 of 5 projects of the last edition is in the product.");
    expect(sentence([edition(0, [])])).toBeNull();
    expect(french(productSentence([edition(12, ["ADOPTED", "ADOPTED", "INTERNAL_USE"]), edition(5, ["ADOPTED"])])!)).toBe(
      "3 projets sur 17 des deux dernières éditions sont intégrés au produit, et 1 est utilisé en interne.",
    );
  });
});

describe("the leaderboard over the hackathon", () => {
  it("adds up each leading team's points challenge after challenge", () => {
    const chart = said(
      leaderboardChart(
        {
          challenges: [
            { id: "r", title: "Riddle" },
            { id: "t", title: "Tournament" },
          ],
          rows: [
            { name: "B", perChallenge: { r: 3 }, total: 3, place: 2 },
            { name: "A", perChallenge: { r: 10, t: 5 }, total: 15, place: 1 },
          ],
        },
        5,
      ),
    );
    expect(chart.series.map((s) => [s.label, s.points.map((p) => p.y)])).toEqual([
      ["A", [10, 15]],
      ["B", [3, 3]],
    ]);
    expect(chart.numbers.columns).toEqual(["Team", "1. Riddle", "2. Tournament"]);
    expect(chart.description).toBe("The first 2 teams' bonus points after each of the 2 mini-challenges. A leads with 15 points, B follows with 3.");
  });
});

describe("a match's score", () => {
  it("counts each bot's wins over the rounds, read at about a hundred points, and says when the winner led for good", () => {
    const winners: (0 | 1 | null)[] = [1, 1, null, 0, 0, 0];
    const chart = said(matchScoreChart(["Ann", "Bob"], winners, "round"));
    expect(chart.series.map((s) => s.points.map((p) => p.y))).toEqual([
      [0, 0, 0, 0, 1, 2, 3],
      [0, 1, 2, 2, 2, 2, 2],
    ]);
    expect(chart.description).toBe("Ann won, 3–2 over 6 rounds; it led for good from round 6.");
    expect(chart.title).toBe("The score over the rounds");
    expect(chart.numbers.columns).toEqual(["After round", "Ann: wins", "Bob: wins"]);
    expect(french(matchScoreChart(["Ann", "Bob"], winners, "game").description)).toBe(
      "Ann a gagné, 3–2 en 6 parties\u00a0; en tête pour de bon à partir de la partie 6.",
    );
    const long = said(
      matchScoreChart(
        ["A", "B"],
        Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? 0 : i % 3 === 1 ? 1 : null)),
        "round",
      ),
    );
    expect(long.series[0].points.length).toBeLessThanOrEqual(101);
    expect(long.series[0].points.at(-1)).toEqual({ x: 3000, y: 1000 });
    expect(long.numbers.rows.at(-1)).toEqual([3000, 1000, 1000]);
    expect(long.description).toBe("A draw, 1000–1000 over 3000 rounds.");
  });
});
