// The bot arena in the demo: a team tries its bot in a practice match with
// the replay, submits it (a broken one is refused with the line and column),
// another team submits theirs, and the organizer runs the tournament.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

const TOURNAMENT = "Bot tournament: rock-paper-scissors";

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await page.goto("/editions/0x09/challenges");
  await page.getByRole("link", { name: TOURNAMENT }).click();
  await expect(page.getByRole("heading", { level: 1, name: TOURNAMENT })).toBeVisible();
  return page;
}

test("bots are practised, submitted and played in a tournament", async ({ browser }) => {
  const alice = await as(browser, "alice@demo.test");
  const editor = alice.getByLabel("Your bot");
  await expect(editor).toHaveAttribute("contenteditable", "true"); // the code editor has taken the textarea's place
  await expect(editor).toContainText("export default function play");
  await alice.getByLabel("Practice against").selectOption("rock");
  await alice.getByRole("button", { name: "Play a practice match" }).click();
  const replay = alice.getByTestId("replay");
  await expect(replay).toContainText("Your bot wins");
  await replay.getByRole("button", { name: /Jump to the turning point/ }).click();
  await expect(replay).toContainText(/After round \d+:/);

  // a broken bot is refused with where the error is
  await editor.fill("export default function play(state {\n  return 'R';\n}");
  await alice.getByRole("button", { name: "Submit this bot" }).click();
  await expect(alice.getByRole("main").getByRole("alert").first()).toContainText(/Your bot doesn't compile: line 1, column \d+/);
  // a bot that reaches for randomness after round 0 forfeits in practice, with the round and reason
  await editor.fill("export default function play(s) { return s.round < 2 ? 'R' : 'RPS'[Math.floor(Math.random() * 3)]; }");
  await alice.getByRole("button", { name: "Play a practice match" }).click();
  await expect(replay).toContainText("Your bot forfeits: round 2: threw Error: randomness is only allowed on round 0");
  await alice.getByRole("button", { name: "Start from the starter bot" }).click();
  await expect(editor).not.toContainText("s.round < 2");
  await alice.getByRole("button", { name: "Submit this bot" }).click();
  await expect(alice.getByText("Version 1 submitted.")).toBeVisible();

  const thomas = await as(browser, "thomas.nguyen@demo.test");
  await thomas.getByLabel("Your bot").fill("export default function play(state) { return 'RPS'[state.round % 3]; }");
  await thomas.getByRole("button", { name: "Submit this bot" }).click();
  await expect(thomas.getByText("Version 1 submitted.")).toBeVisible();

  // someone in no team can practise, not submit
  const bob = await as(browser, "bob@demo.test");
  await expect(bob.getByText("Join a team to submit a bot")).toBeVisible();
  await expect(bob.getByRole("button", { name: "Submit this bot" })).toHaveCount(0);

  const organizer = await as(browser, "organizer@demo.test");
  await organizer.getByLabel("Rounds per match").fill("200");
  await organizer.getByLabel("Matches per pair").fill("2");
  await organizer.getByRole("button", { name: "Run the tournament" }).click();
  await expect(organizer.getByTestId("tournament-progress")).toContainText("2 of 2 matches played", { timeout: 30_000 });
  const standings = organizer.getByTestId("standings");
  await expect(standings).toContainText("Heatmappers");
  await expect(standings).toContainText("Laws of the Universe");
  await expect(standings).toContainText("±"); // ratings come with their uncertainty
  await expect(organizer.getByTestId("head-to-head")).toContainText(/\d–\d–\d/);
  await expectAccessible(organizer);
  await organizer.getByText(/All 2 matches/).click();
  await organizer.getByRole("button", { name: "Replay" }).first().click();
  await expect(organizer.getByTestId("replay")).toContainText("over 200 rounds");
});
