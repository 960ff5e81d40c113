// Axe scans of the main pages, signed out and signed in. The phone project
// runs this file too: the public pages are scanned on both, a reader's and an
// employee's pages on the phone they use, an organizer's on the laptop.
import { expect, onlyOn, test } from "./test";
import { expectAccessible, signIn } from "./helpers";

const PUBLIC_PAGES = [
  "/",
  "/editions/0x09/live",
  "/signin",
  "/signup",
  "/editions",
  "/editions/0x09",
  "/editions/0x09/topics",
  "/editions/0x09/teams",
  "/articles",
  "/articles?q=benchmark",
  "/no-such-page",
];
const SIGNED_IN_PAGES = ["/editions/0x09", "/editions/0x09/topics?sort=recent", "/editions/0x09/teams", "/editions/0x08", "/editions/0x08/judging", "/write"];

test("public pages have no serious accessibility violations", async ({ page }) => {
  for (const path of PUBLIC_PAGES) {
    await page.goto(path);
    await expectAccessible(page);
  }
  // an article of the demo's, opened from the list
  await page.goto("/articles");
  await page.getByRole("main").getByRole("heading", { level: 2 }).getByRole("link").first().click();
  await expect(page.getByTestId("article")).toBeVisible();
  await expectAccessible(page);
});

test("the public pages read well in the dark theme too, chosen by the system or by hand", async ({ page }) => {
  onlyOn("phone", "readers choose the dark theme on their phones; the laptop's pages are the same");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/articles");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expectAccessible(page);
  await page.getByRole("main").getByRole("heading", { level: 2 }).getByRole("link").first().click();
  await expect(page.getByTestId("article")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/editions/0x08");
  await expectAccessible(page);
  // the reader's own choice wins over the system's, and is remembered
  await page.getByLabel("Theme").selectOption("light");
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", "dark");
  await expectAccessible(page);
});

test("an employee's pages have no serious accessibility violations", async ({ page }) => {
  onlyOn("phone", "employees follow the event on their phones");
  await signIn(page, "alice@demo.test");
  for (const path of SIGNED_IN_PAGES) {
    await page.goto(path);
    await expectAccessible(page);
  }
  await page.goto("/editions/0x09/topics");
  await page.getByRole("list", { name: "Topics" }).getByRole("link").first().click();
  await expectAccessible(page);
  await page.goto("/editions/0x09/teams");
  await page.getByRole("article").getByRole("link").first().click();
  await expectAccessible(page);
  // a judging track's published results
  await page.goto("/editions/0x08/judging");
  await page.getByRole("link", { name: "Results" }).click();
  await expect(page.getByRole("list", { name: "Results" })).toBeVisible();
  await expectAccessible(page);
});

test("an organizer's pages have no serious accessibility violations", async ({ page }) => {
  onlyOn("desktop", "organizers run the event from a laptop");
  await signIn(page, "organizer@demo.test");
  for (const path of [
    "/people",
    "/editions/new",
    "/editions/0x09/manage",
    "/editions/0x09/stage",
    "/editions/0x09/prizes",
    "/editions/0x09/jury",
    "/editions/0x09/challenges",
    "/editions/0x09/challenges/new",
    "/editions/0x09/challenges/audit",
    "/editions/0x09/leaderboard",
    "/editions/0x09/judging",
  ]) {
    await page.goto(path);
    await expectAccessible(page);
  }
  await page.goto("/editions/0x09/topics");
  await page.getByRole("list", { name: "Topics" }).getByRole("link").first().click();
  await expectAccessible(page);
  // the projector, from its secret link
  await page.goto("/editions/0x09/stage");
  await page.goto(await page.getByLabel("Projector link").inputValue());
  await expectAccessible(page);
  // a challenge with the judges' scoring panel, and the projector's leaderboard
  await page.goto("/editions/0x09/challenges");
  await page.getByRole("link", { name: "Speed puzzle: the fifth page" }).click();
  await expect(page).toHaveTitle(/Speed puzzle: the fifth page/); // the client navigation has its title (streamed with the page)
  await expectAccessible(page);
  await page.goto("/editions/0x09/leaderboard");
  await page.goto((await page.getByRole("link", { name: "Projector view" }).getAttribute("href"))!);
  await expectAccessible(page);
  // the vote control, and the phones' ballot page
  await page.goto("/editions/0x09/vote");
  await expectAccessible(page);
  await page.goto((await page.getByRole("link", { name: /\/vote\// }).getAttribute("href"))!);
  await expectAccessible(page);
  await page.goto("/vote");
  await expectAccessible(page);
  // a judged rubric track's deliberation: intervals, leniency, notes
  await page.goto("/editions/0x08/judging");
  await page.getByRole("link", { name: "Ranking and deliberation" }).click();
  await expect(page.getByRole("list", { name: "Ranking" })).toBeVisible();
  await expectAccessible(page);
});
