// Jury prizes: the organizer defines one, the judges vote from their phones,
// the organizer awards it, and it shows on the edition page.
import { devices, expect, test } from "./test";
import { signIn } from "./helpers";

test("a jury prize is defined, voted by a judge on a phone, awarded, and shown on the edition page", async ({ browser }) => {
  const organizer = await (await browser.newContext()).newPage();
  await signIn(organizer, "organizer@demo.test");
  await organizer.goto("/editions/0x09/prizes");
  await organizer.getByRole("button", { name: "Add jury prize" }).click();
  await expect(organizer.getByText("Prize name is required.")).toBeVisible();
  await organizer.getByLabel("Prize name").fill("Best live demo prize");
  await organizer.getByLabel("Description (optional)").fill("Chosen by the product managers.");
  await organizer.getByRole("button", { name: "Add jury prize" }).click();
  await expect(organizer.getByRole("heading", { name: "Best live demo prize" })).toBeVisible();

  const judge = await (await browser.newContext({ ...devices["Pixel 7"] })).newPage();
  await signIn(judge, "judge@demo.test");
  await judge.goto("/editions/0x09/jury");
  const ballot = judge.getByRole("region", { name: "Best live demo prize" });
  await ballot.getByLabel("Your pick").selectOption({ label: "Heatmappers" });
  await ballot.getByRole("button", { name: "Save my jury vote" }).click();
  await expect(ballot.getByText("Your jury vote is saved.")).toBeVisible();

  const alice = await (await browser.newContext()).newPage();
  await signIn(alice, "alice@demo.test");
  await alice.goto("/editions/0x09/jury");
  await expect(alice.getByRole("main").getByRole("alert")).toContainText("Only judges vote for jury prizes.");

  await organizer.reload();
  await expect(organizer.getByRole("list", { name: "Jury votes for Best live demo prize" })).toContainText("Heatmappers: 1 vote");
  const card = organizer.getByRole("region", { name: "Best live demo prize" });
  // the jury's choice is preselected
  await expect(card.getByLabel("Award to")).toHaveValue(
    (await card.getByLabel("Award to").locator("option", { hasText: "Heatmappers" }).getAttribute("value"))!,
  );
  await card.getByRole("button", { name: "Award prize" }).click();
  await expect(card.getByTestId("prize-winner")).toHaveText("Awarded to Heatmappers");

  await alice.goto("/editions/0x09");
  await expect(alice.getByRole("list", { name: "Jury prizes" })).toContainText("Best live demo prize: Heatmappers");
});
