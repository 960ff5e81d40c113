// News to chat channels and webhooks on a real database (SQLite and
// PostgreSQL), delivered over real HTTP to a local receiver standing in for
// Slack, Mattermost, Teams and a signed-JSON consumer: each platform's format,
// signatures, retries with back-off until the 4th attempt gets through, a
// receiver failing forever given up with its last answer without holding the
// others, each message sent once even with two instances draining, addresses
// inside the network refused.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createWebhook,
  deleteWebhook,
  queueNewsOfEvent,
  queueScheduledNews,
  retryMessage,
  sendTestMessage,
  setWebhookActive,
  updateWebhook,
} from "@/lib/notifications/commands";
import { drainOutbox } from "@/lib/notifications/outbox";
import { notificationsAdmin } from "@/lib/notifications/queries";
import { verifySignature } from "@/lib/notifications/signing";
import type { WebhookInput } from "@/lib/notifications/schemas";
import { setPhase } from "@/lib/editions/commands";
import { setChallengeState } from "@/lib/challenges/commands";
import { proposeTopic } from "@/lib/topics/commands";
import { subscribe, type DomainEvent } from "@/lib/platform/events";
import { OutboundRefused, outboundPolicy, postOutbound } from "@/lib/platform/outbound";
import type { Db } from "@/lib/platform/db";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { makeChallenge, makeEdition, makeUser } from "../helpers/factories";
import { expectDomainError } from "../helpers/expect-domain-error";
import { translate } from "@/lib/platform/i18n";
import { startReceiver } from "../helpers/http-receiver.mjs";

let t: TestDatabase;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const heard: DomainEvent[] = [];
let unsubscribe: () => void;
const previousAllow = process.env.HEXATHON_WEBHOOK_ALLOW;

beforeAll(async () => {
  t = await createTestDatabase();
  receiver = await startReceiver();
  // the receiver runs on this machine: the operator's list lets webhooks reach it, as a company lists its chat server
  process.env.HEXATHON_WEBHOOK_ALLOW = "127.0.0.1/32";
  unsubscribe = subscribe("notifications under test", (event) => void heard.push(event));
});
afterAll(async () => {
  unsubscribe();
  process.env.HEXATHON_WEBHOOK_ALLOW = previousAllow;
  await receiver.close();
  await t.drop();
});
afterEach(() => {
  receiver.set({ failFirst: 0, status: 200, hang: false });
  receiver.received.length = 0;
});

const hookInput = (overrides: Partial<WebhookInput> = {}): WebhookInput => ({
  kind: "MATTERMOST",
  name: "#hackathon",
  url: `${receiver.url}/hooks/abc123`,
  events: ["topic.proposed", "phase.changed"],
  allowInternal: false,
  locale: null,
  ...overrides,
});

/** Queues the news of every event heard since the last call, as the start-up's subscriber does. */
async function queueHeard(db: Db) {
  let queued = 0;
  for (const event of heard.splice(0)) queued += await queueNewsOfEvent(db, event);
  return queued;
}

const bodies = () => receiver.received.map((request) => JSON.parse(request.body));

