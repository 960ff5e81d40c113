// People's email notifications on a real database (SQLite and PostgreSQL),
// sent through a real SMTP server and read back with mailparser: each kind
// reaches the people it concerns and not whoever caused it, at once or in
// the daily digest as each chose, with HTML and text parts and a one-click
// unsubscribe that works from the link alone; nothing is sent twice, even
// with two instances at work; a broken mail configuration is a sentence.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createArticle, requestChanges, saveArticle, submitForReview } from "@/lib/articles/commands";
import { setPhase } from "@/lib/editions/commands";
import { queueDueDigests, queueNewsOfEvent, queueScheduledNews, saveEmailSettings, unsubscribe, unsubscribeTarget } from "@/lib/notifications/commands";
import { drainOutbox } from "@/lib/notifications/outbox";
import { emailSettings } from "@/lib/notifications/queries";
import { emailSettingsSchema } from "@/lib/notifications/schemas";
import { unsubscribeToken } from "@/lib/notifications/signing";
import { subscribe, type DomainEvent } from "@/lib/platform/events";
import type { Db } from "@/lib/platform/db";
import { checkMail } from "@/lib/platform/mail";
import { joinTeam } from "@/lib/teams/commands";
import { approveTopic, proposeTopic, rejectTopic, setInterest } from "@/lib/topics/commands";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { addMember, makeEdition, makeTeam, makeTopic, makeUser } from "../helpers/factories";
import { expectDomainError } from "../helpers/expect-domain-error";
import { startSmtpSink } from "../helpers/smtp-sink.mjs";

let t: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
const heard: DomainEvent[] = [];
let stopListening: () => void;
const previous = { smtp: process.env.SMTP_URL, secret: process.env.NEXTAUTH_SECRET, url: process.env.NEXTAUTH_URL };

