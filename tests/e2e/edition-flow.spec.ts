// One edition from its creation to teams: the organizer opens proposals (while
// the demo's 0x09 is still hacking, and stays the current edition), an
// employee proposes a topic, people show interest, teams form and people join,
// and what is not allowed is refused with a reason.
import { expect, test, type Browser, type Page } from "./test";
import { DEMO_PASSWORD, signIn, signUp } from "./helpers";

test.describe.configure({ mode: "serial" });

const TOPIC = "Time-travel debugger for the billing service";
const TEAM = "Laws of the Universe";
const NEWBIE = { name: "Erin Engineer", email: `erin-${Date.now().toString(36)}@demo.test`, password: "erin's password" };
let editionUrl = "";
/** the new edition's number ("0x0A" on a fresh demo; later if an earlier walk made one) */
let hex = "";

async function as(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  return page;
}

/**
 * Every page's header leads to `current`, stored article pages too (as the server sends them: the header's own
 * question to the server is refused here), and the home page shows it first and links the other open edition.
 */
async function expectCurrent(browser: Browser, current: string, alsoOpen: string) {
  const reader = await (await browser.newContext()).newPage();
  await reader.route("/api/me", (route) => route.abort());
  await reader.goto("/articles");
  const header = reader.getByRole("banner");
  await expect(header.getByRole("link", { name: `Edition ${current}` })).toBeVisible();
  await expect(header.getByRole("link", { name: /^Edition 0x/ })).toHaveCount(1);
  const article = /href="(\/articles\/[a-z0-9-]+)"/.exec(await (await reader.request.get("/articles")).text())![1];
  await reader.goto(article);
  await expect(header.getByRole("link", { name: `Edition ${current}` })).toBeVisible();
  await reader.goto("/");
  const card = reader.getByRole("region", { name: /./ }).filter({ has: reader.getByRole("link", { name: `Go to edition ${current}` }) });
  await expect(card).toBeVisible();
  await card.getByRole("link", { name: `Edition ${alsoOpen}` }).click();
  await expect(reader).toHaveURL(new RegExp(`/editions/${alsoOpen.slice(0, 4)}$`));
  await reader.context().close();
}

async function setPhase(browser: Browser, phase: string) {
  const organizer = await as(browser, "organizer@demo.test");
  await organizer.goto(`${editionUrl}/manage`);
  await organizer.getByRole("radio", { name: new RegExp(`^${phase}`) }).check();
  await organizer.getByRole("button", { name: "Change phase" }).click();
  await expect(organizer.getByText("Phase changed.")).toBeVisible();
  await organizer.context().close();
}

test("the organizer creates an edition and opens proposals", async ({ browser }) => {
  const organizer = await as(browser, "organizer@demo.test");
  await organizer.goto("/editions/new");
  await organizer.getByLabel("Title").fill("Hackathon of the flow");
  await organizer.getByRole("button", { name: "Create edition" }).click();
  await expect(organizer).toHaveURL(/\/editions\/0x[0-9A-F]+\/manage$/);
  hex = /0x[0-9A-F]+/.exec(organizer.url())![0];
  editionUrl = `/editions/${hex}`;
  // the agenda: pizzas on Thursday evening
  await organizer.getByLabel("Title").last().fill("Pizzas");
  const starts = await organizer.getByLabel("Hacking starts").inputValue();
  await organizer
    .getByLabel("Starts", { exact: true })
    .last()
    .fill(`${starts.slice(0, 10)}T19:00`);
  await organizer.getByRole("button", { name: "Add item" }).click();
  await expect(organizer.getByText("“Pizzas” added to the agenda.")).toBeVisible();
  await organizer.context().close();
  await setPhase(browser, "Proposals open");
  // 0x09 is still hacking: it stays the current edition in every page's header, and the home page
  // shows it first and links the new one as also open
  await expectCurrent(browser, "0x09", `${hex} — proposals open`);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(editionUrl);
  await expect(visitor.getByTestId("edition-phase")).toHaveText("Proposals open");
  await expect(visitor.getByRole("heading", { name: "Agenda" })).toBeVisible();
  await expect(visitor.getByText("Pizzas")).toBeVisible();
});

test("a live edition is the current one: the header follows it, stored pages too, and every open edition is on the home page", async ({ browser }) => {
  // the new edition's final before 0x09's (a correction, or two editions overlapping): the most advanced phase wins
  await setPhase(browser, "Presentations");
  await expectCurrent(browser, hex, "0x09 — hacking");
  // and back: the header returns to 0x09 at once, on every page
  await setPhase(browser, "Proposals open");
  await expectCurrent(browser, "0x09", `${hex} — proposals open`);
});