describe("chat channels", () => {
  it("a proposed topic reaches Mattermost, Slack and Teams, each in its own format", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const alice = await makeUser(t.db, "EMPLOYEE", "Alice");
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    await createWebhook(t.db, organizer, edition.id, hookInput());
    await createWebhook(t.db, organizer, edition.id, hookInput({ kind: "SLACK", name: "Slack", url: `${receiver.url}/services/T0/B0/x`, allowInternal: true }));
    await createWebhook(t.db, organizer, edition.id, hookInput({ kind: "TEAMS", name: "Teams", url: `${receiver.url}/workflows/1`, allowInternal: true }));
    heard.length = 0;
    await proposeTopic(t.db, alice, edition.id, { title: "Fast <builds> & *caches*", pitch: "Make CI fast.", kind: "FUN" });
    expect(await queueHeard(t.db)).toBe(3);
    expect(await drainOutbox(t.db)).toEqual({ sent: 3, retry: 0, failed: 0 });

    const byPath = Object.fromEntries(receiver.received.map((request) => [request.path.split("/")[1], JSON.parse(request.body)]));
    expect(byPath.hooks.text).toContain("new topic “Fast \\<builds\\> & \\*caches\\*”"); // Markdown of people's words shown as typed
    expect(byPath.hooks.text).toMatch(/\[Open in Hexathon\]\(http:\/\/[^)]+\/editions\/0x[0-9A-F]+\/topics\/\w+\)/);
    expect(byPath.services.blocks[0].text.text).toContain("Fast &lt;builds&gt; &amp; *caches*");
    expect(byPath.services.text).toContain("Fast <builds>");
    const card = byPath.workflows.attachments[0];
    expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card.content.type).toBe("AdaptiveCard");
    expect(card.content.actions[0].url).toMatch(/\/topics\//);
  });

  it("a channel hears the news in its own language, else the instance's (DEFAULT_LOCALE)", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const alice = await makeUser(t.db, "EMPLOYEE", "Alice");
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    await createWebhook(
      t.db,
      organizer,
      edition.id,
      hookInput({ kind: "SLACK", name: "Slack", url: `${receiver.url}/services/T0/B0/fr`, allowInternal: true }),
    );
    // the London office's channel, in English whatever the instance speaks
    await createWebhook(t.db, organizer, edition.id, hookInput({ name: "#london", url: `${receiver.url}/hooks/en`, locale: "en" }));
    heard.length = 0;
    const previous = process.env.DEFAULT_LOCALE;
    process.env.DEFAULT_LOCALE = "fr";
    try {
      await proposeTopic(t.db, alice, edition.id, { title: "Des builds rapides", pitch: "Rendre la CI rapide.", kind: "FUN" });
      await queueHeard(t.db);
      await drainOutbox(t.db);
    } finally {
      if (previous === undefined) delete process.env.DEFAULT_LOCALE;
      else process.env.DEFAULT_LOCALE = previous;
    }
    const slack = receiver.received.filter((request) => request.path.endsWith("/fr")).map((request) => JSON.parse(request.body));
    expect(slack).toHaveLength(1);
    expect(slack[0].text).toMatch(/^0x[0-9A-F]+\u00a0: nouveau sujet «\u00a0Des builds rapides\u00a0»/);
    expect(slack[0].blocks[0].text.text).toContain("Proposé par Alice.");
    expect(slack[0].blocks[0].text.text).toMatch(/\|Ouvrir dans Hexathon>$/);
    const london = receiver.received.filter((request) => request.path.endsWith("/en")).map((request) => JSON.parse(request.body));
    expect(london).toHaveLength(1);
    expect(london[0].text).toMatch(/^#### 0x[0-9A-F]+: new topic “Des builds rapides”/);
    expect(london[0].text).toContain("[Open in Hexathon]");
  });

  it("a changed webhook hears its new news, in its new language, under its new name; what was queued stays as written", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const alice = await makeUser(t.db, "EMPLOYEE", "Alice");
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    const hook = await createWebhook(t.db, organizer, edition.id, hookInput({ events: ["phase.changed"] }));
    heard.length = 0;
    await proposeTopic(t.db, alice, edition.id, { title: "Avant", pitch: "Not news for this channel yet.", kind: "FUN" });
    await setPhase(t.db, organizer, edition.id, "TEAMS_FORMING");
    expect(await queueHeard(t.db)).toBe(1); // the phase, in English
    await updateWebhook(t.db, organizer, hook.id, { name: "#hackathon-fr", events: ["topic.proposed"], locale: "fr" });
    await setPhase(t.db, organizer, edition.id, "PROPOSALS_OPEN");
    await proposeTopic(t.db, alice, edition.id, { title: "Après", pitch: "News now.", kind: "FUN" });
    expect(await queueHeard(t.db)).toBe(1); // the topic, in French; the phase no more
    expect(await drainOutbox(t.db)).toEqual({ sent: 2, retry: 0, failed: 0 });
    const texts = bodies().map((body) => body.text as string);
    expect(texts).toHaveLength(2);
    expect(texts.find((text) => /teams forming/.test(text))).toBeDefined();
    expect(texts.find((text) => /nouveau sujet «\u00a0Après\u00a0»/.test(text))).toBeDefined();
    const admin = await notificationsAdmin(t.db, organizer, edition.id);
    expect(admin.webhooks[0]).toMatchObject({ name: "#hackathon-fr", events: ["topic.proposed"], locale: "fr", kind: "MATTERMOST" });
    // back to the instance's language
    await updateWebhook(t.db, organizer, hook.id, { name: "#hackathon", events: ["topic.proposed"], locale: null });
    expect((await notificationsAdmin(t.db, organizer, edition.id)).webhooks[0].locale).toBeNull();
  });

  it("a paused webhook gets nothing; a deleted one's queued deliveries fail saying so", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    const hook = await createWebhook(t.db, organizer, edition.id, hookInput());
    await setWebhookActive(t.db, organizer, hook.id, false);
    heard.length = 0;
    await setPhase(t.db, organizer, edition.id, "TEAMS_FORMING");
    expect(await queueHeard(t.db)).toBe(0);
    await setWebhookActive(t.db, organizer, hook.id, true);
    await setPhase(t.db, organizer, edition.id, "HACKING");
    expect(await queueHeard(t.db)).toBe(1);
    await deleteWebhook(t.db, organizer, hook.id);
    expect(await drainOutbox(t.db)).toEqual({ sent: 0, retry: 0, failed: 1 });
    const admin = await notificationsAdmin(t.db, organizer, edition.id);
    expect(admin.messages[0]).toMatchObject({ status: "FAILED", to: "a deleted webhook", lastError: "The webhook was deleted." });
    expect(receiver.received).toHaveLength(0);
  });

  it("draft editions make no news; the test message goes out anyway", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const edition = await makeEdition(t.db, "DRAFT");
    const hook = await createWebhook(t.db, organizer, edition.id, hookInput());
    heard.length = 0;
    await proposeTopic(t.db, organizer, edition.id, { title: "Secret plans", pitch: "Not yet.", kind: "FUN" });
    expect(await queueHeard(t.db)).toBe(0);
    await sendTestMessage(t.db, organizer, hook.id);
    await drainOutbox(t.db);
    expect(bodies()).toHaveLength(1);
    expect(bodies()[0].text).toContain("a test message");
  });
});

