// The audience vote, on three kinds of screens: the organizer's vote control,
// the projector (QR code, join code, live count, then the podium), and
// phone-sized voters, one of whom changes their mind.
import { devices, expect, test, type Browser, type Page } from "./test";
import { signIn } from "./helpers";

async function phone(browser: Browser): Promise<Page> {
  return (await browser.newContext({ ...devices["Pixel 7"] })).newPage();
}

async function vote(page: Page, code: string, teams: string[]) {
  await page.goto(`/vote/${code}`);
  const list = page.getByRole("list", { name: "Teams" });
  await expect(list).toHaveAttribute("data-ready", "true");
  // clear whatever was picked before, then pick in order
  const picked = list.getByRole("button", { pressed: true });
  while ((await picked.count()) > 0) await picked.first().click();
  for (const team of teams) await list.getByRole("button", { name: new RegExp(`^${team}`) }).click();
  await page.getByRole("button", { name: "Send my vote" }).click();
  await expect(page.getByRole("status")).toContainText("Your vote is in");
}

test("phones vote while the projector counts, the organizer closes the vote and reveals the podium from third to first", async ({ browser }) => {
  const organizer = await (await browser.newContext()).newPage();
  await signIn(organizer, "organizer@demo.test");
  await organizer.goto("/editions/0x09/stage");
  const displayUrl = await organizer.getByLabel("Projector link").inputValue();
  await organizer.goto("/editions/0x09/vote");
  // vote-integrity.spec.ts ran first on this vote: it left it closed, with its ballots voided
  await organizer.getByRole("button", { name: /^(Open|Reopen) the vote$/ }).click();
  await expect(organizer.getByTestId("vote-status")).toHaveText("Open");

  const projector = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await projector.goto(displayUrl);
  await expect(projector.getByRole("img", { name: /QR code for .*\/vote\// })).toBeVisible();
  const code = (await projector.getByTestId("join-code").textContent())!;
  await expect(projector.getByTestId("ballot-count")).toHaveText("0 ballots");

  // a voter types the code, in lower case, on the join page
  const first = await phone(browser);
  await first.goto("/vote");
  await first.getByLabel("Code shown on the screen").fill(code.toLowerCase());
  await first.getByRole("button", { name: "Join" }).click();
  await expect(first).toHaveURL(new RegExp(`/vote/${code}$`));
  await vote(first, code, ["Heatmappers", "Kernel Sanders", "Snake Case"]);
  // …and changes their mind: only the last ballot counts
  await vote(first, code, ["Kernel Sanders", "Heatmappers", "Snake Case"]);
  await vote(await phone(browser), code, ["Kernel Sanders", "Snake Case", "Heatmappers"]);
  // a phone that loses the network keeps the choice on screen and retries until the ballot is in
  const offline = await phone(browser);
  await offline.goto(`/vote/${code}`);
  const list = offline.getByRole("list", { name: "Teams" });
  await expect(list).toHaveAttribute("data-ready", "true");
  for (const team of ["Kernel Sanders", "Heatmappers", "Sonic Boom"]) await list.getByRole("button", { name: new RegExp(`^${team}`) }).click();
  await offline.context().setOffline(true);
  await offline.getByRole("button", { name: "Send my vote" }).click();
  await expect(offline.getByText(/No connection. Your choice is kept/)).toBeVisible();
  await expect(list.getByRole("button", { pressed: true })).toHaveCount(3);
  await offline.context().setOffline(false);
  await expect(offline.getByRole("status")).toContainText("Your vote is in: 1st Kernel Sanders, 2nd Heatmappers, 3rd Sonic Boom", { timeout: 15_000 });
  await expect(projector.getByTestId("ballot-count")).toHaveText("3 ballots");
  await expect(organizer.getByTestId("ballot-count")).toHaveText("3 ballots");
  // the projector never shows results while the vote is open
  await expect(projector.getByTestId("podium")).toHaveCount(0);

  // bad ballots are explained
  const api = first.request;
  const tooMany = await api.put(`/api/vote/${code}/ballot`, { data: { teamIds: ["a", "b", "c", "d"] } });
  expect(tooMany.status()).toBe(422);
  expect((await tooMany.json()).error.message).toBe("Pick at most 3 teams.");
  const unknown = await api.put(`/api/vote/${code}/ballot`, { data: { teamIds: ["no-such-team"] } });
  expect(unknown.status()).toBe(422);
  expect((await unknown.json()).error.message).toBe("One of the teams picked is not in this vote.");
  const malformed = await api.put(`/api/vote/${code}/ballot`, { data: { teamIds: "Heatmappers" } });
  expect(malformed.status()).toBe(400);
  expect((await api.get(`/api/vote/NOPE42`)).status()).toBe(404);

  await organizer.getByRole("button", { name: "Close the vote" }).click();
  await expect(organizer.getByTestId("vote-status")).toHaveText("Closed");
  await expect(projector.getByText("The vote is closed")).toBeVisible();
  // a late ballot is refused
  const late = await phone(browser);
  // the page asks for its voter card once loaded: the late ballot below goes with it (without one it is a 403)
  const carded = late.waitForResponse((r) => new URL(r.url()).pathname === `/api/vote/${code}` && r.request().method() === "GET");
  await late.goto(`/vote/${code}`);
  await carded;
  await expect(late.getByText("The vote is closed. Thank you!")).toBeVisible();
  const lateApi = await late.request.put(`/api/vote/${code}/ballot`, { data: { teamIds: [] } });
  expect(lateApi.status()).toBe(422);

  // audience points: Kernel Sanders 9, Heatmappers 5, Snake Case 3; the mini-challenge bonus comes on top,
  // so the podium follows the organizer's full results (place, team) rather than the audience alone
  const results = organizer.getByTestId("results");
  await expect(
    results
      .getByRole("row", { name: /Kernel Sanders/ })
      .getByRole("cell")
      .nth(1),
  ).toHaveText("9");
  const ranking = await Promise.all(
    (await results.getByRole("row").all()).map(async (row) => ({
      place: Number((await row.getByRole("cell").first().textContent())!.replace("=", "")),
      name: (await row.getByRole("rowheader").textContent())!,
    })),
  );
  const words = ["", "first", "second", "third"];
  for (const place of [...new Set(ranking.filter((r) => r.place <= 3).map((r) => r.place))].sort().reverse()) {
    await organizer.getByRole("button", { name: `Reveal ${words[place]} place` }).click();
    for (const r of ranking.filter((x) => x.place === place)) await expect(projector.getByTestId("podium")).toContainText(r.name);
    if (place > 1) await expect(projector.getByTestId("place-1")).toHaveCount(0);
  }
  await expect(organizer.getByRole("button", { name: /^Reveal/ })).toHaveCount(0);
  await expect(projector.getByTestId("podium")).toContainText("(9 audience + ");

  // the exports: anonymized ballots, and results that match
  const ballots = await organizer.request.get("/api/editions/0x09/vote/ballots.csv");
  const csv = await ballots.text();
  expect(csv.split("\r\n")[0]).toBe("ballot,rank,team");
  expect(csv).not.toMatch(/device:|user:/);
  expect(csv.trim().split("\r\n")).toHaveLength(1 + 9);
  const resultsCsv = await (await organizer.request.get("/api/editions/0x09/vote/results.csv")).text();
  const winner = ranking.find((r) => r.place === 1)!.name;
  expect(resultsCsv.split("\r\n")[1]).toMatch(new RegExp(`^1,${winner},`));

  // the winners stay on the edition page
  await organizer.goto("/editions/0x09");
  await expect(organizer.getByRole("region", { name: "Prizes" })).toContainText(winner);
});
