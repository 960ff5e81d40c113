// Ballot stuffing, tried from outside: an anonymous ballot needs the voter
// card the vote page hands out (a PUT without one, or with a forged one, is
// refused with the reason and changes nothing); GET hands one out, and then
// the ballot counts. Every request of the browser tests comes from 127.0.0.1,
// one client address: the organizer sees the ballots as one cluster on the
// vote control, voids it (the count drops everywhere), restores it, voids it
// again.
//
// Files run in name order, so this runs before vote.spec.ts, on the same vote
// of 0x09: it leaves that vote closed with every ballot it cast voided (the
// count back where it was), and vote.spec.ts reopens it.
import { expect, test, type APIRequestContext } from "./test";
import { expectAccessible, signIn } from "./helpers";

const ballots = (n: number) => `${n} ${n === 1 ? "ballot" : "ballots"}`;

test("a ballot needs the voter card of the vote page; the organizer voids a cluster and the count drops", async ({ page, playwright, baseURL }) => {
  await signIn(page, "organizer@demo.test");
  await page.goto("/editions/0x09/vote");
  // with the company's SSO configured (the test server has one), the rules recommend one ballot per person
  await expect(page.getByTestId("sign-in-advice")).toHaveText(
    "Recommended: one ballot per person (people sign in with Demo SSO: nobody can stuff the ballot box from one laptop, which one ballot per phone can't promise).",
  );
  await expect(page.getByLabel("Count name+anything@company as name@company (one ballot per mailbox)")).toBeVisible();
  await page.getByRole("button", { name: /^(Open|Reopen) the vote$/ }).click();
  await expect(page.getByTestId("vote-status")).toHaveText("Open");
  const code = /\/vote\/([A-Z0-9]+)$/.exec((await page.getByRole("link", { name: /\/vote\// }).getAttribute("href"))!)![1];
  const count = page.getByTestId("ballot-count");
  const before = Number(/\d+/.exec((await count.textContent())!)![0]);
  const options = async (api: APIRequestContext) => {
    const response = await api.get(`/api/vote/${code}`);
    expect(response.status()).toBe(200);
    return (await response.json()) as { ballots: number; myBallot: string[] | null; teams: { id: string; name: string }[] };
  };
  const teamIds = (await options(page.request)).teams.map((t) => t.id);
  const contexts: APIRequestContext[] = [];
  const phone = async () => {
    const context = await playwright.request.newContext({ baseURL });
    contexts.push(context);
    return context;
  };

  // no card: refused, with where to get one, and nothing counted
  const bare = await phone();
  const refused = await bare.put(`/api/vote/${code}/ballot`, { data: { teamIds: [teamIds[0]] } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toEqual({
    code: "FORBIDDEN",
    message: `Open the vote page first: your phone gets its voter card there (${new URL(baseURL!).host}/vote/${code}). If it is open, allow cookies for this site and reload it.`,
  });
  // a forged card: refused too
  for (const cookie of [`hexathon_voter=${"A".repeat(22)}.${"B".repeat(43)}`, `hexathon_voter=${"A".repeat(22)}`]) {
    const forged = await bare.put(`/api/vote/${code}/ballot`, { data: { teamIds: [teamIds[0]] }, headers: { cookie } });
    expect(forged.status(), cookie).toBe(403);
    expect((await forged.json()).error.code).toBe("FORBIDDEN");
  }
  // a hundred tries change nothing
  for (let i = 0; i < 100; i++) expect((await bare.put(`/api/vote/${code}/ballot`, { data: { teamIds: [teamIds[1]] } })).status()).toBe(403);
  expect((await options(page.request)).ballots).toBe(before);
  await expect(count).toHaveText(ballots(before));

  // the vote page's request hands out a card, once; then the ballot counts
  const phones: APIRequestContext[] = [];
  for (let i = 0; i < 4; i++) {
    const api = await phone();
    const join = await api.get(`/api/vote/${code}`);
    expect(join.status()).toBe(200);
    expect(join.headers()["set-cookie"]).toMatch(/hexathon_voter=/);
    const put = await api.put(`/api/vote/${code}/ballot`, { data: { teamIds: [teamIds[i % 3]] } });
    expect(put.status(), await put.text()).toBe(200);
    expect((await put.json()).ok).toBe(true);
    phones.push(api);
  }
  const again = await phones[0].get(`/api/vote/${code}`);
  expect(again.headers()["set-cookie"] ?? "").not.toMatch(/hexathon_voter=/);
  expect(((await again.json()) as { myBallot: string[] }).myBallot).toEqual([teamIds[0]]);
  await expect(count).toHaveText(ballots(before + 4));

  // the organizer sees them as one address (all from 127.0.0.1), ballots per minute too, and voids them
  const addresses = page.getByRole("table", { name: /Ballots by address/ });
  const row = addresses.getByRole("row").filter({ has: page.getByRole("button", { name: /^Void these ballots/ }) });
  await expect(row).toHaveCount(1, { timeout: 15_000 });
  await expect(row.getByRole("cell").first()).toHaveText(String(before + 4));
  await expect(page.getByRole("table", { name: /Ballots per minute/ }).getByRole("row")).not.toHaveCount(1); // a header and the minutes
  const voidCluster = async (reason: string) => {
    await row.getByRole("button", { name: /^Void these ballots/ }).click();
    const form = page.getByRole("form", { name: /Void ballots from address/ });
    await form.getByLabel("Reason (kept in the audit trail)").fill(reason);
    await form.getByRole("button", { name: `Void ${ballots(before + 4)}` }).click();
    await expect(form).toHaveCount(0);
  };
  await voidCluster("Four ballots from one laptop within seconds");
  await expect(count).toHaveText(ballots(before));
  expect((await options(phones[1])).ballots).toBe(before);
  const voids = page.getByTestId("voids");
  await expect(voids).toContainText(`${ballots(4)} from address`);
  await expect(voids).toContainText("Voided by Olivia");
  await expect(voids).toContainText("Four ballots from one laptop within seconds");
  await expect(row).toHaveCount(0); // nothing left to void there

  // a voided phone sends its ballot again: still not counted
  expect((await phones[0].put(`/api/vote/${code}/ballot`, { data: { teamIds: [teamIds[1]] } })).status()).toBe(200);
  await expect.poll(async () => (await options(phones[2])).ballots).toBe(before);
  await expect(count).toHaveText(ballots(before));

  // restored: they count again, and the void stays listed
  await voids.getByRole("button", { name: /^Restore/ }).click();
  await expect(count).toHaveText(ballots(before + 4));
  await expect(voids).toContainText("Restored by");
  expect((await options(phones[3])).ballots).toBe(before + 4);

  // the page on a phone: accessible, nothing wider than the screen
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  // voided again and the vote closed: vote.spec.ts starts from the count it found
  await voidCluster("Ballots of the browser tests");
  await expect(count).toHaveText(ballots(before));
  await page.getByRole("button", { name: "Close the vote" }).click();
  await expect(page.getByTestId("vote-status")).toHaveText("Closed");
  for (const context of contexts) await context.dispose();
});