describe("signed JSON for other tools", () => {
  it("carries id, type, time and data, signed as Standard Webhooks say; the secret is shown once", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    const { id, secret } = await createWebhook(t.db, organizer, edition.id, hookInput({ kind: "GENERIC", name: "Data lake", url: `${receiver.url}/ingest` }));
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    const admin = await notificationsAdmin(t.db, organizer, edition.id);
    expect(JSON.stringify(admin)).not.toContain(secret!);
    expect(admin.webhooks.find((hook) => hook.id === id)?.url).toBe(`${receiver.url}/ingest/…`);

    heard.length = 0;
    await setPhase(t.db, organizer, edition.id, "TEAMS_FORMING");
    await queueHeard(t.db);
    await drainOutbox(t.db);
    const [request] = receiver.received;
    const body = JSON.parse(request.body);
    expect(body).toMatchObject({ type: "phase.changed", data: { phase: "TEAMS_FORMING", label: "Teams forming", edition: { id: edition.id } } });
    expect(new Date(body.time).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(request.headers["webhook-id"]).toBe(body.id);
    expect(verifySignature(secret!, request.headers, request.body)).toBe(true);
    // a tampered body, another key, or an old timestamp fail verification
    expect(verifySignature(secret!, request.headers, request.body.replace("TEAMS_FORMING", "VOTING"))).toBe(false);
    expect(verifySignature("whsec_" + Buffer.from("another key").toString("base64"), request.headers, request.body)).toBe(false);
    expect(verifySignature(secret!, request.headers, request.body, new Date(Date.now() + 10 * 60_000))).toBe(false);
  });
});

