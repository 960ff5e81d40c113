// What only organizers do, on the demo's live edition 0x09: moderate topics
// (approve, reject with a reason the proposer reads, merge a duplicate), move
// people between teams, and change people's roles.
import { expect, test, type Browser, type Page } from "./test";
import { signIn, signUp, unique } from "./helpers";

async function as(browser: Browser, email: string, password?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  return page;
}

async function openTopic(page: Page, title: string) {
  await page.goto("/editions/0x09/topics?sort=recent");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

test("an organizer approves a pending topic and rejects another with a reason", async ({ browser }) => {
  const organizer = await as(browser, "organizer@demo.test");
  await openTopic(organizer, "Is the coffee ready? A chat bot for the fourth-floor machine");
  await expect(organizer.getByText("This topic is awaiting review")).toBeVisible();
  await organizer.getByRole("button", { name: "Approve topic" }).click();
  await expect(organizer.getByText("This topic is awaiting review")).toHaveCount(0);

  await openTopic(organizer, "The sound of the network");
  await organizer.getByRole("button", { name: "Reject topic" }).click();
  await expect(organizer.getByText("Reason is required.")).toBeVisible();
  await organizer.getByLabel(/Reason for rejecting/).fill("Same idea as the Snake team's: join them!");
  await organizer.getByRole("button", { name: "Reject topic" }).click();
  await expect(organizer.getByRole("main").getByRole("alert").first()).toContainText("This topic was rejected. Reason: Same idea as the Snake team's");

  // everyone else no longer sees it in the list
  const bob = await as(browser, "bob@demo.test");
  await bob.goto("/editions/0x09/topics");
  await expect(bob.getByRole("link", { name: "The sound of the network" })).toHaveCount(0);
});

test("an organizer merges a duplicate topic and its interest moves along", async ({ browser }) => {
  const organizer = await as(browser, "organizer@demo.test");
  await openTopic(organizer, "Snake on the network map");
  const before = Number(await organizer.getByTestId("interest-count").textContent());
  await openTopic(organizer, "Is the coffee ready? A chat bot for the fourth-floor machine");
  const moving = Number(await organizer.getByTestId("interest-count").textContent());
  expect(moving).toBeGreaterThan(0);
  await organizer.getByLabel("Merge this duplicate into").selectOption({ label: "Snake on the network map" });
  await organizer.getByRole("button", { name: "Merge topics" }).click();
  // asked first: Cancel changes nothing, and the question comes back
  const question = organizer.getByRole("alertdialog", { name: "Merge this topic into “Snake on the network map”?" });
  await expect(question).toContainText("can't be undone");
  await question.getByRole("button", { name: "Cancel" }).click();
  await expect(question).toBeHidden();
  await expect(organizer.getByRole("heading", { level: 1, name: "Is the coffee ready? A chat bot for the fourth-floor machine" })).toBeVisible();
  await organizer.getByRole("button", { name: "Merge topics" }).click();
  await question.getByRole("button", { name: "Merge", exact: true }).click();
  await expect(organizer.getByRole("heading", { level: 1, name: "Snake on the network map" })).toBeVisible();
  const after = Number(await organizer.getByTestId("interest-count").textContent());
  expect(after).toBeGreaterThan(before);
  expect(after).toBeLessThanOrEqual(before + moving);
});

test("an organizer moves a person into a team and takes them out again", async ({ browser }) => {
  const organizer = await as(browser, "organizer@demo.test");
  await organizer.goto("/editions/0x09/teams");
  await organizer.getByRole("link", { name: "Snake Case" }).click();
  await organizer.getByLabel("Person").selectOption({ label: "Bob Brennan (bob@demo.test)" });
  await organizer.getByRole("button", { name: "Move here" }).click();
  const members = organizer.getByRole("region", { name: /Members/ });
  await expect(members).toContainText("Bob Brennan");
  await expect(members).toContainText("(3 / 5)");
  await organizer.getByRole("button", { name: "Take Bob Brennan out of the team" }).click();
  await expect(members).not.toContainText("Bob Brennan");
});

test("an organizer makes someone a judge; employees can't manage people", async ({ browser }) => {
  const email = `rita-${unique()}@demo.test`;
  const rita = await (await browser.newContext()).newPage();
  await signUp(rita, { name: "Rita Reviewer", email, password: "rita's password" });
  await expect(rita.getByRole("banner")).toContainText("Employee");
  await rita.goto("/people");
  await expect(rita.getByRole("main").getByRole("alert")).toContainText("Only organizers can manage people");

  const organizer = await as(browser, "organizer@demo.test");
  await organizer.goto("/people");
  await organizer.getByLabel("Role of Rita Reviewer", { exact: true }).selectOption("JUDGE");
  await organizer.getByRole("button", { name: "Save role of Rita Reviewer" }).click();
  const question = organizer.getByRole("alertdialog", { name: "Make Rita Reviewer a judge?" });
  await expect(question).toContainText("They will be signed out and sign in again as judge.");
  await question.getByRole("button", { name: "Make judge" }).click();
  await expect(organizer.getByText("Rita Reviewer is now judge.")).toBeVisible();
  // a new role starts with a new sign-in: what was open was opened as an employee
  await rita.reload();
  await expect(rita.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await signIn(rita, email, "rita's password");
  await expect(rita.getByRole("banner")).toContainText("Judge");
});

test("a role change is confirmed first, with a stronger warning for demoting oneself; an unchanged role isn't asked", async ({ browser }) => {
  const organizer = await as(browser, "organizer@demo.test");
  await organizer.goto("/people");
  const me = "Olivia Organizer";
  const save = organizer.getByRole("button", { name: `Save role of ${me}`, exact: true });
  await organizer.getByLabel(`Role of ${me}`, { exact: true }).selectOption("EMPLOYEE");
  await save.click();
  const question = organizer.getByRole("alertdialog", { name: "Make yourself an employee?" });
  await expect(question).toContainText("You will no longer be an organizer");
  await expect(question).toContainText("you lose this page");
  // from the keyboard: focus is on Cancel (the harmless choice), Escape closes, focus returns to the button
  await expect(question.getByRole("button", { name: "Cancel" })).toBeFocused();
  await organizer.keyboard.press("Escape");
  await expect(question).toBeHidden();
  await expect(save).toBeFocused();
  // nothing was sent: still an organizer, here and after a reload
  await organizer.reload();
  await expect(organizer.getByRole("banner")).toContainText("Organizer");
  await expect(organizer.getByLabel(`Role of ${me}`, { exact: true })).toHaveValue("ORGANIZER");
  // saving the role unchanged asks nothing
  await save.click();
  await expect(organizer.getByRole("alertdialog")).toHaveCount(0);
  await expect(organizer.getByText(`${me} is now organizer.`)).toBeVisible();
});
