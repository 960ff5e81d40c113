// The same pages on a phone: nothing overflows sideways, and the main actions
// are reachable with a thumb.
import { expect, test } from "./test";
import { signIn } from "./helpers";

test("the edition page fits a phone screen and shows the agenda and countdown", async ({ page }) => {
  await signIn(page, "alice@demo.test");
  await page.goto("/editions/0x09");
  await expect(page.getByTestId("edition-phase")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Agenda" })).toBeVisible();
  await expect(page.getByText("You are in")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("topics can be filtered and read on a phone", async ({ page }) => {
  await signIn(page, "bob@demo.test");
  await page.goto("/editions/0x09/topics");
  await page.getByRole("link", { name: "Fun", exact: true }).click();
  await expect(page).toHaveURL(/kind=FUN/);
  const topics = page.getByRole("list", { name: "Topics" }).getByRole("listitem");
  expect(await topics.count()).toBeGreaterThan(0);
  await topics.first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: /interested/ })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("the page doesn't move when the header learns who is reading, signed out or in", async ({ page }) => {
  // the answer comes late, as on a slow network: held until `release`
  let release = () => {};
  let gate = Promise.resolve();
  const hold = () => (gate = new Promise<void>((resolve) => (release = resolve)));
  await page.route("/api/me", async (route) => {
    await gate;
    await route.continue();
  });
  const mainTop = () => page.locator("main").evaluate((el) => el.getBoundingClientRect().top);

  for (const who of ["nobody", "an organizer"]) {
    if (who === "an organizer") {
      await signIn(page, "organizer@demo.test");
      await page.evaluate(() => localStorage.clear()); // nothing remembered: the header waits for the server
    }
    hold();
    await page.goto("/articles");
    await expect(page.getByRole("banner").getByRole("link", { name: "Editions" })).toBeVisible();
    await expect(page.getByTestId("visitor")).toHaveAttribute("aria-busy", "true");
    const before = await mainTop();
    release();
    await expect(page.getByRole("banner").getByRole("link", { name: who === "nobody" ? "Sign in" : "Write" })).toBeVisible();
    expect(await mainTop(), `the page moved when ${who}'s header arrived`).toBe(before);
  }
});

test("a confirmation fits a phone and its buttons are big enough for a thumb", async ({ page }) => {
  await signIn(page, "organizer@demo.test");
  await page.goto("/people");
  await page.getByLabel("Role of Olivia Organizer", { exact: true }).selectOption("JUDGE");
  await page.getByRole("button", { name: "Save role of Olivia Organizer", exact: true }).click();
  const question = page.getByRole("alertdialog", { name: "Make yourself a judge?" });
  await expect(question).toBeVisible();
  const box = (await question.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  for (const name of ["Yes, make me judge", "Cancel"]) {
    expect((await question.getByRole("button", { name }).boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  // a tap beside it cancels, and nothing was sent
  await page.mouse.click(4, 4);
  await expect(question).toBeHidden();
  await page.reload();
  await expect(page.getByLabel("Role of Olivia Organizer", { exact: true })).toHaveValue("ORGANIZER");
});

test("the leaderboard's totals and the agenda's places stay in sight on a phone", async ({ page }) => {
  await page.goto("/editions/0x09/leaderboard");
  const total = page.getByRole("columnheader", { name: "Total" });
  const box = (await total.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  // an agenda item's title and place sit beside its time, never under it
  await page.goto("/editions/0x09");
  const item = page.getByRole("heading", { name: "Agenda" }).locator("xpath=following::li[1]");
  const time = (await item.locator("time").boundingBox())!;
  const text = (await item.locator("div").first().boundingBox())!;
  expect(text.x).toBeGreaterThan(time.x + time.width);
});