describe("delivery", () => {
  it("retries with back-off: a receiver failing the first 3 deliveries gets the 4th, and the log shows each", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    const hook = await createWebhook(t.db, organizer, edition.id, hookInput());
    receiver.set({ failFirst: 3 });
    await sendTestMessage(t.db, organizer, hook.id);
    const start = Date.now();
    const at = (seconds: number) => new Date(start + seconds * 1000);
    expect(await drainOutbox(t.db, { now: at(0) })).toEqual({ sent: 0, retry: 1, failed: 0 });
    // not due before its back-off: 30 s, then 60 s, then 120 s
    expect(await drainOutbox(t.db, { now: at(20) })).toEqual({ sent: 0, retry: 0, failed: 0 });
    expect(await drainOutbox(t.db, { now: at(31) })).toEqual({ sent: 0, retry: 1, failed: 0 });
    expect(await drainOutbox(t.db, { now: at(80) })).toEqual({ sent: 0, retry: 0, failed: 0 });
    expect(await drainOutbox(t.db, { now: at(92) })).toEqual({ sent: 0, retry: 1, failed: 0 });
    expect(await drainOutbox(t.db, { now: at(213) })).toEqual({ sent: 1, retry: 0, failed: 0 });
    expect(receiver.received).toHaveLength(4);
    expect(new Set(receiver.received.map((request) => request.body)).size).toBe(1);

    const [message] = (await notificationsAdmin(t.db, organizer, edition.id)).messages;
    expect(message).toMatchObject({ status: "SENT", attempts: 4, lastError: null });
    expect(message.log.map((attempt) => [attempt.ok, attempt.statusCode])).toEqual([
      [true, 200],
      [false, 503],
      [false, 503],
      [false, 503],
    ]);
    expect(message.log[3].response).toBe("HTTP 503: down for maintenance (1)");
    expect(message.log.every((attempt) => attempt.durationMs >= 0)).toBe(true);
  });

  it("a receiver answering 500 forever ends failed with its last answer, never holding the others; an organizer retries it", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    const broken = await createWebhook(t.db, organizer, edition.id, hookInput({ name: "broken", url: `${receiver.url}/broken` }));
    const start = Date.now();
    receiver.set({ status: 500 });
    await sendTestMessage(t.db, organizer, broken.id, new Date(start));
    let now = start;
    let failed = 0;
    for (let round = 0; round < 60 && failed === 0; round++) {
      failed = (await drainOutbox(t.db, { now: new Date(now) })).failed;
      now += 60 * 60_000; // an hour later, each time: the longest back-off
    }
    expect(failed).toBe(1);
    expect(now - start).toBeGreaterThan(23 * 60 * 60_000); // retried for a day
    const [message] = (await notificationsAdmin(t.db, organizer, edition.id)).messages;
    expect(message).toMatchObject({ status: "FAILED", lastError: "HTTP 500: internal error" });
    expect(message.attempts).toBeGreaterThan(20);

    // another webhook's delivery goes out while the broken one is retried
    receiver.received.length = 0;
    const healthy = await createWebhook(t.db, organizer, edition.id, hookInput({ name: "healthy", url: `${receiver.url}/healthy` }));
    await retryMessage(t.db, organizer, message.id);
    await sendTestMessage(t.db, organizer, healthy.id);
    receiver.set({ status: 200 });
    expect(await drainOutbox(t.db)).toEqual({ sent: 2, retry: 0, failed: 0 });
    // "redeliver": a delivered message goes out again, with the same id
    await retryMessage(t.db, organizer, message.id);
    await expectDomainError(retryMessage(t.db, organizer, message.id), "INVALID", /queued already/);
    expect(await drainOutbox(t.db)).toEqual({ sent: 1, retry: 0, failed: 0 });
    // the two went out at once, in either order: the redelivery is the broken one's, word for word
    const first = receiver.received.find((request) => request.path === "/broken");
    expect(receiver.received.at(-1)).toMatchObject({ path: "/broken", body: first?.body });
  });

  it("a receiver that never answers is cut, and the request fails with a sentence", async () => {
    receiver.set({ hang: true });
    const policy = { ...outboundPolicy(true), timeoutMs: 300 };
    await expect(postOutbound(`${receiver.url}/slow`, "{}", {}, policy)).rejects.toThrow("No answer within 0.3 s: the request was cut.");
    expect(outboundPolicy(true).timeoutMs).toBeUndefined(); // the default: 10 s
  });

  it("the same news is queued once, and two instances draining at once send it once", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    await createWebhook(t.db, organizer, edition.id, hookInput());
    heard.length = 0;
    await setPhase(t.db, organizer, edition.id, "TEAMS_FORMING");
    const [event] = heard.splice(0);
    // the event heard twice (a repeat, a relay): one message
    expect(await queueNewsOfEvent(t.db, event)).toBe(1);
    expect(await queueNewsOfEvent(t.db, event)).toBe(0);
    const results = await Promise.all([drainOutbox(t.db, { owner: "instance-a" }), drainOutbox(t.db, { owner: "instance-b" })]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(1);
    expect(receiver.received).toHaveLength(1);
  });

  it("a challenge opening at its time is news once, however often the clock is asked; a stale one is not", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const edition = await makeEdition(t.db, "HACKING");
    await createWebhook(t.db, organizer, edition.id, hookInput({ events: ["challenge.opened"] }));
    const now = new Date();
    await makeChallenge(t.db, edition.id, { title: "Riddle one", opensAt: new Date(now.getTime() - 60_000), closesAt: new Date(now.getTime() + 3_600_000) });
    await makeChallenge(t.db, edition.id, {
      title: "Riddle old",
      opensAt: new Date(now.getTime() - 3 * 3_600_000),
      closesAt: new Date(now.getTime() + 3_600_000),
    });
    expect(await queueScheduledNews(t.db, now)).toBe(1);
    expect(await queueScheduledNews(t.db, new Date(now.getTime() + 30_000))).toBe(0);
    await drainOutbox(t.db);
    expect(bodies().map((body) => body.text)).toEqual([expect.stringContaining("“Riddle one” is open")]);
  });

  it("a challenge an organizer opens by hand is news; closing it, or opening it again while open, is not", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const edition = await makeEdition(t.db, "HACKING");
    await createWebhook(t.db, organizer, edition.id, hookInput({ events: ["challenge.opened"] }));
    const future = Date.now() + 3_600_000;
    const riddle = await makeChallenge(t.db, edition.id, { title: "Riddle by hand", opensAt: new Date(future), closesAt: new Date(future + 3_600_000) });
    await setChallengeState(t.db, organizer, riddle.id, "OPEN");
    await setChallengeState(t.db, organizer, riddle.id, "OPEN");
    await setChallengeState(t.db, organizer, riddle.id, "CLOSED");
    expect(await queueHeard(t.db)).toBe(1);
    await drainOutbox(t.db);
    expect(bodies().map((body) => body.text)).toEqual([expect.stringContaining("“Riddle by hand” is open")]);
  });
});