beforeAll(async () => {
  t = await createTestDatabase();
  smtp = await startSmtpSink();
  process.env.SMTP_URL = smtp.url;
  process.env.NEXTAUTH_SECRET = "a test secret that signs unsubscribe links";
  process.env.NEXTAUTH_URL = "https://hexathon.example.com";
  stopListening = subscribe("email notifications under test", (event) => void heard.push(event));
});
afterAll(async () => {
  stopListening();
  for (const [name, value] of [
    ["SMTP_URL", previous.smtp],
    ["NEXTAUTH_SECRET", previous.secret],
    ["NEXTAUTH_URL", previous.url],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await smtp.close();
  await t.drop();
});
beforeEach(async () => {
  heard.length = 0;
  // earlier tests' waiting lines and messages are theirs
  await t.db.digestEntry.updateMany({ where: { sentAt: null }, data: { sentAt: new Date() } });
  await t.db.outboxMessage.updateMany({ where: { status: "QUEUED" }, data: { status: "SENT" } });
  smtp.messages.length = 0;
});

/** What the start-up's subscriber does with every event heard, then one round of the outbox. */
async function deliverHeard(db: Db, now = new Date()) {
  for (const event of heard.splice(0)) await queueNewsOfEvent(db, event, now);
  return drainOutbox(db, { now });
}

const mailTo = (person: { email: string }) => smtp.messages.filter((message) => message.to.includes(person.email));

describe("emails at once", () => {
  it("an approved topic tells its proposer at once, in HTML and text, with a one-click unsubscribe; the organizer hears nothing", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const alice = await makeUser(t.db, "EMPLOYEE", "Alice");
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    const topic = await makeTopic(t.db, edition.id, alice.id, "PENDING");
    await approveTopic(t.db, organizer, topic.id);
    expect(await deliverHeard(t.db)).toMatchObject({ sent: 1, failed: 0 });

    const [mail] = mailTo(alice);
    expect(mail.subject).toBe(`Your topic “${topic.title}” is approved`);
    expect(mail.text).toContain(`https://hexathon.example.com/editions/0x${edition.number.toString(16).padStart(2, "0")}/topics/${topic.id}`);
    expect(mail.html).toContain("<h1");
    expect(mail.html).toContain("Choose which emails you get");
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.headers["list-unsubscribe"]).toMatch(/^<https:\/\/hexathon\.example\.com\/unsubscribe\/[\w-]+\.[\w-]+\/one-click>$/);
    expect(mailTo(organizer)).toHaveLength(0);
  });

  it("a topic an employee proposes waits for the organizers, who hear of it; an organizer's own needs no review", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const alice = await makeUser(t.db, "EMPLOYEE", "Alice");
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    const topic = await proposeTopic(t.db, alice, edition.id, { title: "Flaky test hunter", pitch: "Find the flaky tests before they find us.", kind: "FUN" });
    await proposeTopic(t.db, organizer, edition.id, { title: "Organizer's idea", pitch: "Approved from the start, no review.", kind: "FUN" });
    await deliverHeard(t.db);
    const mails = mailTo(organizer);
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/: new topic to review, “Flaky test hunter”$/)]);
    expect(mails[0].text).toContain(`Proposed by Alice.`);
    expect(mails[0].text).toContain(`/topics/${topic.id}`);
    expect(mailTo(alice)).toHaveLength(0);
  });

  it("a rejected topic says why; a repeat of the same event queues nothing more", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const alice = await makeUser(t.db, "EMPLOYEE", "Alice");
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    const topic = await makeTopic(t.db, edition.id, alice.id, "PENDING");
    await rejectTopic(t.db, organizer, topic.id, "It is the same as last year's winner.");
    const [event] = heard;
    await deliverHeard(t.db);
    // another instance hearing it, or a retry: the key is the same
    expect(await queueNewsOfEvent(t.db, event)).toBe(0);
    await drainOutbox(t.db);
    expect(mailTo(alice)).toHaveLength(1);
    expect(mailTo(alice)[0].text).toContain("The organizers said: It is the same as last year's winner.");
  });

  it("someone joining a team tells its other members, not the one who joined", async () => {
    const edition = await makeEdition(t.db, "TEAMS_FORMING");
    const [ann, bob, cid] = [await makeUser(t.db, "EMPLOYEE", "Ann"), await makeUser(t.db, "EMPLOYEE", "Bob"), await makeUser(t.db, "EMPLOYEE", "Cid")];
    const team = await makeTeam(t.db, edition.id, "Rockets");
    await addMember(t.db, team, ann.id);
    await addMember(t.db, team, bob.id);
    await joinTeam(t.db, cid, team.id);
    await deliverHeard(t.db);
    expect(mailTo(ann).map((m) => m.subject)).toEqual(["Cid joined your team “Rockets”"]);
    expect(mailTo(bob)).toHaveLength(1);
    expect(mailTo(cid)).toHaveLength(0);
  });

  it("an article sent for review reaches the organizers; changes asked for reach its authors with the comment", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const edition = await makeEdition(t.db, "CLOSED");
    const [ann, bob] = [await makeUser(t.db, "EMPLOYEE", "Ann"), await makeUser(t.db, "EMPLOYEE", "Bob")];
    const team = await makeTeam(t.db, edition.id, "Writers");
    await addMember(t.db, team, ann.id);
    await addMember(t.db, team, bob.id);
    const article = await createArticle(t.db, ann, { editionId: edition.id, teamId: team.id, title: "What we built" });
    await saveArticle(
      t.db,
      ann,
      article.id,
      {
        title: "What we built",
        summary: "A tool that does one thing well.",
        body: "## What we built\n\nA tool that does one thing well, written in two days by the whole team.",
        tags: [],
        coverFile: null,
        coverAlt: "",
      },
      article.version,
    );
    await submitForReview(t.db, ann, article.id);
    await deliverHeard(t.db);
    expect(mailTo(organizer).map((m) => m.subject)).toEqual(["“What we built” waits for review"]);
    expect(mailTo(ann)).toHaveLength(0);

    await requestChanges(t.db, organizer, article.id, "Add a picture of the demo, please.");
    await deliverHeard(t.db);
    for (const author of [ann, bob]) {
      expect(mailTo(author).map((m) => m.subject)).toEqual(["Changes asked for “What we built”"]);
      expect(mailTo(author)[0].text).toContain("Add a picture of the demo, please.");
    }
  });

  it("nothing is kept while email is off, nor for a draft edition", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const alice = await makeUser(t.db, "EMPLOYEE", "Alice");
    const draft = await makeEdition(t.db, "DRAFT");
    await approveTopic(t.db, organizer, (await makeTopic(t.db, draft.id, alice.id, "PENDING")).id);
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    const topic = await makeTopic(t.db, edition.id, alice.id, "PENDING");
    delete process.env.SMTP_URL;
    try {
      await approveTopic(t.db, organizer, topic.id);
      for (const event of heard.splice(0)) expect(await queueNewsOfEvent(t.db, event)).toBe(0);
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
    expect(await t.db.outboxMessage.count({ where: { channel: "EMAIL", recipient: alice.email } })).toBe(0);
  });
});

