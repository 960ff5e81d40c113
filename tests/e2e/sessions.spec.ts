// Sessions end when they should (sign-out, a password change, an organizer's
// "sign out everywhere"), and password guessing waits.
import { expect, test, type Browser } from "./test";
import { signIn, signOut, signUp, unique } from "./helpers";

async function whoIs(browser: Browser, cookies: Awaited<ReturnType<import("@playwright/test").BrowserContext["cookies"]>>) {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  const me = (await (await context.request.get("/api/me")).json()) as { user: { name: string } | null };
  await context.close();
  return me.user;
}

test("a session cookie saved before signing out no longer works", async ({ page, browser }) => {
  await signIn(page, "judge@demo.test");
  const saved = await page.context().cookies();
  expect(await whoIs(browser, saved)).not.toBeNull();
  await signOut(page);
  expect(await whoIs(browser, saved)).toBeNull();
});

test("an organizer signs a person out of every browser", async ({ page, browser }) => {
  const bob = await browser.newPage();
  await signIn(bob, "bob@demo.test");
  const bobCookies = await bob.context().cookies();
  await signIn(page, "organizer@demo.test");
  await page.goto("/people");
  await page.getByRole("button", { name: "Sign Bob Brennan out everywhere" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Signed out of \d+ browsers?\./ })).toBeVisible();
  expect(await whoIs(browser, bobCookies)).toBeNull();
  await bob.reload();
  await expect(bob.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await bob.close();
});

test("changing one's password signs out the other browsers, and the account page lists them", async ({ page, browser }) => {
  const laptop = await browser.newPage();
  await signIn(laptop, "judge@demo.test");
  const laptopCookies = await laptop.context().cookies();
  await signIn(page, "judge@demo.test");
  await page.goto("/account");
  await expect(page.getByText("this browser")).toBeVisible();
  await page.getByLabel("Current password").fill("not it");
  await page.getByLabel("New password", { exact: true }).fill("a brand new password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("main").getByRole("alert").first()).toContainText("That is not your current password.");
  await page.getByLabel("Current password").fill("hexathon");
  await page.getByLabel("New password", { exact: true }).fill("a brand new password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").or(page.getByText("Password changed."))).toContainText("Password changed.");
  expect(await whoIs(browser, laptopCookies)).toBeNull();
  expect(await whoIs(browser, await page.context().cookies())).not.toBeNull();
  // and back, for the other scenarios
  await page.getByLabel("Current password").fill("a brand new password");
  await page.getByLabel("New password", { exact: true }).fill("hexathon");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed.")).toBeVisible();
  await laptop.close();
});

test("after five wrong passwords even the right one waits, and says until when", async ({ page }) => {
  // an account of its own: earlier scenarios' slips on the demo's accounts count for 15 minutes
  const person = { name: "Tess Throttle", email: `tess-${unique()}@demo.test`, password: "tess's password" };
  await signUp(page, person);
  await signOut(page);
  await page.goto("/signin");
  const attempt = async (password: string) => {
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
  };
  const alert = page.getByRole("main").getByRole("alert");
  /** The wait the throttle announces, in ms (0: the attempt was not throttled). */
  const announcedWait = async () => {
    const text = (await alert.textContent()) ?? "";
    const seconds = /Try again in (\d+) seconds?/.exec(text)?.[1];
    return seconds ? Number(seconds) * 1000 : 0;
  };
  await page.getByLabel("Email").fill(person.email);
  for (let i = 0; i < 5; i++) {
    await attempt(`wrong ${i}`);
    await expect(alert).toContainText("Wrong email or password");
  }
  // two more failures, each after the wait the one before it earned (1 s, then 2 s): the next
  // try must wait 4 s, long enough that even a slow machine's next click lands inside it
  for (let failures = 5; failures < 7;) {
    await attempt(`wrong ${failures}`);
    const wait = await announcedWait();
    if (wait) await page.waitForTimeout(wait + 200);
    else failures++;
  }
  await attempt(person.password);
  await expect(alert).toContainText(/Too many failed sign-ins\. Try again in \d seconds? \(at \d\d:\d\d/);
  await expect(page.getByLabel("Email")).toHaveValue(person.email);
  await page.waitForTimeout((await announcedWait()) + 200);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  // organizers see the failures (the success forgot this account's, an address without an account stays)
  await signOut(page);
  await page.goto("/signin");
  await page.getByLabel("Email").fill("nobody-here@demo.test");
  await attempt("guess");
  await expect(alert).toContainText("Wrong email or password");
  await signIn(page, "organizer@demo.test");
  await page.goto("/people");
  await expect(page.getByRole("table", { name: /Failed sign-ins/ }).getByRole("row", { name: /nobody-here@demo\.test/ })).toBeVisible();
});
