// Signing in by a one-time link: the adapter next-auth's email provider (and,
// once set, the SSO's callback) goes through, over our User and EmailToken
// tables. next-auth's own steps are played here as its callback plays them
// (node_modules/next-auth/core/routes/callback.js, core/lib/callback-handler.js).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkRequest, nameFromAddress, signInAdapter, signInLinkMail, SIGN_IN_LINK_MINUTES, type LinkToken } from "@/lib/people/email-sign-in";
import { sha256 } from "@/lib/people/email-verification";
import { findOrCreateSsoUser, markSetupDone, signInWithPassword, signUp } from "@/lib/people/commands";
import { sendMail } from "@/lib/platform/mail";
import { makeUser } from "../helpers/factories";
import { startSmtpSink } from "../helpers/smtp-sink.mjs";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { expectDomainError } from "../helpers/expect-domain-error";

let t: TestDatabase;
let adapter: ReturnType<typeof signInAdapter>;
let clients = 0;
/** a client of its own, so that the per-client limit of one test doesn't reach the next */
const client = () => `client-${clients++}`;

beforeAll(async () => {
  t = await createTestDatabase();
  await markSetupDone(t.db);
  adapter = signInAdapter(t.db);
  process.env.HEXATHON_ALLOWED_EMAIL_DOMAINS = "corp.test";
});
afterAll(async () => {
  delete process.env.HEXATHON_ALLOWED_EMAIL_DOMAINS;
  await t?.drop();
});

/** What next-auth does when a link is asked for: a token (which it hashes with its secret before handing it over). */
async function issue(identifier: string, minutes = SIGN_IN_LINK_MINUTES): Promise<LinkToken> {
  const token = { identifier, token: randomBytes(32).toString("hex"), expires: new Date(Date.now() + minutes * 60_000) };
  await adapter.createVerificationToken(token);
  return token;
}

/** What next-auth does when the link is followed: use the token, then find the person or have them created. */
async function follow({ identifier, token }: LinkToken) {
  const invite = await adapter.useVerificationToken({ identifier, token });
  if (!invite) return null;
  const known = await adapter.getUserByEmail(invite.identifier);
  return known ? adapter.updateUser({ id: known.id, emailVerified: new Date() }) : adapter.createUser({ email: invite.identifier, emailVerified: new Date() });
}

