// New accounts prove their address before they sign in: a one-time link sent
// through a real SMTP server, or an organizer's approval without one.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { confirmAddress, verificationTarget } from "@/lib/people/email-verification";
import { approveAccount, findOrCreateSsoUser, markSetupDone, refuseAccount, signInWithPassword, signUp } from "@/lib/people/commands";
import { pendingAccounts } from "@/lib/people/queries";
import { makeUser } from "../helpers/factories";
import { startSmtpSink } from "../helpers/smtp-sink.mjs";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { expectDomainError } from "../helpers/expect-domain-error";

let t: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
const origin = "http://hexathon.test";

beforeAll(async () => {
  t = await createTestDatabase();
  await markSetupDone(t.db);
  smtp = await startSmtpSink();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Hexathon <hexathon@corp.test>";
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  await smtp?.close();
  await t?.drop();
});
afterEach(() => {
  smtp.messages.length = 0;
});

const linkIn = (text: string) => text.match(/http:\/\/hexathon\.test\/verify\?token=([\w-]+)/)![1];

describe("with SMTP: a link by email", () => {
  it("sends a one-time link; the account signs in only after it is followed with the password chosen", async () => {
    expect(await signUp(t.db, { name: "Vera", email: "vera@corp.test", password: "vera's password" }, { origin })).toEqual({ mode: "email" });
    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages;
    expect(mail).toMatchObject({ to: "vera@corp.test", subject: "Confirm your address for Hexathon" });
    expect(mail.from).toMatch(/Hexathon.* <hexathon@corp\.test>/);
    expect(mail.html).toContain("<a href=");
    const token = linkIn(mail.text);

    await expectDomainError(
      signInWithPassword(t.db, "vera@corp.test", "vera's password", "c1"),
      undefined,
      /Confirm your address first: open the link we sent to vera@corp\.test/,
    );
    expect(await verificationTarget(t.db, token)).toEqual({ email: "vera@corp.test" });
    expect((await expectDomainError(confirmAddress(t.db, token, "not hers"))).field).toBe("password");
    expect(await confirmAddress(t.db, token, "vera's password")).toEqual({ email: "vera@corp.test" });
    expect((await signInWithPassword(t.db, "vera@corp.test", "vera's password", "c1")).email).toBe("vera@corp.test");
    // single use
    await expectDomainError(confirmAddress(t.db, token, "vera's password"), undefined, /doesn't work any more/);
  });

  it("links expire after 24 hours", async () => {
    await signUp(t.db, { name: "Late", email: "late@corp.test", password: "late password" }, { origin });
    const token = linkIn(smtp.messages[0].text);
    const tomorrow = new Date(Date.now() + 25 * 3600_000);
    await expectDomainError(confirmAddress(t.db, token, "late password", tomorrow), undefined, /older than 24 hours/);
  });

  it("answers a taken address like a free one, and tells its owner by email instead", async () => {
    const owner = await makeUser(t.db);
    expect(await signUp(t.db, { name: "Mallory", email: owner.email, password: "mallory's password" }, { origin })).toEqual({ mode: "email" });
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]).toMatchObject({ to: owner.email, subject: "You already have a Hexathon account" });
    expect(smtp.messages[0].text).not.toMatch(/verify\?token/);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: owner.id } })).passwordHash).toBeNull();
  });

  it("someone who signs up with a colleague's address never gets in: the link goes to the colleague, bound to the last password chosen", async () => {
    await signUp(t.db, { name: "Squatter", email: "colleague@corp.test", password: "squatter's one" }, { origin });
    const squattersLink = linkIn(smtp.messages[0].text); // in the colleague's mailbox
    // the colleague, puzzled, signs up for real: a new password, a new link, the old one dead
    await signUp(t.db, { name: "Colleague", email: "colleague@corp.test", password: "the real one" }, { origin });
    const realLink = linkIn(smtp.messages[1].text);
    expect((await expectDomainError(confirmAddress(t.db, squattersLink, "squatter's one"))).code).toBe("INVALID");
    expect((await expectDomainError(confirmAddress(t.db, realLink, "squatter's one"))).code).toBe("FORBIDDEN");
    await confirmAddress(t.db, realLink, "the real one");
    expect((await signInWithPassword(t.db, "colleague@corp.test", "the real one", "c2")).name).toBe("Colleague");
  });

  it("an SSO sign-in takes an unproven address from the password someone chose for it", async () => {
    await signUp(t.db, { name: "Squatter", email: "sso-person@corp.test", password: "squatter's one" }, { origin });
    const user = await findOrCreateSsoUser(t.db, "sso-person@corp.test", "SSO Person");
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toBeNull();
    expect(stored.emailVerifiedAt).not.toBeNull();
    expect((await expectDomainError(signInWithPassword(t.db, "sso-person@corp.test", "squatter's one", "c3"))).code).toBe("UNAUTHENTICATED");
    expect((await expectDomainError(confirmAddress(t.db, linkIn(smtp.messages[0].text), "squatter's one"))).code).toBe("INVALID");
  });

  it("an SSO sign-in keeps the person's department and manager as the company's directory says, at every sign-in", async () => {
    const user = await findOrCreateSsoUser(t.db, "dept-person@corp.test", "Dept Person", { department: "Payments", managerEmail: "lead@corp.test" });
    expect(await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ department: "Payments", managerEmail: "lead@corp.test" });
    await findOrCreateSsoUser(t.db, "dept-person@corp.test", "Dept Person", { department: "Search", managerEmail: null });
    expect(await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ department: "Search", managerEmail: null });
    // a provider that sends nothing about it leaves what is known
    await findOrCreateSsoUser(t.db, "dept-person@corp.test", "Dept Person");
    expect(await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ department: "Search" });
  });

  it("a mail server that refuses is a message, and signing up again resends", async () => {
    const failing = { origin, send: async () => Promise.reject(new Error("451 try later")) };
    await expectDomainError(
      signUp(t.db, { name: "Una", email: "una@corp.test", password: "una's password" }, failing),
      undefined,
      /couldn't send the confirmation email/,
    );
    await signUp(t.db, { name: "Una", email: "una@corp.test", password: "una's password" }, { origin });
    expect(smtp.messages[0].subject).toBe("Confirm your address for Hexathon");
  });
});

