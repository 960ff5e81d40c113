// The synchronized five-minute timer, on three screens at once: the
// organizer's stage control, the projector (from its secret link, no sign-in)
// and a phone following the live page.
import { devices, expect, test, type Page } from "./test";
import { signIn } from "./helpers";

const remaining = (page: Page) => page.getByTestId("countdown").getAttribute("data-remaining-ms").then(Number);
const status = (page: Page) => page.getByTestId("countdown").getAttribute("data-status");

/** One countdown's reading: what it shows and the instant (the browser's clock, shared by its pages) it shows it for. */
const reading = (page: Page) =>
  page.getByTestId("countdown").evaluate((e) => ({
    remaining: Number(e.getAttribute("data-remaining-ms")),
    at: Number(e.getAttribute("data-at")),
    status: e.getAttribute("data-status"),
  }));

/**
 * Both countdowns, and how far apart they are: running, the instants at which each says the slot
 * ends (so a busy machine reading one page after the other adds nothing); paused, what they show.
 */
async function bothRemaining(a: Page, b: Page) {
  const [x, y] = await Promise.all([reading(a), reading(b)]);
  const gap = x.status === "RUNNING" && y.status === "RUNNING" ? Math.abs(x.remaining + x.at - (y.remaining + y.at)) : Math.abs(x.remaining - y.remaining);
  return { a: x.remaining, b: y.remaining, gap };
}

test("the projector and a phone show the organizer's timer within 100 ms, through pause, resume, next team and a reload", async ({ browser }) => {
  const organizer = await (await browser.newContext()).newPage();
  await signIn(organizer, "organizer@demo.test");
  await organizer.goto("/editions/0x09/stage");
  const displayUrl = await organizer.getByLabel("Projector link").inputValue();
  expect(displayUrl).toMatch(/\/display\/[\w-]{16,}$/);

  const projector = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await projector.goto(displayUrl);
  const phone = await (await browser.newContext({ ...devices["Pixel 7"] })).newPage();
  await phone.goto("/editions/0x09/live");
  await expect(phone.getByText("● live")).toBeVisible();
  await expect(projector.getByText("● live")).toBeVisible();

  await organizer.getByRole("button", { name: /^Start/ }).click();
  await expect(organizer.getByTestId("current-team")).not.toHaveText("Nobody on stage yet");
  const onStage = (await organizer.getByTestId("current-team").textContent())!;
  await expect(projector.getByTestId("current-team")).toHaveText(onStage);
  await expect(phone.getByTestId("current-team")).toHaveText(onStage);
  await expect.poll(() => status(projector)).toBe("RUNNING");
  await expect.poll(() => status(phone)).toBe("RUNNING");
  // the start's lead (400 ms), then the shown second changes (what the countdown re-renders for) at least once
  await projector.waitForTimeout(1800);
  const running = await bothRemaining(projector, phone);
  expect(running.a).toBeLessThan(300_000);
  expect(running.a).toBeGreaterThan(290_000);
  expect(running.gap).toBeLessThan(100);

  // pause: every screen freezes on the same remaining time
  await organizer.keyboard.press("Space");
  await expect.poll(() => status(projector)).toBe("PAUSED");
  await expect.poll(() => status(phone)).toBe("PAUSED");
  const paused = await bothRemaining(projector, phone);
  expect(paused.gap).toBe(0);
  await projector.waitForTimeout(700);
  expect(await remaining(projector)).toBe(paused.a);

  // resume from where it was
  await organizer.keyboard.press("Space");
  await expect.poll(() => status(phone)).toBe("RUNNING");
  await projector.waitForTimeout(600);
  const resumed = await bothRemaining(projector, phone);
  expect(resumed.gap).toBeLessThan(100);
  expect(resumed.a).toBeLessThanOrEqual(paused.a);
  expect(resumed.a).toBeGreaterThan(paused.a - 2_000);

  // a reloaded phone comes back right at once, because the state is on the server
  await phone.reload();
  await expect.poll(() => status(phone)).toBe("RUNNING");
  await phone.waitForTimeout(800);
  expect((await bothRemaining(projector, phone)).gap).toBeLessThan(100);

  // +30 s, then the next team with a full slot (the N key)
  const before = await remaining(projector);
  await organizer.getByRole("button", { name: "+30 s" }).click();
  await expect.poll(() => remaining(projector)).toBeGreaterThan(before + 25_000);
  const nextName = (await organizer.getByTestId("next-team").locator("span").textContent())!;
  await organizer.keyboard.press("n");
  await expect(projector.getByTestId("current-team")).toHaveText(nextName);
  await expect(phone.getByTestId("current-team")).toHaveText(nextName);
  await expect.poll(() => status(projector)).toBe("IDLE");
  expect(await remaining(projector)).toBe(300_000);
  expect(await remaining(phone)).toBe(300_000);
});

test("only organizers control the stage", async ({ browser }) => {
  const alice = await (await browser.newContext()).newPage();
  await signIn(alice, "alice@demo.test");
  await alice.goto("/editions/0x09/stage");
  await expect(alice.getByRole("main").getByRole("alert")).toContainText("Only organizers run the presentations");
  const response = await alice.request.post("/api/editions/0x09/stage", { data: { command: "start" } });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.message).toBe("Only organizers can run the presentations.");
  // refused before the body is read: what is wrong with it is no business of hers
  const bad = await alice.request.post("/api/editions/0x09/stage", { data: { command: "explode" } });
  expect(bad.status()).toBe(403);
  expect((await alice.request.post("/api/editions/0x09/display-key")).status()).toBe(403);
  // a made-up display link shows nothing
  expect((await alice.goto("/display/not-a-real-key"))?.status()).toBe(404);
});

test("the running order changes with the keyboard, and a team sent to the end presents last", async ({ browser }) => {
  const organizer = await (await browser.newContext()).newPage();
  await signIn(organizer, "organizer@demo.test");
  await organizer.goto("/editions/0x09/stage");
  const order = organizer.getByRole("list", { name: "Running order" }).getByRole("listitem");
  const first = (await order.first().locator("span.font-semibold").textContent())!;
  await organizer.getByRole("button", { name: `Send ${first} to the end` }).click();
  await expect(order.last()).toContainText(first);
  await organizer.reload();
  await expect(order.last()).toContainText(first);
  const second = (await order.nth(1).locator("span.font-semibold").textContent())!;
  await organizer.getByRole("button", { name: `Move ${second} up` }).click();
  await expect(order.first()).toContainText(second);

  // a leaked projector link is revoked by making a new one
  const link = organizer.getByLabel("Projector link");
  const old = await link.inputValue();
  await organizer.getByRole("button", { name: /Make a new link/ }).click();
  await expect(link).not.toHaveValue(old);
  expect((await organizer.request.get(old)).status()).toBe(404);
  expect((await organizer.request.get(await link.inputValue())).status()).toBe(200);
});