describe("settings", () => {
  it("each person chooses per kind; organizers alone see the review kind; bad choices are refused", async () => {
    const alice = await makeUser(t.db, "EMPLOYEE", "Alice");
    const organizer = await makeUser(t.db, "ORGANIZER");
    const mine = await emailSettings(t.db, alice);
    expect(mine?.emailOn).toBe(true);
    expect(mine?.kinds.map((k) => k.kind)).not.toContain("article.review");
    expect((await emailSettings(t.db, organizer))?.kinds.map((k) => k.kind)).toContain("article.review");
    expect(mine?.kinds.find((k) => k.kind === "topic.interest")?.mode).toBe("DIGEST");

    await saveEmailSettings(t.db, alice, { "topic.interest": "NOW", "team.changed": "OFF" });
    const after = await emailSettings(t.db, alice);
    expect(after?.kinds.find((k) => k.kind === "topic.interest")?.mode).toBe("NOW");
    expect(after?.kinds.find((k) => k.kind === "team.changed")?.mode).toBe("OFF");

    expect(emailSettingsSchema.safeParse({ "topic.interest": "HOURLY" }).success).toBe(false);
    expect(emailSettingsSchema.safeParse({ "billing.invoice": "NOW" }).success).toBe(false);
    await expectDomainError(saveEmailSettings(t.db, null, {}), "UNAUTHENTICATED");
  });

  it("phase changes go to those taking part and to those who asked, not to those who said never", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    const [proposer, quiet, outsider, stranger] = [
      await makeUser(t.db, "EMPLOYEE", "Proposer"),
      await makeUser(t.db, "EMPLOYEE", "Quiet"),
      await makeUser(t.db, "EMPLOYEE", "Outsider"),
      await makeUser(t.db, "EMPLOYEE", "Stranger"),
    ];
    await makeTopic(t.db, edition.id, proposer.id);
    await makeTopic(t.db, edition.id, quiet.id);
    await saveEmailSettings(t.db, proposer, { "phase.changed": "NOW" });
    await saveEmailSettings(t.db, quiet, { "phase.changed": "OFF" });
    await saveEmailSettings(t.db, outsider, { "phase.changed": "NOW" });
    await setPhase(t.db, organizer, edition.id, "TEAMS_FORMING");
    await deliverHeard(t.db);
    expect(mailTo(proposer)).toHaveLength(1);
    expect(mailTo(outsider)).toHaveLength(1);
    expect(mailTo(quiet)).toHaveLength(0);
    expect(mailTo(stranger)).toHaveLength(0);
    expect(mailTo(proposer)[0].subject).toContain("teams forming");
  });
});

