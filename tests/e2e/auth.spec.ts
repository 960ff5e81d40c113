import { expect, test } from "./test";
import { mailTo, signIn, signOut, unique } from "./helpers";

test("a newcomer signs up, can't sign in before following the emailed link, then can", async ({ page }) => {
  const email = `newcomer-${unique()}@demo.test`;
  await page.goto("/signup");
  await expect(page.getByTestId("sign-up-mode")).toHaveText("We'll email you a link to confirm your address before you sign in.");
  await page.getByLabel("Name").fill("Nina Newcomer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText(`Check your inbox: we sent a link to ${email}`);
  // not yet: the address isn't proven
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(`Confirm your address first: open the link we sent to ${email}.`);
  // the link, followed in the browser: the page asks for the password chosen, then signs in
  const mail = await mailTo(email, /Confirm your address/);
  expect(mail.from).toContain("hexathon@demo.test");
  const link = mail.text.match(/http:\/\/\S+\/verify\?token=[\w-]+/)![0];
  await page.goto(link);
  await expect(page.getByText(`To confirm ${email}`)).toBeVisible();
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByText("Nina Newcomer")).toBeVisible();
  // the link works once
  await page.goto(link);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This link doesn't work any more");
  await signOut(page);
  await signIn(page, email, "a long enough password");
  await expect(page.getByText("Nina Newcomer")).toBeVisible();
});

test("a one-time link by email signs in, once, without a password", async ({ browser, page }) => {
  // an address with no account yet (the demo limits no domain): following the link creates it
  const email = `linked-${unique()}@demo.test`;
  await page.goto("/signin?callbackUrl=%2Faccount");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText(`Check your inbox: we sent a link to ${email} if it may sign in here. It works once, for 15 minutes.`);
  const mail = await mailTo(email, /Your sign-in link for Hexathon/);
  expect(mail.html).toContain("works once");
  const link = mail.text.match(/https?:\/\/\S+\/signin\?\S*token=\S+/)![0];

  // opened in another browser (a mail scanner would stop here: opening uses nothing up)
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(link);
  await expect(reader.getByText(`This link signs you in as ${email}. It works once.`)).toBeVisible();
  await reader.getByRole("button", { name: "Finish signing in" }).click();
  await expect(reader).toHaveURL(/\/account$/);
  await expect(reader.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(reader.getByRole("main")).toContainText(email);

  // the same link again: refused in a sentence
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await again.getByRole("button", { name: "Finish signing in" }).click();
  await expect(again.getByRole("main").getByRole("alert")).toContainText("That sign-in link doesn't work any more");
  await expect(again.getByRole("button", { name: "Sign out" })).toHaveCount(0);
});

test("sign-up explains what is wrong and keeps what was typed", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Alice Again");
  await page.getByLabel("Email").fill("alice@demo.test");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 8 characters for your password.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Alice Again");
  await page.getByLabel("Password").fill("long enough now");
  await page.getByRole("button", { name: "Create account" }).click();
  // the same answer as for a free address (nobody learns who has an account); alice hears by email
  await expect(page.getByRole("status")).toContainText("Check your inbox: we sent a link to alice@demo.test");
  const mail = await mailTo("alice@demo.test", /already have/);
  expect(mail.subject).toBe("You already have a Hexathon account");
});

test("a wrong password is refused with a clear message and the email is kept", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("alice@demo.test");
  await page.getByLabel("Password").fill("not-her-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Wrong email or password");
  await expect(page.getByLabel("Email")).toHaveValue("alice@demo.test");
});

test("the one-time setup screen is gone once an organizer exists", async ({ page }) => {
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/signin/);
});

test("pages that need an account send visitors to sign in and back", async ({ page }) => {
  await page.goto("/people");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fpeople/);
  await page.getByLabel("Email").fill("organizer@demo.test");
  await page.getByLabel("Password").fill("hexathon");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "People" })).toBeVisible();
});

test("unknown addresses get a proper 404 page", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect((await page.goto("/editions/0xFFF"))?.status()).toBe(404);
});

test("the health check answers ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", events: "in-process" }); // SQLite: one instance
});

test("people sign in with the company's OpenID Connect provider and get an employee account", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Demo SSO" }).click();
  // the provider's own login and consent screens
  await page.locator('input[name="login"]').fill("sam.sso");
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("banner")).toContainText("Sam Sso");
  await expect(page.getByRole("banner")).toContainText("Employee");
});
