// Continuity across editions, in the browser: an organizer tells what became
// of a finished edition's project (the edition page and the archive say so),
// then revives that project as a proposal of a new edition open for
// proposals, where it links back to where it came from.
import { expect, test } from "./test";
import { expectAccessible, setPhase, signIn, signUp, unique } from "./helpers";

test("a finished project's outcome is told, shown and counted; then it is revived in a new edition", async ({ browser }) => {
  test.setTimeout(90_000);
  const organizer = await (await browser.newContext()).newPage();
  await signIn(organizer, "organizer@demo.test");
  await organizer.goto("/editions/0x08/teams");
  const teamLink = organizer.locator('main a[href^="/editions/0x08/teams/"]').first();
  const team = (await teamLink.textContent())!.trim();
  await teamLink.click();

  const outcome = organizer.getByRole("region", { name: "What happened next" });
  await outcome.getByLabel("What became of it").selectOption({ label: "Adopted into the product" });
  await outcome.getByLabel("Since when").fill("2026-03-02");
  await outcome.getByLabel("In a few words").fill("Shipped to every customer in release 4.2.");
  // a link that isn't a web address: refused, and what was typed stays
  await outcome.getByLabel("Links (optional)").fill("javascript:alert(1)");
  await outcome.getByRole("button", { name: "Save the outcome" }).click();
  await expect(outcome.getByText("Each line must be a web address starting with http:// or https://.").first()).toBeVisible();
  await expect(outcome.getByLabel("In a few words")).toHaveValue("Shipped to every customer in release 4.2.");
  await outcome.getByLabel("Links (optional)").fill("https://tracker.example/PROJ-42");
  await outcome.getByRole("button", { name: "Save the outcome" }).click();
  await expect(outcome.getByText("Saved: the edition's page tells it.").first()).toBeVisible();
  await expectAccessible(organizer);

  // the edition's page and the archive tell it, to anyone
  const reader = await (await browser.newContext()).newPage();
  await reader.goto("/editions/0x08");
  const next = reader.getByRole("region", { name: "What happened next" });
  await expect(next).toContainText(team);
  await expect(next).toContainText("Adopted into the product");
  await expect(next.getByRole("link", { name: "tracker.example/PROJ-42" })).toBeVisible();
  await reader.goto("/editions");
  await expect(reader.getByRole("main")).toContainText(/\d+ of \d+ projects of the last (two|three) editions (is|are) in the product/);

  // a new edition opens for proposals: the project comes back in it, linked to where it came from
  await organizer.goto("/editions/new");
  await organizer.getByLabel("Title").fill(`Hackathon revived ${unique()}`);
  await organizer.getByRole("button", { name: "Create edition" }).click();
  await expect(organizer).toHaveURL(/\/editions\/0x[0-9A-F]+\/manage$/);
  const editionUrl = /\/editions\/0x[0-9A-F]+/.exec(organizer.url())![0];
  await setPhase(organizer, editionUrl, "Proposals open");
  await organizer.goto("/editions/0x08/teams");
  await organizer.getByRole("link", { name: team, exact: true }).first().click();
  await organizer.getByRole("button", { name: `Revive in ${editionUrl.slice(-4)}` }).click();
  await organizer.getByRole("alertdialog").getByRole("button", { name: "Revive" }).click();
  await expect(organizer).toHaveURL(new RegExp(`${editionUrl}/topics/[a-z0-9]+/edit$`));
  await organizer.goto(organizer.url().replace(/\/edit$/, ""));
  const from = organizer.getByRole("region", { name: /^Revived from 0x08/ });
  await expect(from).toContainText(`team ${team}'s project`);
  await expectAccessible(organizer);

  // back to a draft: the other walks see the demo as it was
  await setPhase(organizer, editionUrl, "Draft");
});

test("a person downloads their data; when they leave, an organizer forgets them and their session ends", async ({ browser }) => {
  const email = `leaving-${unique()}@demo.test`;
  const leaving = await (await browser.newContext()).newPage();
  await signUp(leaving, { name: "Lea Leaving", email, password: "a long enough password" });
  await leaving.goto("/account");
  const download = await leaving.request.get("/api/me/data");
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="hexathon-my-data-/);
  const data = await download.json();
  expect(data.profile).toMatchObject({ name: "Lea Leaving", email });
  await expect(leaving.getByRole("link", { name: "Download your data (JSON)" })).toHaveAttribute("href", "/api/me/data");

  const organizer = await (await browser.newContext()).newPage();
  await signIn(organizer, "organizer@demo.test");
  await organizer.goto("/people");
  await organizer.getByRole("link", { name: "Forget Lea Leaving" }).click();
  await expect(organizer.getByRole("heading", { level: 1 })).toHaveText("Forget Lea Leaving");
  await expectAccessible(organizer);
  // not confirmed: refused, nothing happens
  await organizer.getByRole("button", { name: "Forget Lea Leaving" }).click();
  await expect(organizer.getByRole("main").getByRole("alert")).toContainText("Tick the box to confirm");
  await organizer.getByLabel(`Lea Leaving (${email}) left the company`).check();
  await organizer.getByRole("button", { name: "Forget Lea Leaving" }).click();
  await expect(organizer).toHaveURL(/\/people\?forgotten=1$/);
  await expect(organizer.getByRole("main")).not.toContainText(email);

  // their browser is signed out, and the address signs in no more
  await leaving.reload();
  await expect(leaving.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
});
