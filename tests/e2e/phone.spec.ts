// The same pages on a phone: nothing overflows sideways, and the main actions
// are reachable with a thumb.
import { expect, test } from "@playwright/test";
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