describe("without SMTP: an organizer approves", () => {
  const approval = { origin, mode: "approval" } as const;

  it("the account waits until an organizer approves it, and may be refused", async () => {
    delete process.env.SMTP_URL;
    try {
      const organizer = await makeUser(t.db, "ORGANIZER");
      const employee = await makeUser(t.db);
      await signUp(t.db, { name: "Paula", email: "paula@corp.test", password: "paula's password" }, approval);
      await signUp(t.db, { name: "Spam", email: "spam@corp.test", password: "spam password" }, approval);
      expect(smtp.messages).toHaveLength(0);
      await expectDomainError(
        signInWithPassword(t.db, "paula@corp.test", "paula's password", "c4"),
        undefined,
        "An organizer hasn't approved your account yet. You can sign in once they have.",
      );
      expect((await expectDomainError(pendingAccounts(t.db, employee))).code).toBe("FORBIDDEN");
      const pending = await pendingAccounts(t.db, organizer);
      const paula = pending.find((p) => p.email === "paula@corp.test")!;
      const spam = pending.find((p) => p.email === "spam@corp.test")!;
      expect((await expectDomainError(approveAccount(t.db, employee, paula.id))).code).toBe("FORBIDDEN");
      await approveAccount(t.db, organizer, paula.id);
      expect((await signInWithPassword(t.db, "paula@corp.test", "paula's password", "c4")).name).toBe("Paula");
      await refuseAccount(t.db, organizer, spam.id);
      expect(await t.db.user.findUnique({ where: { id: spam.id } })).toBeNull();
      expect((await expectDomainError(refuseAccount(t.db, organizer, paula.id))).code).toBe("NOT_FOUND"); // approved accounts aren't deleted this way
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
  });
});
