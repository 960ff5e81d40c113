// Sessions that end when they should, and password guessing slowed down.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/platform/errors";
import { hashPassword } from "@/lib/people/passwords";
import { actorForSession, endSession, mySessions, signOutEverywhere, signOutOtherBrowsers, startSession } from "@/lib/people/sessions";
import { THROTTLE } from "@/lib/people/rules";
import { changePassword, setRole, signInWithPassword } from "@/lib/people/commands";
import { recentSignInFailures } from "@/lib/people/queries";
import { makeUser } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { expectDomainError } from "../helpers/expect-domain-error";
import { translate } from "@/lib/platform/i18n";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

async function withPassword(password: string) {
  const user = await makeUser(t.db);
  await t.db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  return user;
}

describe("sessions", () => {
  it("a session is valid until it ends, and only for its person", async () => {
    const user = await makeUser(t.db);
    const other = await makeUser(t.db);
    const sid = await startSession(t.db, user.id, "Firefox");
    expect(await actorForSession(t.db, user.id, sid)).toMatchObject({ id: user.id, sessionId: sid });
    expect(await actorForSession(t.db, other.id, sid)).toBeNull();
    expect(await actorForSession(t.db, user.id, "forged")).toBeNull();
    await endSession(t.db, sid);
    expect(await actorForSession(t.db, user.id, sid)).toBeNull();
  });

  it("expires after 30 days", async () => {
    const user = await makeUser(t.db);
    const start = new Date("2030-01-01T00:00:00Z");
    const sid = await startSession(t.db, user.id, "", start);
    expect(await actorForSession(t.db, user.id, sid, new Date("2030-01-30T00:00:00Z"))).not.toBeNull();
    expect(await actorForSession(t.db, user.id, sid, new Date("2030-02-01T00:00:00Z"))).toBeNull();
  });

  it("a role change ends the person's sessions; an unchanged role doesn't", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const user = await makeUser(t.db);
    const sid = await startSession(t.db, user.id);
    await setRole(t.db, organizer, user.id, "EMPLOYEE");
    expect(await actorForSession(t.db, user.id, sid)).not.toBeNull();
    await setRole(t.db, organizer, user.id, "JUDGE");
    expect(await actorForSession(t.db, user.id, sid)).toBeNull();
  });

  it("a password change ends every other session of the person", async () => {
    const user = await withPassword("old password 1");
    const [here, laptop, phone] = [await startSession(t.db, user.id), await startSession(t.db, user.id), await startSession(t.db, user.id)];
    expect((await expectDomainError(changePassword(t.db, user, here, "wrong one", "new password 2"))).field).toBe("current");
    await changePassword(t.db, user, here, "old password 1", "new password 2");
    expect(await actorForSession(t.db, user.id, here)).not.toBeNull();
    expect(await actorForSession(t.db, user.id, laptop)).toBeNull();
    expect(await actorForSession(t.db, user.id, phone)).toBeNull();
    expect(await mySessions(t.db, user)).toHaveLength(1);
    expect((await signInWithPassword(t.db, user.email, "new password 2", "c-pw")).id).toBe(user.id);
  });

  it("one signs out of every other browser and stays signed in in this one", async () => {
    const user = await makeUser(t.db);
    const [here, laptop, phone] = [await startSession(t.db, user.id), await startSession(t.db, user.id), await startSession(t.db, user.id)];
    const someoneElse = await makeUser(t.db);
    const theirs = await startSession(t.db, someoneElse.id);
    const me = (await actorForSession(t.db, user.id, here))!;
    expect(await signOutOtherBrowsers(t.db, me)).toBe(2);
    expect(await actorForSession(t.db, user.id, here)).not.toBeNull();
    for (const sid of [laptop, phone]) expect(await actorForSession(t.db, user.id, sid)).toBeNull();
    expect(await actorForSession(t.db, someoneElse.id, theirs)).not.toBeNull();
    await expectDomainError(signOutOtherBrowsers(t.db, null), "UNAUTHENTICATED");
  });

  it("organizers sign a person out everywhere; nobody else can", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const user = await makeUser(t.db);
    const sids = [await startSession(t.db, user.id), await startSession(t.db, user.id)];
    expect((await expectDomainError(signOutEverywhere(t.db, user, user.id))).code).toBe("FORBIDDEN");
    expect(await signOutEverywhere(t.db, organizer, user.id)).toBe(2);
    for (const sid of sids) expect(await actorForSession(t.db, user.id, sid)).toBeNull();
  });
});