test("an employee proposes a topic; a wrong field is explained and nothing typed is lost", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signUp(page, NEWBIE);
  await expect(page.getByText(NEWBIE.name)).toBeVisible();

  await page.goto(`${editionUrl}/topics/new`);
  await page.getByLabel("Title").fill(TOPIC);
  await page.getByLabel("Kind").selectOption({ label: "Team tooling" });
  await page.getByLabel("Pitch").fill("Too short");
  await page.getByRole("button", { name: "Propose topic" }).click();
  await expect(page.getByText("Pitch needs at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(TOPIC);
  await page.getByLabel("Pitch").fill("Record every request to **billing**, then replay it step by step:\n\n- no more guessing\n- `rr` for services");
  await page.getByRole("button", { name: "Propose topic" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TOPIC })).toBeVisible();
  await expect(page.locator(".prose strong")).toHaveText("billing");
  await page.getByRole("button", { name: "I'm interested" }).click();
  await expect(page.getByRole("button", { name: "✓ Interested" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("interest-count")).toHaveText("1");
});

test("others show interest from the topic list, and may not edit someone else's topic", async ({ browser }) => {
  const bob = await as(browser, "bob@demo.test");
  await bob.goto(`${editionUrl}/topics?kind=TEAM_TOOLING`);
  const card = bob.getByRole("listitem").filter({ hasText: TOPIC });
  await card.getByRole("button", { name: `I'm interested in ${TOPIC}` }).click();
  await expect(card.getByTestId("interest-count")).toHaveText("2 interested");
  await bob.getByRole("link", { name: TOPIC }).click();
  await expect(bob.getByRole("list", { name: "Interested people" })).toContainText("Bob");
  await expect(bob.getByRole("link", { name: "Edit topic" })).toHaveCount(0);

  // the server refuses what the page hides
  const topicId = bob.url().split("/").pop();
  const response = await bob.request.patch(`/api/topics/${topicId}`, { data: { title: "Hijacked", kind: "FUN", pitch: "Not my topic at all." } });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.message).toBe("Only the topic's proposer or an organizer can edit it.");
  await bob.goto(`${editionUrl}/topics/${topicId}/edit`);
  await expect(bob.getByRole("main").getByRole("alert")).toContainText("Only the topic's proposer or an organizer can edit it.");
});

test("teams form around the topic and people join and leave", async ({ browser }) => {
  await setPhase(browser, "Teams forming");
  const erin = await as(browser, NEWBIE.email, NEWBIE.password);
  await erin.goto(`${editionUrl}/topics`);
  await erin.getByRole("link", { name: TOPIC }).click();
  await erin.getByLabel("Team name").fill(TEAM);
  await erin.getByLabel(/Bob/).check();
  await erin.getByRole("button", { name: "Create team" }).click();
  await expect(erin.getByRole("heading", { level: 1, name: TEAM })).toBeVisible();
  const members = erin.getByRole("region", { name: /Members/ });
  await expect(members).toContainText(NEWBIE.name);
  await expect(members).toContainText("Bob");

  const alice = await as(browser, "alice@demo.test");
  await alice.goto(`${editionUrl}/teams`);
  await alice.getByRole("button", { name: `Join ${TEAM}` }).click();
  await expect(alice.getByRole("button", { name: `Leave ${TEAM}` })).toBeVisible();
  await alice.goto(`${editionUrl}/teams`);
  await expect(alice.getByRole("article", { name: TEAM })).toContainText("3 / 5 people");

  // a second team with the same name (whatever the case) is refused, and the name typed is kept
  const frank = await (await browser.newContext()).newPage();
  await signUp(frank, { name: "Frank Latecomer", email: `frank-${Date.now().toString(36)}@demo.test`, password: "frank's password" });
  await expect(frank.getByText("Frank Latecomer")).toBeVisible();
  await frank.goto(`${editionUrl}/topics`);
  await frank.getByRole("link", { name: TOPIC }).click();
  await frank.getByLabel("Team name").fill("laws of the  universe");
  await frank.getByRole("button", { name: "Create team" }).click();
  await expect(frank.getByText(/A team called “laws of the {1,2}universe” already exists in this edition/).first()).toBeVisible();
  await expect(frank.getByLabel("Team name")).toHaveValue("laws of the  universe");

  await alice.goto(`${editionUrl}/teams`);
  await alice.getByRole("button", { name: `Leave ${TEAM}` }).click();
  // asked first: Cancel keeps her in the team
  const question = alice.getByRole("alertdialog", { name: `Leave ${TEAM}?` });
  await question.getByRole("button", { name: "Cancel" }).click();
  await expect(question).toBeHidden();
  await expect(alice.getByRole("article", { name: TEAM })).toContainText("3 / 5 people");
  await alice.getByRole("button", { name: `Leave ${TEAM}` }).click();
  await question.getByRole("button", { name: "Leave", exact: true }).click();
  await expect(alice.getByRole("button", { name: `Join ${TEAM}` })).toBeVisible();
  await expect(alice.getByRole("article", { name: TEAM })).toContainText("2 / 5 people");
});

test("a person can't be in two teams of the same edition", async ({ browser }) => {
  const bob = await as(browser, "bob@demo.test");
  await bob.goto(`${editionUrl}/teams`);
  // bob is in Erin's team, so the page offers him no other team to join…
  await expect(bob.getByRole("button", { name: /^Join / })).toHaveCount(0);
  // …and the server refuses it anyway
  const judge = await as(browser, "judge@demo.test");
  await judge.goto(`${editionUrl}/topics`);
  await judge.getByRole("link", { name: TOPIC }).click();
  await judge.getByLabel("Team name").fill("Judges' Table");
  await judge.getByRole("button", { name: "Create team" }).click();
  await expect(judge.getByRole("heading", { level: 1, name: "Judges' Table" })).toBeVisible();
  const teamId = judge.url().split("/").pop();
  const response = await bob.request.put(`/api/teams/${teamId}/membership`);
  expect(response.status()).toBe(409);
  expect((await response.json()).error.message).toMatch(/You are already in team “Laws of the Universe”/);
});