describe("the daily digest", () => {
  it("interest in my topic waits for 08:00 in the edition's zone, then comes in one email with each line's time", async () => {
    const alice = await makeUser(t.db, "EMPLOYEE", "Alice");
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN"); // Europe/Paris
    const topic = await makeTopic(t.db, edition.id, alice.id);
    const fans = [await makeUser(t.db, "EMPLOYEE", "Bea"), await makeUser(t.db, "EMPLOYEE", "Cyd")];
    const evening = new Date("2031-03-10T18:30:00Z"); // 19:30 in Paris
    for (const fan of fans) await setInterest(t.db, fan, topic.id, true);
    for (const event of heard.splice(0)) await queueNewsOfEvent(t.db, event, evening);
    // withdrawing and showing interest again is no news
    await setInterest(t.db, fans[0], topic.id, false);
    await setInterest(t.db, fans[0], topic.id, true);
    for (const event of heard.splice(0)) await queueNewsOfEvent(t.db, event, evening);
    expect(await t.db.digestEntry.count({ where: { userId: alice.id } })).toBe(2);

    expect(await queueDueDigests(t.db, new Date("2031-03-11T06:59:00Z"))).toBe(0); // 07:59 in Paris
    const morning = new Date("2031-03-11T07:00:30Z");
    // two instances at the same moment: one digest
    const [a, b] = await Promise.all([queueDueDigests(t.db, morning), queueDueDigests(t.db, morning)]);
    expect(a + b).toBe(1);
    await drainOutbox(t.db, { now: morning });
    const mails = mailTo(alice);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("Hexathon: your daily digest (2 notifications)");
    expect(mails[0].text).toContain("Interest in my topics");
    expect(mails[0].text).toContain("Mon 10 Mar, 19:30: Bea is interested in your topic");
    expect(mails[0].html).toContain("Cyd is interested in your topic");
    expect(mails[0].headers["list-unsubscribe"]).toContain("/one-click>");
    expect(await queueDueDigests(t.db, new Date("2031-03-12T07:00:30Z"))).toBe(0);
  });

  it("the scheduled round sends the digests that are due, and presentations starting soon at once", async () => {
    const alice = await makeUser(t.db, "EMPLOYEE", "Alice");
    const edition = await makeEdition(t.db, "HACKING");
    const team = await makeTeam(t.db, edition.id);
    await addMember(t.db, team, alice.id);
    const soon = new Date(edition.presentationsStartAt.getTime() - 10 * 60_000);
    expect(await queueScheduledNews(t.db, soon)).toBeGreaterThanOrEqual(1);
    expect(await queueScheduledNews(t.db, soon)).toBe(0);
    await drainOutbox(t.db, { now: soon });
    expect(mailTo(alice).map((m) => m.subject)).toEqual([expect.stringContaining("presentations start at 16:00")]);
  });
});

describe("in each person's language", () => {
  it("an email at once in the language the person chose, else the instance's", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const [chose, said, nothing] = [
      await makeUser(t.db, "EMPLOYEE", "Chloé"),
      await makeUser(t.db, "EMPLOYEE", "Sam"),
      await makeUser(t.db, "EMPLOYEE", "Nadia"),
    ];
    await t.db.user.update({ where: { id: chose.id }, data: { locale: "fr" } });
    await t.db.user.update({ where: { id: said.id }, data: { locale: "en" } });
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    const topics = [
      await makeTopic(t.db, edition.id, chose.id, "PENDING"),
      await makeTopic(t.db, edition.id, said.id, "PENDING"),
      await makeTopic(t.db, edition.id, nothing.id, "PENDING"),
    ];
    for (const topic of topics) await approveTopic(t.db, organizer, topic.id);
    const previous = process.env.DEFAULT_LOCALE;
    process.env.DEFAULT_LOCALE = "fr";
    try {
      await deliverHeard(t.db);
    } finally {
      if (previous === undefined) delete process.env.DEFAULT_LOCALE;
      else process.env.DEFAULT_LOCALE = previous;
    }
    const [fr] = mailTo(chose);
    expect(fr.subject).toBe(`Votre sujet «\u00a0${topics[0].title}\u00a0» est approuvé`);
    expect(fr.text).toContain("Tout le monde peut le voir maintenant");
    expect(fr.html).toContain('<html lang="fr">');
    expect(fr.html).toContain("Choisir les e-mails que vous recevez");
    expect(mailTo(said)[0].subject).toBe(`Your topic “${topics[1].title}” is approved`);
    expect(mailTo(nothing)[0].subject).toBe(`Votre sujet «\u00a0${topics[2].title}\u00a0» est approuvé`);
  });

  it("a digest's lines are kept in no language: they read in the one the person has when it goes out", async () => {
    const alice = await makeUser(t.db, "EMPLOYEE", "Alice");
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN"); // Europe/Paris
    const topic = await makeTopic(t.db, edition.id, alice.id);
    const evening = new Date("2031-03-10T18:30:00Z"); // 19:30 in Paris
    await setInterest(t.db, await makeUser(t.db, "EMPLOYEE", "Bea"), topic.id, true);
    for (const event of heard.splice(0)) await queueNewsOfEvent(t.db, event, evening);
    await t.db.user.update({ where: { id: alice.id }, data: { locale: "fr" } }); // the footer's switch, that night
    const morning = new Date("2031-03-11T07:00:30Z");
    expect(await queueDueDigests(t.db, morning)).toBe(1);
    await drainOutbox(t.db, { now: morning });
    const [mail] = mailTo(alice);
    expect(mail.subject).toBe("Hexathon\u00a0: votre résumé du jour (1 notification)");
    expect(mail.text).toContain(`lun. 10 mars, 19:30\u00a0: Bea s’intéresse à votre sujet «\u00a0${topic.title}\u00a0»`);
    expect(mail.text).toContain("La première personne à montrer son intérêt.");
    expect(mail.text).not.toContain("\u2063");
  });
});