describe("who may, and where to", () => {
  it("only organizers manage webhooks", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const employee = await makeUser(t.db);
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    const hook = await createWebhook(t.db, organizer, edition.id, hookInput());
    await expectDomainError(createWebhook(t.db, employee, edition.id, hookInput()), "FORBIDDEN");
    await expectDomainError(createWebhook(t.db, null, edition.id, hookInput()), "UNAUTHENTICATED");
    await expectDomainError(deleteWebhook(t.db, employee, hook.id), "FORBIDDEN");
    const settings = { name: "mine now", events: ["vote.opened" as const], locale: null };
    await expectDomainError(updateWebhook(t.db, employee, hook.id, settings), "FORBIDDEN");
    await expectDomainError(updateWebhook(t.db, null, hook.id, settings), "UNAUTHENTICATED");
    await expectDomainError(updateWebhook(t.db, organizer, "no-such-hook", settings), "NOT_FOUND");
    expect((await notificationsAdmin(t.db, organizer, edition.id)).webhooks[0].name).toBe("#hackathon");
    await expectDomainError(sendTestMessage(t.db, employee, hook.id), "FORBIDDEN");
    await expectDomainError(notificationsAdmin(t.db, employee, edition.id), "FORBIDDEN");
  });

  it.each([
    ["file:///etc/passwd", "Only http:// and https://"],
    ["gopher://example.com/", "Only http:// and https://"],
    ["http://user:secret@example.com/hook", "no user name or password"],
    ["http://localhost:9999/hook", "localhost is this machine"],
    ["http://127.0.0.2:9999/hook", "loopback"],
    ["http://[::1]:9999/hook", "loopback"],
    ["http://169.254.169.254/latest/meta-data", "link-local"],
    ["http://10.1.2.3/hooks/x", "private address"],
    ["http://[::ffff:192.168.1.10]/hooks/x", "private address"],
    ["http://0.0.0.0:9999/", "unspecified"],
    ["not a url", "not a web address"],
  ])("refuses %s", async (url, message) => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    const error = await expectDomainError(createWebhook(t.db, organizer, edition.id, hookInput({ url })), "INVALID");
    expect(translate(error.message, "en")).toContain(message);
    expect(error.field).toBe("url");
  });

  it("accepts a private address once the organizer says the server is internal, never link-local", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    await createWebhook(t.db, organizer, edition.id, hookInput({ url: "http://10.1.2.3/hooks/x", allowInternal: true }));
    await expectDomainError(createWebhook(t.db, organizer, edition.id, hookInput({ url: "http://169.254.169.254/", allowInternal: true })), "INVALID");
  });

  it("refuses Hexathon's own address, whatever the operator allows", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    const previous = process.env.NEXTAUTH_URL;
    process.env.NEXTAUTH_URL = "https://hexathon.example.com";
    try {
      const error = await expectDomainError(createWebhook(t.db, organizer, edition.id, hookInput({ url: "https://hexathon.example.com/api/x" })), "INVALID");
      expect(translate(error.message, "en")).toContain("Hexathon's own address");
    } finally {
      process.env.NEXTAUTH_URL = previous;
    }
  });

  it("checks every address a name resolves to when connecting: a name turning into a loopback address gets nothing", async () => {
    const policy = { ...outboundPolicy(false), allow: [], resolve: async () => [{ address: "127.0.0.1", family: 4 }] };
    await expect(postOutbound(`http://chat.example.com:${receiver.port}/hook`, "{}", {}, policy)).rejects.toThrow(OutboundRefused);
    const internal = {
      ...outboundPolicy(false),
      allow: [],
      resolve: async () => [
        { address: "93.184.216.34", family: 4 },
        { address: "10.0.0.5", family: 4 },
      ],
    };
    await expect(postOutbound("http://chat.example.com/hook", "{}", {}, internal)).rejects.toThrow(
      /resolves to 10\.0\.0\.5\. 10\.0\.0\.5 is a private address/,
    );
    expect(receiver.received).toHaveLength(0);
  });
});
