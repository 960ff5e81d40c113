// Equal totals on the podium, on a fresh edition: four teams, three of them
// on 6 points. Tie Charlie was first on two ballots, Tie Alpha and Tie Bravo
// on one each and equal on every other rule, so Charlie wins on first-place
// votes and Alpha and Bravo share second place. The vote control, the
// projector, the edition page and the editions list say so, and why.
import { devices, expect, test, type Browser, type Page } from "./test";
import { expectAccessible, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const TOPIC = "A podium with equal points";
const DECIDED = "Ahead of Tie Alpha and Tie Bravo on first-place votes: 2 to 1";
const SHARED = "A shared place: equal on points, audience points, first-place votes, second-place votes and third-place votes.";

async function as(browser: Browser, email: string, options = {}): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await signIn(page, email);
  return page;
}

async function setPhase(organizer: Page, editionUrl: string, phase: string) {
  await organizer.goto(`${editionUrl}/manage`);
  await organizer.getByLabel(phase).check();
  await organizer.getByRole("button", { name: "Change phase" }).click();
  await expect(organizer.getByText("Phase changed.")).toBeVisible();
}

async function formTeam(page: Page, topicUrl: string, name: string) {
  await page.goto(topicUrl);
  await page.getByLabel("Team name").fill(name);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("a three-way tie on points: the winner by first-place votes, a shared second place, and why, everywhere", async ({ browser }) => {
  test.setTimeout(180_000); // a whole edition, from its creation to its archive
  // a fresh edition whose teams form around one topic
  const organizer = await as(browser, "organizer@demo.test");
  await organizer.goto("/editions/new");
  await organizer.getByLabel("Title").fill("Hackathon with a tie");
  await organizer.getByRole("button", { name: "Create edition" }).click();
  await expect(organizer).toHaveURL(/\/editions\/0x[0-9A-F]+\/manage$/);
  const hex = /\/editions\/(0x[0-9A-F]+)\//.exec(organizer.url())![1];
  const editionUrl = `/editions/${hex}`;
  await setPhase(organizer, editionUrl, "Teams forming");
  await organizer.goto(`${editionUrl}/topics/new`);
  await organizer.getByLabel("Title").fill(TOPIC);
  await organizer.getByLabel("Kind").selectOption({ label: "Team tooling" });
  await organizer.getByLabel("Pitch").fill("Four teams, three of them on the same points.");
  await organizer.getByRole("button", { name: "Propose topic" }).click();
  await expect(organizer.getByRole("heading", { level: 1, name: TOPIC })).toBeVisible();
  const topicUrl = new URL(organizer.url()).pathname;
  await formTeam(organizer, topicUrl, "Tie Alpha");
  for (const [email, team] of [
    ["alice@demo.test", "Tie Bravo"],
    ["bob@demo.test", "Tie Charlie"],
    ["judge@demo.test", "Tie Delta"],
  ]) {
    const member = await as(browser, email);
    await formTeam(member, topicUrl, team);
    await member.context().close();
  }

  // the vote, driven through the JSON API: ranked, three picks, no sign-in
  const api = `/api/editions/${hex}/vote`;
  const rules = { method: "RANKED", picks: 3, requireSignIn: false, audienceWeight: 1, bonusWeight: 1, publicVotePrize: false, foldPlusAddresses: false };
  const settings = await organizer.request.patch(api, { data: rules });
  expect(settings.status()).toBe(200);
  const code = ((await settings.json()) as { joinCode: string }).joinCode;
  expect((await organizer.request.post(api, { data: { action: "open" } })).status()).toBe(200);

  // Charlie 3 + 3 (two firsts); Alpha 2 + 1 + 3 and Bravo 1 + 2 + 3 (a first, a second, a third each); Delta 2 + 2
  for (const ballot of [
    ["Tie Charlie", "Tie Alpha", "Tie Bravo"],
    ["Tie Charlie", "Tie Bravo", "Tie Alpha"],
    ["Tie Alpha", "Tie Delta"],
    ["Tie Bravo", "Tie Delta"],
  ]) {
    const phone = await browser.newContext();
    const options = await phone.request.get(`/api/vote/${code}`); // hands the phone its voter card
    const teams = ((await options.json()) as { teams: { id: string; name: string }[] }).teams;
    const teamIds = ballot.map((name) => teams.find((t) => t.name === name)!.id);
    expect((await phone.request.put(`/api/vote/${code}/ballot`, { data: { teamIds } })).status()).toBe(200);
    await phone.close();
  }
  expect((await organizer.request.post(api, { data: { action: "close" } })).status()).toBe(200);

  // the JSON results: the new fields beside the old ones
  const results = (await (await organizer.request.get(api)).json()) as {
    ranking: { place: number; name: string; total: number; tied: boolean; tieBreakNote: string | null; tieBreak: { rule: string; rank: number } | null }[];
    sharedNote: string | null;
  };
  expect(results.ranking.map((r) => [r.place, r.name, r.total, r.tied, r.tieBreakNote])).toEqual([
    [1, "Tie Charlie", 6, false, DECIDED],
    [2, "Tie Alpha", 6, true, null],
    [2, "Tie Bravo", 6, true, null],
    [4, "Tie Delta", 4, false, null],
  ]);
  expect(results.ranking[0].tieBreak).toMatchObject({ rule: "PLACE_VOTES", rank: 1 });
  expect(results.sharedNote).toBe(SHARED);

  // the vote control: "=2" for a shared place, and the ties spelled out under the results
  await organizer.goto(`${editionUrl}/vote`);
  const rows = organizer.getByTestId("results").getByRole("row");
  await expect(rows.nth(0).getByRole("cell").first()).toHaveText("1");
  await expect(rows.nth(1).getByRole("cell").first()).toHaveText("=2");
  await expect(rows.nth(2).getByRole("cell").first()).toHaveText("=2");
  await expect(rows.nth(3).getByRole("cell").first()).toHaveText("4");
  const ties = organizer.getByRole("list", { name: "Ties" });
  await expect(ties).toContainText("Tie Alpha and Tie Bravo share 2nd place.");
  await expect(ties).toContainText("Tie Charlie (1st): ahead of Tie Alpha and Tie Bravo on first-place votes: 2 to 1.");
  await expect(organizer.getByTestId("ties")).toContainText("Equal totals are decided by more audience points, then more first-place votes");
  await expectAccessible(organizer);

  // the projector: the shared place is revealed in one step, both teams together, then the winner and why
  const display = (await (await organizer.request.post(`/api/editions/${hex}/display-key`)).json()) as { path: string };
  const projector = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await projector.goto(display.path);
  await expect(projector.getByText("The vote is closed")).toBeVisible();
  await organizer.getByRole("button", { name: "Reveal second place" }).click();
  const second = projector.getByTestId("podium-place-2");
  await expect(second).toContainText("Second place, shared by 2 teams");
  await expect(second).toContainText("Tie Alpha");
  await expect(second).toContainText("Tie Bravo");
  await expect(projector.getByTestId("shared-note")).toHaveText(SHARED);
  await expect(projector.getByTestId("place-1")).toHaveCount(0);
  await organizer.getByRole("button", { name: "Reveal first place" }).click();
  const first = projector.getByTestId("podium-place-1");
  await expect(first).toContainText("First place");
  await expect(first).not.toContainText("shared");
  await expect(first.getByTestId("place-1")).toHaveText("Tie Charlie");
  await expect(first.getByTestId("tie-break")).toHaveText(DECIDED);
  await expect(organizer.getByRole("button", { name: /^Reveal/ })).toHaveCount(0);

  // the edition page keeps the podium with its shared place and the rule that decided, at a phone's width too
  const reader = await (await browser.newContext({ ...devices["Pixel 7"] })).newPage();
  await reader.goto(editionUrl);
  const podium = reader.getByRole("region", { name: "Prizes" }).getByRole("list", { name: "Podium" });
  // each card by its team's link: the winner's card names the others in its tie-break line
  const card = (name: string) => podium.getByRole("listitem").filter({ has: reader.getByRole("link", { name, exact: true }) });
  const winner = card("Tie Charlie");
  await expect(winner).toContainText("First place");
  await expect(winner).toContainText(`${DECIDED}.`);
  for (const name of ["Tie Alpha", "Tie Bravo"]) await expect(card(name)).toContainText("Second place, shared");
  await expect(reader.getByRole("region", { name: "Prizes" })).toContainText(SHARED);
  expect(await reader.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await expectAccessible(reader);

  // the editions list writes the shared place as "=2nd"
  await reader.goto("/editions");
  const winners = reader.getByRole("article").filter({ hasText: "Hackathon with a tie" }).locator('dl[aria-label="Winners"] > div');
  await expect(winners.filter({ hasText: "Tie Charlie" }).locator("dt")).toHaveText("1st place");
  await expect(winners.filter({ hasText: "Tie Alpha" }).locator("dt")).toHaveText("=2nd place");
  await expect(winners.filter({ hasText: "Tie Bravo" }).locator("dt")).toHaveText("=2nd place");

  // leave the demo's current edition as it was for the scenarios that follow
  await setPhase(organizer, editionUrl, "Archived");
});
