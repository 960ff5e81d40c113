// Axe scans of the main pages, signed out and signed in, on a laptop and on a
// phone (the phone project runs this file too).
import { test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

const PUBLIC_PAGES = ["/", "/editions/0x09/live", "/signin", "/signup", "/editions", "/editions/0x09", "/editions/0x09/topics", "/editions/0x09/teams", "/no-such-page"];
const SIGNED_IN_PAGES = ["/editions/0x09", "/editions/0x09/topics?sort=recent", "/editions/0x09/teams", "/editions/0x08"];

test("public pages have no serious accessibility violations", async ({ page }) => {
  for (const path of PUBLIC_PAGES) {
    await page.goto(path);
    await expectAccessible(page);
  }
});

test("an employee's pages have no serious accessibility violations", async ({ page }) => {
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
});

test("an organizer's pages have no serious accessibility violations", async ({ page }) => {
  await signIn(page, "organizer@demo.test");
  for (const path of ["/people", "/editions/new", "/editions/0x09/manage", "/editions/0x09/stage", "/editions/0x09/prizes", "/editions/0x09/jury", "/editions/0x09/challenges", "/editions/0x09/challenges/new", "/editions/0x09/challenges/audit", "/editions/0x09/leaderboard"]) {
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
});
