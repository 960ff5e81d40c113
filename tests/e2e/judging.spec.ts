// Judging tracks in the browser: the organizer sets up a pairwise track and
// invites a judge with a one-time link and its QR code; the judge, with no
// account, opens it on a phone, judges, undoes a judgment; the organizer
// deliberates with the ranking and how sure it is. Accessible, and no wider
// than the phone.
import { qrSvg } from "@/lib/platform/qr";
import { devices, expect, test, type Page } from "./test";
import { expectAccessible, signIn, unique } from "./helpers";

async function expectFitsThePhone(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, "the page is no wider than the phone").toBeLessThanOrEqual(page.viewportSize()!.width);
}

test("an invited judge judges on a phone and undoes a judgment; the organizer deliberates", async ({ browser }) => {
  const name = `Best demo ${unique()}`;
  const organizer = await (await browser.newContext()).newPage();
  await signIn(organizer, "organizer@demo.test");
  await organizer.goto("/editions/0x09/judging");
  const setup = organizer.getByRole("region", { name: "New track" });
  await setup.getByRole("button", { name: "Create track" }).click();
  await expect(setup.getByText("Track name is required.")).toBeVisible();
  await setup.getByLabel("Track name").fill(name);
  await setup.getByLabel("How judges judge").selectOption("PAIRWISE");
  await setup.getByRole("button", { name: "Create track" }).click();
  await expect(organizer.getByRole("link", { name })).toBeVisible();

  // the invitation: a link shown once, and its QR code, which encodes exactly that link
  const invites = organizer.getByRole("region", { name: "Invite judges" });
  await invites.getByLabel("Who it is for").fill("Dana from product");
  // this track only (the edition has others)
  const boxes = invites.getByRole("group", { name: "Tracks they judge" }).getByRole("checkbox");
  for (const box of await boxes.all()) await box.setChecked((await box.evaluate((el) => el.parentElement?.textContent?.trim())) === name);
  await invites.getByRole("button", { name: "Create invitation" }).click();
  const link = await invites.getByRole("textbox", { name: "Invitation link" }).inputValue();
  expect(link).toMatch(/\/judge\?t=[\w-]{20,}$/);
  // the same modules as the link's own QR code (the browser serializes the SVG its own way: compare the drawing)
  const modules = (svg: string) => /stroke="#0f172a" d="([^"]+)"/.exec(svg)?.[1];
  const qr = modules(await invites.getByRole("img", { name: "QR code of the invitation link" }).innerHTML());
  expect(qr && qr === modules(await qrSvg(link)), "the QR code encodes the invitation link").toBe(true);

  await organizer.getByRole("link", { name }).click();
  await organizer.getByRole("button", { name: "Open judging" }).click();
  await expect(organizer.getByRole("button", { name: "Pause judging" })).toBeVisible();

  // the judge, on a phone, with no account
  const phone = await browser.newContext({ ...devices["Pixel 7"] });
  const judge = await phone.newPage();
  await judge.goto(new URL(link).pathname + new URL(link).search);
  await expect(judge.getByRole("heading", { name: /Judge in edition 0x09/ })).toBeVisible();
  await expectAccessible(judge);
  await judge.getByLabel("Your name").fill("Dana Product");
  await judge.getByRole("button", { name: "Start judging" }).click();
  await expect(judge.getByRole("heading", { name: "Judging", exact: true })).toBeVisible();
  // the link worked once: opened again, it says so
  const other = await (await browser.newContext({ ...devices["Pixel 7"] })).newPage();
  await other.goto(new URL(link).pathname + new URL(link).search);
  await expect(other.getByRole("main").getByRole("alert")).toContainText("already used");

  await judge.getByRole("list", { name: "Tracks" }).getByRole("listitem").filter({ hasText: name }).getByRole("link", { name: "Judge this track" }).click();
  await expect(judge.getByTestId("progress")).toHaveText(/0 of \d+ teams seen/);
  await judge.getByRole("button", { name: "Send me to a team" }).click();
  const first = (await judge.getByTestId("next-team").textContent())!;
  await judge.getByLabel(/^Notes/).fill("Great live demo");
  await judge.getByText("★ Star: a likely winner").click();
  await judge.getByRole("button", { name: `I have seen ${first}` }).click();
  await expect(judge.getByTestId("progress")).toHaveText(/^1 of/);
  const second = (await judge.getByTestId("next-team").textContent())!;
  expect(second).not.toBe(first);
  await expect(judge.getByRole("button", { name: /\(the one before\)/ })).toHaveText(`${first} (the one before)`);
  await expectAccessible(judge);
  await expectFitsThePhone(judge);
  await judge.getByRole("button", { name: `${second} (this one)` }).click();
  await expect(judge.getByTestId("progress")).toHaveText(/^2 of/);

  // my judgments, newest first, each with undo
  const mine = judge.getByRole("list", { name: "My judgments, newest first" });
  await expect(mine.getByRole("listitem").first()).toContainText(`Compared ${second} — preferred ${second}`);
  await mine.getByRole("button", { name: `Undo: Compared ${second}` }).click();
  await expect(mine.getByRole("listitem").first()).toContainText("withdrawn");
  await expect(judge.getByTestId("progress")).toHaveText(/^1 of/);
  await expectFitsThePhone(judge);
  // the chain goes on from the team seen before the undone comparison
  await expect(judge.getByRole("button", { name: /\(the one before\)/ })).toHaveText(`${first} (the one before)`);
  await judge.getByRole("button", { name: /\(this one\)/ }).click();
  await expect(judge.getByTestId("progress")).toHaveText(/^2 of/);

  // the organizer's deliberation: the star and the note beside the team, the judge and the withdrawal
  await organizer.reload();
  const ranking = organizer.getByRole("list", { name: "Ranking" });
  const firstRow = ranking.getByRole("listitem").filter({ hasText: first });
  await expect(firstRow.getByLabel("1 star")).toBeVisible();
  await firstRow.getByText("Notes (1)").click();
  await expect(firstRow).toContainText("Dana Product ★: Great live demo");
  await expect(organizer.getByTestId("settled")).toContainText("not settled");
  await expect(organizer.getByRole("region", { name: "Ranking and how sure it is" })).toContainText("Dana Product (invited): 2 judgments, 1 withdrawn");
  await expectAccessible(organizer);

  // pausing: the judge's page says so (it hears the change) and the form is gone
  await organizer.getByRole("button", { name: "Pause judging" }).click();
  await expect(judge.getByText(/Judging in this track is paused/)).toBeVisible();
  await expect(judge.getByRole("button", { name: /I have seen|this one/ })).toHaveCount(0);

  // the exports: every judgment for the organizer (the undone one marked), nothing for the judge
  const judgmentsCsv = (await organizer.getByRole("link", { name: "Every judgment (CSV)" }).getAttribute("href"))!;
  const csv = await organizer.request.get(judgmentsCsv);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines).toHaveLength(4);
  expect(lines[2]).toMatch(/undone by the judge/);
  const stranger = await judge.request.get(judgmentsCsv);
  expect(stranger.status()).toBe(404);
});
