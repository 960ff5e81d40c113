// The bot arena in the demo: a team tries its bot in a practice match with
// the replay, submits it (a broken one is refused with the line and column),
// another team submits theirs, and the organizer runs the tournament.
import { expect, test, type Browser, type Page } from "./test";
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
  test.setTimeout(120_000); // a whole tournament is played, on a machine whose speed varies
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

  // a broken bot is refused with where the error is, and the editor marks that line
  await editor.fill("export default function play(state) {\n  return 'R' +;\n}");
  await alice.getByRole("button", { name: "Submit this bot" }).click();
  await expect(alice.getByRole("main").getByRole("alert").first()).toContainText(/Your bot doesn't compile: line 2, column \d+/);
  await expect(alice.locator(".cm-errorLine")).toHaveText("  return 'R' +;");
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

  // the organizer sets the tournament up on the challenge: long matches, so it runs for a while (seconds)
  const organizer = await as(browser, "organizer@demo.test");
  await organizer.getByRole("link", { name: "Edit challenge" }).click();
  await organizer.getByLabel("Rounds per match").fill("1200");
  await organizer.getByLabel("Matches per pair").fill("3");
  await organizer.getByRole("button", { name: "Save challenge" }).click();
  await expect(organizer.getByTestId("tournament-setup")).toContainText("Rock-paper-scissors: 1200 rounds a match, 3 matches per pair, round robin.");
  await organizer.getByRole("button", { name: "Run the tournament" }).click();
  // six teams have a bot in (four from the demo): 15 pairs, 3 matches each
  const progress = organizer.getByTestId("tournament-progress");
  await expect(progress).toContainText("of 45 matches played");

  // every page shows the progress while it runs, e.g. the leaderboard, where the standings then land
  const board = await (await organizer.context()).newPage();
  await board.goto("/editions/0x09/leaderboard");
  const running = board.getByRole("region", { name: "Tournaments running now" });
  await expect(running.getByRole("link", { name: `${TOURNAMENT}: the tournament is running` })).toBeVisible();
  await expect(running.getByRole("progressbar", { name: `Progress of ${TOURNAMENT}` })).toBeVisible();
  await expect(running).toContainText(/\d+ of 45 matches played/);

  await expect(progress).toContainText("45 of 45 matches played", { timeout: 60_000 });
  const standings = organizer.getByTestId("standings");
  await expect(standings).toContainText("Heatmappers");
  await expect(standings).toContainText("Laws of the Universe");
  await expect(standings).toContainText("Prometheus Unbound");
  await expect(standings).toContainText("±"); // ratings come with their uncertainty
  await expect(organizer.getByTestId("head-to-head")).toContainText(/\d–\d–\d/);
  await expectAccessible(organizer);
  await organizer.getByText(/All 45 matches/).click();
  await organizer.getByRole("button", { name: "Replay" }).first().click();
  await expect(organizer.getByTestId("replay")).toContainText("over 1200 rounds");
  // the score over the rounds, drawn with the replay: its description says who won, by how much
  const score = organizer.getByTestId("replay").getByRole("img", { name: "The score over the rounds" });
  await expect(score).toBeVisible();
  await expect(score).toHaveAccessibleDescription(/(won|A draw), \d+–\d+ over 1200 rounds/);

  const winner = (await standings.getByRole("rowheader").first().textContent())!;
  await expect(running).toBeHidden({ timeout: 10_000 }); // the banner goes once it's over
  const headers = await board.locator("thead th").allTextContents();
  const column = headers.indexOf(TOURNAMENT);
  expect(column).toBeGreaterThan(1);
  await expect(board.locator(`[data-testid="leaderboard"] tr[data-team="${winner}"]`).locator("th, td").nth(column)).toHaveText("10");

  // the finished tournament's pictures, drawn on the server: ratings with their ranges, and who beat whom
  await organizer.reload();
  const ratings = organizer.locator('figure[data-chart="tournament-ratings"]');
  await expect(ratings.getByRole("img", { name: "Ratings and how sure they are" })).toBeVisible();
  await expect(ratings.locator("svg circle")).toHaveCount(6);
  await ratings.getByText("The numbers").click();
  await expect(ratings.locator("tbody tr")).toHaveCount(6);
  const grid = organizer.locator('figure[data-chart="head-to-head"]');
  await expect(grid.getByRole("img", { name: "Head to head" })).toBeVisible();
  // six teams: 30 cells off the diagonal, each a record of 3 matches
  await expect(grid.locator("svg text").filter({ hasText: /^\d–\d–\d$/ })).toHaveCount(30);
  await expectAccessible(organizer);
});

test("Connect Four: the contract, a practice match and its board, replayed move by move", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "alice@demo.test");
  await page.goto("/editions/0x09/challenges");
  await page.getByRole("link", { name: "Bot tournament: Connect Four" }).click();
  await page.getByText("The bot contract: Connect Four").click();
  await expect(page.getByText(/has row 0 at the bottom/)).toBeVisible();
  await expect(page.getByTestId("tournament-setup")).toContainText("Connect Four: 10 games a match, 2 matches per pair, Swiss");
  const editor = page.getByLabel("Your bot");
  await expect(editor).toHaveAttribute("contenteditable", "true");
  await expect(editor).toContainText("Hexathon bot arena: Connect Four.");

  await page.getByLabel("Practice against").selectOption("leftmost");
  await page.getByRole("button", { name: "Play a practice match" }).click();
  const replay = page.getByTestId("replay");
  await expect(replay).toContainText("Your bot wins: 6–0");
  await expect(replay.getByRole("img", { name: /The board after move \d+ of game 6/ })).toBeVisible();
  await expect(replay).toContainText(/four in a row, Your bot wins the game/);
  // back to the first move of the match: one disc on the board
  const scrubber = replay.getByRole("slider");
  await scrubber.focus();
  await page.keyboard.press("Home");
  await expect(replay.getByText("Game 1 of 6, move 1")).toBeVisible();
  await expect(replay.getByRole("img", { name: "The board after move 1 of game 1" })).toBeVisible();
  await expect(replay).toContainText("Your bot drops in column 4"); // the starter bot opens in the centre
  await expectAccessible(page);

  // a bot that plays a full column forfeits, and the replay says where
  await editor.fill("export default function play() { return 0; }");
  await page.getByRole("button", { name: "Play a practice match" }).click();
  await expect(replay).toContainText("Your bot forfeits: round 0, move 6: played 0, but column 0 is full");

  // a bot written elsewhere is uploaded as a file (too big a file is refused with why)
  const upload = page.getByLabel("Upload a file");
  await upload.setInputFiles({ name: "huge.js", mimeType: "text/javascript", buffer: Buffer.alloc(70 * 1024, "/") });
  await expect(page.getByRole("main").getByRole("alert").first()).toContainText("huge.js is larger than 64 KB");
  await upload.setInputFiles({
    name: "rightmost.ts",
    mimeType: "text/plain",
    buffer: Buffer.from("export default function play(state: { legal: number[] }) { return state.legal[state.legal.length - 1]; }\n"),
  });
  await expect(page.getByText("Loaded rightmost.ts")).toBeVisible();
  await expect(editor).toContainText("state.legal[state.legal.length - 1]");
  await expect(page.getByLabel("Language")).toHaveValue("ts");
  await page.getByRole("button", { name: "Play a practice match" }).click();
  await expect(replay).toContainText("Draw: 3–3"); // rightmost against leftmost: whoever starts wins
});
