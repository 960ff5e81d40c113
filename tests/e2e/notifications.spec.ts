// News where people are, in the browser: an organizer connects a
// Mattermost-style channel (a real HTTP receiver on this machine) to a new
// edition, tests it, opens proposals and proposes a topic, and sees each
// message arrive and the outbox say so; an employee's topic reaches the
// channel and the organizer's mailbox (a real SMTP server), whose email
// unsubscribes without signing in; another tool's signing secret is shown
// once; an address inside the network is refused with the form kept;
// calendars subscribe to the agenda.
import ICAL from "ical.js";
import { verifySignature } from "@/lib/notifications/signing";
import { startReceiver } from "../helpers/http-receiver.mjs";
import { expect, test } from "./test";
import { expectAccessible, mailTo, setPhase, signIn, unique } from "./helpers";

test.describe.configure({ mode: "serial" });

let receiver: Awaited<ReturnType<typeof startReceiver>>;
/** The edition the first test creates; the second goes on with it and returns it to a draft. */
let editionUrl = "";
test.beforeAll(async () => {
  receiver = await startReceiver();
});
test.afterAll(async () => {
  await receiver.close();
});

/** What the receiver got on `path`, waited for (the outbox sends within a moment, or within its 5-second round). */
async function arrived(path: string, count: number) {
  await expect.poll(() => receiver.received.filter((r) => r.path === path).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
  return receiver.received.filter((r) => r.path === path).map((r) => ({ ...r, json: JSON.parse(r.body) }));
}

test("a chat channel gets the test message, the phase change and the new topic; the outbox shows each", async ({ browser }) => {
  test.setTimeout(120_000);
  const organizer = await (await browser.newContext()).newPage();
  await signIn(organizer, "organizer@demo.test");
  await organizer.goto("/editions/new");
  await organizer.getByLabel("Title").fill("Hackathon with a chat");
  await organizer.getByRole("button", { name: "Create edition" }).click();
  await expect(organizer).toHaveURL(/\/editions\/0x[0-9A-F]+\/manage$/);
  editionUrl = /\/editions\/0x[0-9A-F]+/.exec(organizer.url())![0];

  await organizer.goto(`${editionUrl}/notifications`);
  // the mail server is checked as sending would use it
  await expect(organizer.getByRole("region", { name: "Email" }).getByRole("status")).toContainText(/The mail server at 127\.0\.0\.1:\d+ answers/);
  await expectAccessible(organizer);
  const form = organizer.getByRole("region", { name: "Add a chat channel or webhook" });
  await form.getByLabel("Where it posts").selectOption({ label: "Mattermost" });
  await form.getByLabel("Name", { exact: true }).fill("#hackathon");
  // the channel's own language, whatever the instance's becomes (it is English here)
  await expect(form.getByLabel("Language of its messages")).toHaveValue("");
  await expect(form.getByLabel("Language of its messages").getByRole("option", { selected: true })).toHaveText("The instance’s (English)");
  await form.getByLabel("Language of its messages").selectOption({ label: "English" });
  // inside the company's network, not ticked as internal: refused, and what was typed stays
  await form.getByLabel("Webhook address").fill("http://10.20.30.40/hooks/abc");
  await form.getByRole("button", { name: "Add webhook" }).click();
  await expect(form.getByRole("alert")).toContainText("10.20.30.40 is a private address: tick “It is an internal server”");
  await expect(form.getByLabel("Webhook address")).toHaveValue("http://10.20.30.40/hooks/abc");
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue("#hackathon");
  await expect(form.getByLabel("Language of its messages")).toHaveValue("en");
  await form.getByLabel("Webhook address").fill(`${receiver.url}/hooks/mattermost`);
  await form.getByRole("button", { name: "Add webhook" }).click();
  await expect(form.getByText("“#hackathon” added.", { exact: false })).toBeVisible();

  const hook = organizer.getByRole("region", { name: "#hackathon" });
  await expect(hook).toContainText("in English");
  await hook.getByRole("button", { name: "Send a test message to #hackathon" }).click();
  const [test_] = await arrived("/hooks/mattermost", 1);
  expect(test_.json.text).toContain("a test message");

  await setPhase(organizer, editionUrl, "Proposals open");
  const topic = `Chat-ops for the build farm ${unique()}`;
  await organizer.goto(`${editionUrl}/topics/new`);
  await organizer.getByLabel("Title").fill(topic);
  await organizer.getByLabel("Kind").selectOption({ label: "Team tooling" });
  await organizer.getByLabel("Pitch").fill("Post every red build to the team's channel, with who broke it.");
  await organizer.getByRole("button", { name: "Propose topic" }).click();
  await expect(organizer.getByRole("heading", { level: 1, name: topic })).toBeVisible();

  const messages = await arrived("/hooks/mattermost", 3);
  expect(messages[1].json.text).toMatch(/proposals open/);
  expect(messages[2].json.text).toContain(`new topic “${topic.replace(/-/g, "\\-")}”`);
  expect(messages[2].json.text).toContain(`${editionUrl}/topics/`);

  await organizer.goto(`${editionUrl}/notifications`);
  const outbox = organizer.getByRole("list", { name: "Messages" });
  await expect(outbox.getByRole("listitem")).toHaveCount(3);
  await expect(outbox.getByLabel(/new topic .*: Sent$/)).toBeVisible();
  await expect(organizer.getByText("0 queued · 3 sent · 0 failed")).toBeVisible();

  // the channel changes its name, its news and its language without being added again
  const card = organizer.getByRole("region", { name: "#hackathon" });
  await card.getByText("Change its name, language or news").click();
  const settings = card.getByRole("form", { name: "Change #hackathon" });
  await settings.getByLabel("Name", { exact: true }).fill("#hackathon-fr");
  await settings.getByLabel("Language of its messages").selectOption({ label: "Français" });
  for (const box of await settings.getByRole("checkbox").all()) await box.uncheck();
  await settings.getByRole("button", { name: "Save changes" }).click();
  await expect(settings.getByText("Pick at least one kind of news it receives.")).toBeVisible();
  await expect(settings.getByLabel("Name", { exact: true })).toHaveValue("#hackathon-fr");
  await expect(settings.getByLabel("Language of its messages")).toHaveValue("fr");
  await settings.getByRole("checkbox", { name: "A topic is proposed" }).check();
  await expectAccessible(organizer);
  await settings.getByRole("button", { name: "Save changes" }).click();
  const renamed = organizer.getByRole("region", { name: "#hackathon-fr" });
  await expect(renamed).toContainText("in Français");
  await renamed.getByRole("button", { name: "Send a test message to #hackathon-fr" }).click();
  const [, , , frenchTest] = await arrived("/hooks/mattermost", 4);
  expect(frenchTest.json.text).toContain("un message de test");

  // a calendar app subscribes to the agenda: a real parser reads it
  const ics = await organizer.request.get(`${editionUrl}/agenda.ics`);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  const calendar = new ICAL.Component(ICAL.parse(await ics.text()));
  expect(calendar.getAllSubcomponents("vevent").map((e) => e.getFirstPropertyValue("summary"))).toContain(
    `${editionUrl.slice(-4)} Hackathon with a chat: hacking`,
  );
});

test("an employee's topic reaches the channel and the organizers' mailbox; the email unsubscribes from its link alone", async ({ browser }) => {
  test.setTimeout(90_000);
  const alice = await (await browser.newContext()).newPage();
  await signIn(alice, "alice@demo.test");
  const topic = `Release notes from commits ${unique()}`;
  await alice.goto(`${editionUrl}/topics/new`);
  await alice.getByLabel("Title").fill(topic);
  await alice.getByLabel("Kind").selectOption({ label: "Team tooling" });
  await alice.getByLabel("Pitch").fill("Write the release notes from the merged commits, grouped by component.");
  await alice.getByRole("button", { name: "Propose topic" }).click();
  await expect(alice.getByRole("heading", { level: 1, name: topic })).toBeVisible();

  // the channel asked for new topics only, in French, in the scenario before
  const [, , , , chat] = await arrived("/hooks/mattermost", 5);
  expect(chat.json.text).toContain(`nouveau sujet «\u00a0${topic}\u00a0»`);
  const mail = await mailTo("organizer@demo.test", new RegExp(`new topic to review, “${topic}”`));
  expect(mail.text).toContain("Proposed by Alice");
  expect(mail.html).toContain(`${editionUrl}/topics/`);
  expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  const oneClick = /^<(.+)>$/.exec(mail.headers["list-unsubscribe"])![1];

  // someone reading the email, signed in nowhere: the page asks, one click unsubscribes
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(/Stop these emails: (\S+)/.exec(mail.text)![1]);
  await expect(reader.getByRole("main")).toContainText("Stop emails about “topics to review” to organizer@demo.test?");
  await expectAccessible(reader);
  await reader.getByRole("button", { name: "Unsubscribe", exact: true }).click();
  await expect(reader.getByRole("status")).toHaveText("Done: organizer@demo.test gets no more emails of this kind.");
  // a mail provider's one-click (RFC 8058): a POST from its servers, no session, no Origin
  const post = await reader.request.post(oneClick, { form: { "List-Unsubscribe": "One-Click" } });
  expect(post.status()).toBe(200);
  expect(await reader.request.post(oneClick.replace(/\.[\w-]+\/one-click$/, ".forged/one-click"), { form: {} }).then((r) => r.status())).toBe(400);

  // the settings say so, and turn it back on
  const organizer = await (await browser.newContext()).newPage();
  await signIn(organizer, "organizer@demo.test");
  await organizer.goto("/account#email");
  const emails = organizer.getByRole("form", { name: "Emails" });
  await expect(emails.getByLabel("Topics to review")).toHaveValue("OFF");
  await emails.getByLabel("Topics to review").selectOption({ label: "At once" });
  await emails.getByRole("button", { name: "Save email settings" }).click();
  await expect(emails.getByText("Your email settings are saved.")).toBeVisible();
  await organizer.reload();
  await expect(organizer.getByRole("form", { name: "Emails" }).getByLabel("Topics to review")).toHaveValue("NOW");

  // back to a draft: the other walks see the demo as it was
  await setPhase(organizer, editionUrl, "Draft");
});

test("another tool's signing secret is shown once, and its deliveries verify with it", async ({ browser }) => {
  const organizer = await (await browser.newContext()).newPage();
  await signIn(organizer, "organizer@demo.test");
  await organizer.goto("/editions/0x09/notifications");
  const form = organizer.getByRole("region", { name: "Add a chat channel or webhook" });
  const name = `Data lake ${unique()}`;
  await form.getByLabel("Where it posts").selectOption({ label: "Another tool (signed JSON)" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Webhook address").fill(`${receiver.url}/ingest`);
  await form.getByRole("button", { name: "Add webhook" }).click();
  const secret = await organizer.getByRole("textbox", { name: "Signing secret" }).inputValue();
  expect(secret).toMatch(/^whsec_/);
  await organizer
    .getByRole("region", { name })
    .getByRole("button", { name: `Send a test message to ${name}` })
    .click();
  const [delivery] = await arrived("/ingest", 1);
  expect(delivery.json).toMatchObject({ type: "webhook.test", id: delivery.headers["webhook-id"] });
  expect(verifySignature(secret, delivery.headers, delivery.body)).toBe(true);

  await organizer.reload();
  expect(await organizer.content()).not.toContain(secret);
  await organizer
    .getByRole("region", { name })
    .getByRole("button", { name: `Delete ${name}` })
    .click();
  await organizer.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(organizer.getByRole("region", { name })).toHaveCount(0);
});

test("employees may not see an edition's notifications", async ({ browser }) => {
  const alice = await (await browser.newContext()).newPage();
  await signIn(alice, "alice@demo.test");
  await alice.goto("/editions/0x09/notifications");
  await expect(alice.getByRole("main")).toContainText(/organizers/i);
  await expect(alice.getByRole("region", { name: "Add a chat channel or webhook" })).toHaveCount(0);
});
