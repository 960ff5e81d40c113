// The pictures, in the browser: each chart is an image named by its title and
// described in words, its numbers table (one click away) holds what the bars
// show, row for row, and the page stays accessible. The demo's finished
// editions have revealed results, a solved riddle and three editions to draw.
import { expect, test, type Locator, type Page } from "./test";
import { expectAccessible, signIn } from "./helpers";

/** The chart's figure, its SVG image found by the accessible name and description it gives. */
async function chart(page: Page, id: string, title: string) {
  const figure = page.locator(`figure[data-chart="${id}"]`);
  const image = figure.getByRole("img", { name: title, exact: true });
  await expect(image).toBeVisible();
  const description = await figure.locator("figcaption span").nth(1).textContent();
  await expect(image).toHaveAccessibleDescription(description!);
  return figure;
}

/** The numbers table's rows, opened with one click. */
async function numbers(figure: Locator): Promise<string[][]> {
  await figure.getByText("The numbers").click();
  const table = figure.getByRole("table", { name: (await figure.locator("figcaption span").first().textContent()) ?? "" });
  await expect(table).toBeVisible();
  return table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent!.trim())));
}

/** The labels drawn in the SVG, in order: a row's name, then its figure. */
const drawnTexts = (figure: Locator) => figure.locator("svg text").allTextContents();

test("the results: every team's points and the ballots, as pictures whose numbers match", async ({ page }) => {
  await page.goto("/editions/0x08");
  const points = await chart(page, "results-points", "Points of every team");
  const table = await numbers(points);
  expect(table.length).toBeGreaterThanOrEqual(3);
  const drawn = await drawnTexts(points);
  // each row drawn as "<place>. <team>" and "<total> pts", in the table's order
  expect(drawn).toEqual(table.flatMap(([place, team, , , total]) => [`${place}. ${team}`, `${total} pts`]));
  await expect(points.getByRole("list", { name: "Legend" })).toContainText("Audience vote");

  const ballots = await chart(page, "results-ballots", "How the ballots placed each team");
  const counts = await numbers(ballots);
  expect((await drawnTexts(ballots)).filter((_, i) => i % 2 === 0)).toEqual(counts.map(([team]) => team));
  // the description names the team ranked first most often: the table agrees
  const mostFirst = [...counts].sort((a, b) => Number(b[1]) - Number(a[1]))[0];
  await expect(ballots.locator("figcaption")).toContainText(`${mostFirst[0]} was ranked first on ${mostFirst[1]} ballots`);
  await expectAccessible(page);
});

test("the riddle race and the editions over time", async ({ page }) => {
  await page.goto("/editions/0x09/challenges");
  const links = await page.locator('a[href^="/editions/0x09/challenges/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  let found = false;
  for (const href of [...new Set(links)]) {
    await page.goto(href);
    if ((await page.locator('figure[data-chart="riddle-race"]').count()) === 0) continue;
    found = true;
    const race = await chart(page, "riddle-race", "The race");
    const table = await numbers(race);
    const drawn = await drawnTexts(race);
    // the rows' labels and notes come first, then the axis
    expect(drawn.slice(0, table.length * 2)).toEqual(
      table.flatMap(([place, team, minutes, points]) => [`${place}. ${team}`, `${minutes} min · ${points} ${points === "1" ? "point" : "points"}`]),
    );
    const minutes = table.map(([, , m]) => Number(m));
    expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
    await expectAccessible(page);
    break;
  }
  expect(found, "a solved riddle in the demo").toBe(true);

  // the bonus leaderboard over the hackathon: each line ends at the team's total in the table above it
  await page.goto("/editions/0x09/leaderboard");
  const board = await chart(page, "leaderboard-over-time", "Totals over the hackathon");
  const totals = await numbers(board);
  expect(totals.length).toBeGreaterThan(0);
  for (const row of totals) await expect(page.getByTestId(`total-${row[0]}`)).toHaveText(row[row.length - 1]);

  await page.goto("/editions");
  const editions = await chart(page, "editions-over-time", "Editions over time");
  const rows = await numbers(editions);
  expect(rows.map(([slug]) => slug)).toEqual([...rows.map(([slug]) => slug)].sort());
  expect(rows.length).toBeGreaterThanOrEqual(2);
  await expect(editions.locator("figcaption")).toContainText(`The latest, ${rows[rows.length - 1][0]}, had ${rows[rows.length - 1][1]} people`);
  await expectAccessible(page);
});

test("an edition's report and all editions': figures, pictures, the CSV holds what the page says; organizers only", async ({ browser }) => {
  const organizer = await (await browser.newContext()).newPage();
  await signIn(organizer, "organizer@demo.test");
  await organizer.goto("/editions/0x08");
  await organizer.getByRole("link", { name: "Report", exact: true }).click();
  await expect(organizer.getByRole("heading", { level: 1 })).toHaveText(/^Report of 0x08/);
  const figures = organizer.getByRole("region", { name: "Key figures" });
  await expect(figures).toContainText("People taking part");
  await chart(organizer, "report-team-sizes", "Teams by size");
  await expectAccessible(organizer);

  // the CSV's lines are the page's "Every figure" table, in order
  const lines = await organizer
    .getByRole("table", { name: "Every figure of the report, by section" })
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent!.trim())));
  const csv = await organizer.request.get("/api/editions/0x08/report.csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const rows = (await csv.text())
    .trim()
    .split("\r\n")
    .slice(1)
    .map((line) => line.split(","));
  expect(rows.map(([edition, section, measure, value]) => [edition, section, measure, value])).toEqual(lines.map((line) => ["0x08", ...line]));

  await organizer.getByRole("link", { name: "All editions" }).click();
  await expect(organizer.getByRole("heading", { level: 1 })).toHaveText("All editions: report");
  const table = organizer.getByRole("table", { name: "Every edition’s figures, oldest first" });
  // the demo's three editions at least (other walks may have opened more), oldest first, as the CSV has them
  const slugs = await table.locator("tbody tr th").allTextContents();
  expect(slugs.length).toBeGreaterThanOrEqual(3);
  expect(slugs).toEqual([...slugs].sort());
  const all = (await (await organizer.request.get("/api/editions/report.csv")).text()).trim().split("\r\n").slice(1);
  expect([...new Set(all.map((line) => line.split(",")[0]))]).toEqual(slugs);
  await chart(organizer, "report-topic-kinds", "Topics of each kind, per edition");
  await expectAccessible(organizer);

  const alice = await (await browser.newContext()).newPage();
  await signIn(alice, "alice@demo.test");
  await alice.goto("/editions/0x08/report");
  await expect(alice.getByRole("main")).toContainText(/organizers/i);
  expect((await alice.request.get("/api/editions/0x08/report.csv")).status()).toBe(403);
  await alice.goto("/editions/report");
  await expect(alice.getByRole("main")).toContainText("Only organizers see the reports.");
});
