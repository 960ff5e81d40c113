// A fresh production install: the first visitor creates the first organizer
// account on a one-time setup screen, which is gone for good afterwards.
import { expect, test } from "./test";

test("the first person sets up Hexathon as its first organizer, once", async ({ page, browser }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Welcome to Hexathon" })).toBeVisible();
  // sign-up is not possible before setup
  await page.goto("/signup");
  await expect(page).toHaveURL(/\/setup$/);

  await page.getByLabel("Name").fill("Fiona First");
  await page.getByLabel("Email").fill("fiona@corp.test");
  await page.getByLabel("Password").fill("a strong first password");
  await page.getByRole("button", { name: "Create organizer account" }).click();
  await expect(page.getByRole("heading", { name: "New edition" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Organizer");

  // someone else arriving later finds no setup screen, only sign-up as an employee
  const later = await (await browser.newContext()).newPage();
  await later.goto("/setup");
  await expect(later).toHaveURL(/\/signin$/);
  await later.goto("/signup");
  await later.getByLabel("Name").fill("Larry Later");
  await later.getByLabel("Email").fill("larry@corp.test");
  await later.getByLabel("Password").fill("larry's password");
  // this install sends no email: new accounts wait for an organizer
  await expect(later.getByTestId("sign-up-mode")).toContainText("An organizer approves new accounts");
  await later.getByRole("button", { name: "Create account" }).click();
  await expect(later.getByRole("status")).toContainText("An organizer approves new accounts: you can sign in once they have.");
  await later.goto("/signin");
  await later.getByLabel("Email").fill("larry@corp.test");
  await later.getByLabel("Password").fill("larry's password");
  await later.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(later.getByRole("main").getByRole("alert")).toContainText("An organizer hasn't approved your account yet.");

  await page.goto("/people");
  await expect(page.getByRole("heading", { name: "Waiting for approval" })).toBeVisible();
  await page.getByRole("button", { name: "Approve Larry Later" }).click();
  await expect(page.getByRole("heading", { name: "Waiting for approval" })).toBeHidden();
  await later.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(later.getByRole("banner")).toContainText("Employee");
});