describe("sign-in throttling", () => {
  it("after a burst of wrong passwords, even the right one waits, with the time it lifts", async () => {
    const user = await withPassword("the right one");
    let clock = new Date("2031-03-01T10:00:00Z").getTime();
    const now = () => new Date(clock);
    // 150 guesses at once: attempts on one account are made one after the other, so the throttle sees each failure
    const results = await Promise.allSettled(Array.from({ length: 150 }, (_, i) => signInWithPassword(t.db, user.email, `guess ${i}`, "c-burst", now)));
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as DomainError).code : "OK"));
    expect(codes.filter((c) => c === "UNAUTHENTICATED")).toHaveLength(THROTTLE.accountFreeFailures);
    expect(codes.filter((c) => c === "RATE_LIMITED")).toHaveLength(150 - THROTTLE.accountFreeFailures);
    const wait = await expectDomainError(signInWithPassword(t.db, user.email, "the right one", "c-burst", now));
    expect(wait.code).toBe("RATE_LIMITED");
    expect(translate(wait.message, "en")).toMatch(/^Too many failed sign-ins\. Try again in 1 second \(at \d\d:\d\d .+\)\.$/);

    // waiting out each back-off, five more failures lock the account for 15 minutes
    for (let i = 0; i < THROTTLE.accountLockFailures - THROTTLE.accountFreeFailures; i++) {
      clock += THROTTLE.maxBackoffMs;
      expect((await expectDomainError(signInWithPassword(t.db, user.email, "still wrong", "c-burst", now))).code).toBe("UNAUTHENTICATED");
    }
    clock += THROTTLE.maxBackoffMs;
    await expectDomainError(signInWithPassword(t.db, user.email, "the right one", "c-burst", now), undefined, /Try again in 14 minutes/);
    clock += THROTTLE.lockMs;
    expect((await signInWithPassword(t.db, user.email, "the right one", "c-burst", now)).id).toBe(user.id);
    // a success forgets the account's failures
    expect((await expectDomainError(signInWithPassword(t.db, user.email, "one slip", "c-burst", now))).code).toBe("UNAUTHENTICATED");
  });

  it("answers an address without an account exactly like one with", async () => {
    const user = await withPassword("the right one");
    const now = () => new Date("2031-04-01T10:00:00Z");
    for (let i = 0; i < THROTTLE.accountFreeFailures; i++) {
      const [known, unknown] = [
        await expectDomainError(signInWithPassword(t.db, user.email, "wrong", "c-enum", now)),
        await expectDomainError(signInWithPassword(t.db, "nobody-" + user.email, "wrong", "c-enum", now)),
      ];
      expect(unknown.message).toBe(known.message);
    }
    const [known, unknown] = [
      await expectDomainError(signInWithPassword(t.db, user.email, "wrong", "c-enum", now)),
      await expectDomainError(signInWithPassword(t.db, "nobody-" + user.email, "wrong", "c-enum", now)),
    ];
    expect([known.code, unknown.code]).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
    expect(unknown.message).toBe(known.message);
  });

  it("locks a client address that tries many accounts", async () => {
    const now = () => new Date("2031-05-01T10:00:00Z");
    for (let i = 0; i < THROTTLE.clientLockFailures; i++) {
      await expectDomainError(signInWithPassword(t.db, `spray-${i}@corp.test`, "Winter2031!", "c-spray", now));
    }
    const user = await withPassword("the right one");
    expect((await expectDomainError(signInWithPassword(t.db, user.email, "the right one", "c-spray", now))).code).toBe("RATE_LIMITED");
    expect((await signInWithPassword(t.db, user.email, "the right one", "c-elsewhere", now)).id).toBe(user.id);
  });

  it("organizers see the failed attempts; others may not", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const employee = await makeUser(t.db);
    expect((await expectDomainError(recentSignInFailures(t.db, employee))).code).toBe("FORBIDDEN");
    const seen = await recentSignInFailures(t.db, organizer, new Date("2031-05-01T10:01:00Z"));
    expect(seen.find((f) => f.email === "spray-0@corp.test")).toMatchObject({ failures: 1, clients: 1 });
  });
});
