// Small page objects and helpers shared by the browser tests.
import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "./test";
import { mailboxDir } from "./mailbox.mjs";

export const DEMO_PASSWORD = "hexathon";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** Fails on serious or critical accessibility violations, listing them readably. */
export async function expectAccessible(page: Page) {
  // no half-faded element caught mid-animation: the page as it settles
  await page.emulateMedia({ reducedMotion: "reduce" });
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`).join("\n");
  expect(bad, `accessibility violations on ${page.url()}:\n${report}`).toEqual([]);
}

/** A unique suffix so that a scenario never collides with data of an earlier one. */
export const unique = () => Date.now().toString(36).slice(-5);

export type SentMail = { to: string; from: string; subject: string; text: string; html: string; headers: Record<string, string> };

/** The newest email the app sent to `to` whose subject matches, waiting for it to arrive. */
export async function mailTo(to: string, subject: RegExp = /./): Promise<SentMail> {
  const dir = mailboxDir(Number(new URL(test.info().project.use.baseURL!).port));
  let found: SentMail | undefined;
  await expect
    .poll(
      () => {
        const files = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
        const mails = files.map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as SentMail);
        found = mails.reverse().find((m) => m.to.includes(to) && subject.test(m.subject));
        return !!found;
      },
      { message: `an email to ${to} (${subject})`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

/** Signs up through the form and confirms the address with the link emailed, as a newcomer does; ends signed in. */
export async function signUp(page: Page, person: { name: string; email: string; password: string }) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText(`Check your inbox: we sent a link to ${person.email}`);
  const mail = await mailTo(person.email, /Confirm your address/);
  const link = mail.text.match(/https?:\/\/\S+\/verify\?token=[\w-]+/)![0];
  await page.goto(link);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** An organizer moves an edition to a phase on its manage page ("Proposals open", "Draft"…). */
export async function setPhase(organizer: Page, editionUrl: string, phase: string) {
  await organizer.goto(`${editionUrl}/manage`);
  await organizer.getByRole("radio", { name: new RegExp(`^${phase}`) }).check();
  await organizer.getByRole("button", { name: "Change phase" }).click();
  await expect(organizer.getByText("Phase changed.")).toBeVisible();
}