describe("unsubscribing", () => {
  it("works from the link alone, for its kind or for everything; an altered link is refused", async () => {
    const alice = await makeUser(t.db, "EMPLOYEE", "Alice");
    const token = unsubscribeToken(process.env.NEXTAUTH_SECRET!, alice.id, "topic.reviewed");
    expect(await unsubscribeTarget(t.db, token)).toEqual({ userId: alice.id, email: alice.email, scope: "topic.reviewed" });
    await unsubscribe(t.db, token);
    await unsubscribe(t.db, token); // twice is harmless
    let kinds = (await emailSettings(t.db, alice))!.kinds;
    expect(kinds.find((k) => k.kind === "topic.reviewed")?.mode).toBe("OFF");
    expect(kinds.find((k) => k.kind === "team.changed")?.mode).toBe("NOW");

    const digest = unsubscribeToken(process.env.NEXTAUTH_SECRET!, alice.id, "digest");
    expect((await unsubscribe(t.db, digest)).kinds).toEqual(["topic.interest", "phase.changed"]);
    await unsubscribe(t.db, token, { everything: true });
    kinds = (await emailSettings(t.db, alice))!.kinds;
    expect(kinds.every((k) => k.mode === "OFF")).toBe(true);

    const bob = await makeUser(t.db, "EMPLOYEE", "Bob");
    const forged = unsubscribeToken("another server's secret", bob.id, "all");
    await expectDomainError(unsubscribe(t.db, forged), "INVALID");
    const [payload, signature] = token.split(".");
    const swapped = `${Buffer.from(`${bob.id} all`).toString("base64url")}.${signature}`;
    await expectDomainError(unsubscribe(t.db, swapped), "INVALID");
    await expectDomainError(unsubscribe(t.db, `${payload}.${signature}.x`), "INVALID");
    expect((await emailSettings(t.db, bob))!.kinds.every((k) => k.mode !== "OFF")).toBe(true);
  });
});

describe("checking the mail server", () => {
  it("says it works, that it is off, or what is wrong, in a sentence", async () => {
    expect(await checkMail()).toEqual({ state: "ok", server: `127.0.0.1:${smtp.port}` });
    try {
      delete process.env.SMTP_URL;
      expect(await checkMail()).toEqual({ state: "off" });
      process.env.SMTP_URL = "http://mail.example.com";
      expect(await checkMail()).toMatchObject({ state: "failed", problem: expect.stringContaining("SMTP_URL must start with smtp://") });
      const closed = await startSmtpSink();
      await closed.close();
      process.env.SMTP_URL = closed.url;
      expect(await checkMail()).toMatchObject({ state: "failed", server: `127.0.0.1:${closed.port}`, problem: expect.stringContaining("ECONNREFUSED") });
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
  });
});