describe("the token", () => {
  it("signs in once: of two simultaneous clicks, one wins", async () => {
    const person = await makeUser(t.db);
    const link = await issue(person.email);
    const results = await Promise.all([adapter.useVerificationToken(link), adapter.useVerificationToken(link)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(results.find(Boolean)).toMatchObject({ identifier: person.email, token: link.token });
    expect(await adapter.useVerificationToken(link)).toBeNull();
  });

  it("signs in the account it was sent to, with our User's id", async () => {
    const person = await makeUser(t.db);
    expect(await follow(await issue(person.email))).toMatchObject({ id: person.id, email: person.email });
  });

  it("is refused once expired, and is not used up by a wrong address", async () => {
    const person = await makeUser(t.db);
    expect(await adapter.useVerificationToken(await issue(person.email, -1))).toBeNull();
    const link = await issue(person.email);
    expect(await adapter.useVerificationToken({ identifier: "someone-else@corp.test", token: link.token })).toBeNull();
    expect(await adapter.useVerificationToken(link)).not.toBeNull();
  });

  it("is stored only as its SHA-256", async () => {
    const person = await makeUser(t.db);
    const link = await issue(person.email);
    const rows = await t.db.emailToken.findMany({ where: { userId: person.id } });
    expect(rows).toEqual([expect.objectContaining({ tokenHash: sha256(link.token), purpose: "SIGN_IN", usedAt: null })]);
    expect(JSON.stringify(rows)).not.toContain(link.token);
  });

  it("an address link (VERIFY_EMAIL) is no sign-in link", async () => {
    const person = await t.db.user.create({ data: { email: "val@corp.test", name: "Val" } });
    await t.db.emailToken.create({
      data: { tokenHash: sha256("known"), userId: person.id, purpose: "VERIFY_EMAIL", expiresAt: new Date(Date.now() + 3600_000) },
    });
    expect(await adapter.useVerificationToken({ identifier: "val@corp.test", token: "known" })).toBeNull();
  });
});

describe("who may sign in", () => {
  it("getUserByEmail knows only proven accounts that aren't a judge's invitation", async () => {
    const proven = await makeUser(t.db);
    await t.db.user.create({ data: { email: "unproven@corp.test", name: "Unproven", passwordHash: "x" } });
    await t.db.user.create({ data: { email: "judge-1@guests.invalid", name: "Guest", guest: true, emailVerifiedAt: new Date() } });
    expect(await adapter.getUserByEmail(proven.email.toUpperCase())).toMatchObject({ id: proven.id, email: proven.email });
    expect(await adapter.getUserByEmail("unproven@corp.test")).toBeNull();
    expect(await adapter.getUserByEmail("judge-1@guests.invalid")).toBeNull();
    expect(await adapter.getUserByEmail("nobody@corp.test")).toBeNull();
  });

  it("a new address within the allowed domains gets an account when the link is followed, not before", async () => {
    expect(await linkRequest(t.db, "Jane.Doe+hx@corp.test", client())).toBe("send");
    const link = await issue("jane.doe+hx@corp.test");
    // asking creates nothing: made-up addresses leave no accounts behind
    expect(await t.db.user.findUnique({ where: { email: "jane.doe+hx@corp.test" } })).toBeNull();
    expect(await t.db.emailToken.findUniqueOrThrow({ where: { tokenHash: sha256(link.token) } })).toMatchObject({
      userId: null,
      email: "jane.doe+hx@corp.test",
    });
    expect(await adapter.getUserByEmail("jane.doe+hx@corp.test")).toBeNull();
    const signedIn = await follow(link);
    const made = await t.db.user.findUniqueOrThrow({ where: { email: "jane.doe+hx@corp.test" } });
    expect(signedIn).toMatchObject({ id: made.id, name: "Jane Doe" });
    expect(made).toMatchObject({ name: "Jane Doe", passwordHash: null, role: "EMPLOYEE" });
    expect(made.emailVerifiedAt).not.toBeNull();
    expect(await follow(link)).toBeNull();
  });

  it("an address outside them gets no link and no account, answered like any other", async () => {
    expect(await linkRequest(t.db, "outsider@elsewhere.test", client())).toBe("quiet");
    expect(await t.db.user.findUnique({ where: { email: "outsider@elsewhere.test" } })).toBeNull();
    // even if next-auth were asked directly
    await expectDomainError(adapter.createVerificationToken({ identifier: "outsider@elsewhere.test", token: "t", expires: new Date() }), "FORBIDDEN");
  });

  it("an account outside them that exists and is proven (from before the limit) gets its link", async () => {
    const old = await t.db.user.create({ data: { email: "founder@elsewhere.test", name: "Founder", emailVerifiedAt: new Date() } });
    expect(await linkRequest(t.db, "founder@elsewhere.test", client())).toBe("send");
    expect(await follow(await issue("founder@elsewhere.test"))).toMatchObject({ id: old.id });
  });

  it("a judge's invitation account gets no link", async () => {
    await t.db.user.create({ data: { email: "judge-2@corp.test", name: "Guest", guest: true, emailVerifiedAt: new Date() } });
    expect(await linkRequest(t.db, "judge-2@corp.test", client())).toBe("quiet");
    await expectDomainError(adapter.createVerificationToken({ identifier: "judge-2@corp.test", token: "t", expires: new Date() }), "FORBIDDEN");
  });

  it("the link proves an unproven address and drops the password whoever signed up with it chose", async () => {
    await signUp(
      t.db,
      { name: "Squatter", email: "colleague@corp.test", password: "squatter's one" },
      { origin: "http://x.test", mode: "email", send: async () => {} },
    );
    expect(await linkRequest(t.db, "colleague@corp.test", client())).toBe("send");
    const signedIn = await follow(await issue("colleague@corp.test"));
    const stored = await t.db.user.findUniqueOrThrow({ where: { email: "colleague@corp.test" } });
    expect(signedIn?.id).toBe(stored.id);
    expect(stored.passwordHash).toBeNull();
    expect(stored.emailVerifiedAt).not.toBeNull();
    expect((await expectDomainError(signInWithPassword(t.db, "colleague@corp.test", "squatter's one", "c1"))).code).toBe("UNAUTHENTICATED");
    expect(await t.db.emailToken.count({ where: { userId: stored.id, purpose: "VERIFY_EMAIL" } })).toBe(0);
  });

  it("asks no link before the setup: an account made then would stop the first organizer from being created", async () => {
    const fresh = await createTestDatabase();
    try {
      expect(await linkRequest(fresh.db, "first@corp.test", client())).toBe("quiet");
      expect(await fresh.db.user.count()).toBe(0);
    } finally {
      await fresh.drop();
    }
  });
});

describe("limits", () => {
  it("three links at once per address, then one every five minutes, whether or not it has an account", async () => {
    const now = Date.now();
    for (const address of ["limited@corp.test", "nobody-limited@elsewhere.test"]) {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await linkRequest(t.db, address, client(), now));
      expect(answers.slice(0, 3)).not.toContain("wait");
      expect(answers[3]).toBe("wait");
      expect(await linkRequest(t.db, address, client(), now + 5 * 60_000 + 1_000)).not.toBe("wait");
    }
  });

  it("a hundred links at once per client", async () => {
    const office = client();
    const now = Date.now();
    for (let i = 0; i < 100; i++) expect(await linkRequest(t.db, `person-${i}@elsewhere.test`, office, now)).toBe("quiet");
    expect(await linkRequest(t.db, "one-more@elsewhere.test", office, now)).toBe("wait");
  });
});

describe("the SSO through the adapter", () => {
  it("next-auth finds the person the signIn callback made, by email, with our id, and changes nothing", async () => {
    // the signIn callback: findOrCreateSsoUser, with the directory's department
    const made = await findOrCreateSsoUser(t.db, "sso@corp.test", "Sso Person", { department: "Payments", managerEmail: null });
    // getUserByAccount and getUser (of the browser's current session) find nobody, whatever they are asked
    expect(await adapter.getUserByAccount()).toBeNull();
    expect(await adapter.getUser()).toBeNull();
    const found = await adapter.getUserByEmail("SSO@corp.test");
    expect(found).toMatchObject({ id: made.id });
    await adapter.linkAccount();
    // createUser, reached only if getUserByEmail didn't find them, also returns them without touching the directory's fields
    expect(await adapter.createUser({ email: "sso@corp.test", name: "Sso Person" })).toMatchObject({ id: made.id });
    expect(await t.db.user.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({ department: "Payments", name: "Sso Person" });
  });
});

describe("the email", () => {
  it("carries the link in text and HTML, says it works once for 15 minutes, and goes through SMTP", async () => {
    const smtp = await startSmtpSink();
    try {
      const link = "http://hexathon.test/signin?email=a%40corp.test&token=abc&callbackUrl=%2F";
      await sendMail(signInLinkMail("a@corp.test", link), { url: smtp.url, from: "Hexathon <hexathon@corp.test>" });
      const [mail] = smtp.messages;
      expect(mail).toMatchObject({ to: "a@corp.test", subject: "Your sign-in link for Hexathon" });
      expect(mail.text).toContain(link);
      expect(mail.text).toContain("It works once, for 15 minutes.");
      expect(mail.html).toContain(`<a href="${link.replace(/&/g, "&amp;")}">`);
    } finally {
      await smtp.close();
    }
  });

  it("names a new account after its address", () => {
    expect(nameFromAddress("jane.doe@corp.test")).toBe("Jane Doe");
    expect(nameFromAddress("j_smith+hexathon@corp.test")).toBe("J Smith");
    expect(nameFromAddress("bob@corp.test")).toBe("Bob");
  });
});
