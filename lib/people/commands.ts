// People: sign-up, sign-in checks, the one-time setup, roles.
import { randomBytes } from "node:crypto";
import { dbKind, type Db, type Tx } from "../platform/db";
import {
  type Role,
  nextAttemptAt,
  THROTTLE,
  throttleMessage,
  type FailureCounts,
  assertOrganizer,
  requireActor,
  type Actor,
  emailDomainAllowed,
} from "./rules";
import { allowedEmailDomains } from "../platform/config";
import type { Locale } from "../platform/locale";
import { DomainError, forbidden, invalid, isUniqueViolation, notFound } from "../platform/errors";
import { msg } from "../platform/messages";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./passwords";
import { alreadyRegisteredMail, issueVerificationToken, verificationMail, type SignUpMode } from "./email-verification";
import { sendMail, type Mail } from "../platform/mail";
import { endSessionsOf } from "./sessions";
import type { SignUpInput } from "./schemas";
import type { SsoOrganization } from "./oidc";
import { PublicUser, publicFields, SETUP_KEY, needsSetup, signUpMode, SignUpOptions, mail, FAILURES_KEPT_MS } from "./queries";

/**
 * The one-time setup: the first person becomes an organizer. The Setting row's
 * primary key makes a second setup fail even if two requests race.
 */
export async function createFirstOrganizer(db: Db, input: SignUpInput): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      if ((await tx.setting.findUnique({ where: { key: SETUP_KEY } })) || (await tx.user.count()) > 0) {
        throw forbidden(msg("people.setup.alreadyDone"));
      }
      await tx.setting.create({ data: { key: SETUP_KEY, value: new Date().toISOString() } });
      return tx.user.create({
        // nobody could approve the first account: whoever installs Hexathon vouches for it
        data: { name: input.name, email: input.email, passwordHash, role: "ORGANIZER", emailVerifiedAt: new Date() },
        select: publicFields,
      }) as Promise<PublicUser>;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw forbidden(msg("people.setup.alreadyDone"));
    throw error;
  }
}

/** Marks setup as done without creating anyone (the demo seed, which creates its own organizer). */
export async function markSetupDone(db: Db): Promise<void> {
  await db.setting.upsert({ where: { key: SETUP_KEY }, create: { key: SETUP_KEY, value: new Date().toISOString() }, update: {} });
}

/**
 * A new account, which may not sign in until its address is proven. The
 * answer is the same whether or not the address already has an account (no
 * way to learn who has one): its owner hears by email instead, and an
 * unconfirmed account signed up for again gets the new password and a new
 * link (the old one stops working).
 */
export async function signUp(db: Db, input: SignUpInput, options: SignUpOptions): Promise<{ mode: SignUpMode }> {
  const { origin, mode = signUpMode(), send = (mail: Mail) => sendMail(mail) } = options;
  assertDomain(input.email);
  if (await needsSetup(db)) {
    throw invalid(msg("people.setup.notYet"));
  }
  const passwordHash = await hashPassword(input.password);
  let existing = await db.user.findUnique({ where: { email: input.email } });
  if (!existing) {
    try {
      const created = await db.user.create({ data: { name: input.name, email: input.email, passwordHash, role: "EMPLOYEE" } });
      if (mode === "email") await mail(send, verificationMail(input.email, await verificationLink(db, created.id, origin)));
      return { mode };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      existing = await db.user.findUniqueOrThrow({ where: { email: input.email } }); // signed up twice at once
    }
  }
  if (mode === "approval") return { mode }; // the first sign-up waits for an organizer, unchanged
  if (existing.emailVerifiedAt) {
    await mail(send, alreadyRegisteredMail(input.email, `${origin}/signin`));
  } else {
    await db.user.update({ where: { id: existing.id }, data: { name: input.name, passwordHash } });
    await mail(send, verificationMail(input.email, await verificationLink(db, existing.id, origin)));
  }
  return { mode };
}

/** An organizer vouches for the address (approval mode, or an email that never arrives). */
export async function approveAccount(db: Db, actor: Actor | null, userId: string, now = new Date()): Promise<PublicUser> {
  assertOrganizer(actor, msg("people.doing.approveAccounts"));
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw notFound(msg("people.personNotFound"));
  await db.emailToken.deleteMany({ where: { userId } });
  return (await db.user.update({ where: { id: userId }, data: { emailVerifiedAt: user.emailVerifiedAt ?? now }, select: publicFields })) as PublicUser;
}

/** An organizer refuses a sign-up: the account (never used: it could not sign in) is deleted. */
export async function refuseAccount(db: Db, actor: Actor | null, userId: string): Promise<void> {
  assertOrganizer(actor, msg("people.doing.refuseAccounts"));
  const { count } = await db.user.deleteMany({ where: { id: userId, emailVerifiedAt: null } });
  if (count === 0) throw notFound(msg("people.notAwaitingApproval"));
}

/**
 * Signing in with a password, throttled per account and per client address
 * (lib/people/rules.ts): while an account or address must wait, even the
 * right password is refused with the time it may try again. A failure is
 * recorded whether or not the account exists; a success forgets the account's.
 */
export async function signInWithPassword(db: Db, email: string, password: string, clientHash: string, now = () => new Date()): Promise<PublicUser> {
  const normalized = email.trim().toLowerCase();
  return oneAtATime(normalized, async () => {
    const start = now();
    const since = new Date(start.getTime() - THROTTLE.windowMs);
    const [account, client] = await Promise.all([failures(db, { email: normalized }, since), failures(db, { clientHash }, since)]);
    const allowedAt = nextAttemptAt(account, client);
    if (allowedAt && allowedAt > start) throw new DomainError("RATE_LIMITED", throttleMessage(allowedAt, start));
    const user = await verifyCredentials(db, normalized, password);
    const unproven = user && unprovenAddress(user);
    if (unproven) throw new DomainError("FORBIDDEN", unproven);
    if (!user) {
      await db.signInFailure.create({ data: { email: normalized, clientHash, createdAt: now() } });
      await db.signInFailure.deleteMany({ where: { createdAt: { lt: new Date(start.getTime() - FAILURES_KEPT_MS) } } });
      throw new DomainError("UNAUTHENTICATED", msg("people.signIn.wrongCredentials"));
    }
    await db.signInFailure.deleteMany({ where: { email: normalized } });
    return user;
  });
}

/** The user for these credentials, or null. Same cost whether or not the email exists. */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<(PublicUser & { emailVerifiedAt: Date | null }) | null> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user?.passwordHash) {
    await verifyPassword(await dummyPasswordHash(), password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role as Role, emailVerifiedAt: user.emailVerifiedAt };
}

/**
 * A person signing in through the company's OpenID Connect provider: found by
 * email, or created as an employee (within the allowed domains). The provider
 * vouches for the address, so an account whose address was never proven is
 * the SSO user's: the password someone chose for it is dropped (nobody ever
 * signed in with it), and the SSO sign-in never inherits it.
 */
export async function findOrCreateSsoUser(db: Db, email: string, name: string, organization?: SsoOrganization, now = new Date()): Promise<PublicUser> {
  const normalized = email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email: normalized } });
  // the company's directory is the truth about departments and managers: refreshed at every sign-in
  const org = organization ?? {};
  if (existing?.emailVerifiedAt) {
    if (organization && (existing.department !== organization.department || existing.managerEmail !== organization.managerEmail)) {
      await db.user.update({ where: { id: existing.id }, data: org });
    }
    return { id: existing.id, name: existing.name, email: existing.email, role: existing.role as Role };
  }
  if (existing) {
    await db.emailToken.deleteMany({ where: { userId: existing.id } });
    await endSessionsOf(db, existing.id);
    return (await db.user.update({
      where: { id: existing.id },
      data: { passwordHash: null, emailVerifiedAt: now, ...org },
      select: publicFields,
    })) as PublicUser;
  }
  assertDomain(normalized);
  try {
    return (await db.user.create({
      data: { email: normalized, name: name.trim() || normalized.split("@")[0], role: "EMPLOYEE", emailVerifiedAt: now, ...org },
      select: publicFields,
    })) as PublicUser;
  } catch (error) {
    if (isUniqueViolation(error)) {
      return (await db.user.findUniqueOrThrow({ where: { email: normalized }, select: publicFields })) as PublicUser;
    }
    throw error;
  }
}

/**
 * Changes someone's role; a new role starts with a new sign-in everywhere.
 * There is always an organizer left: the organizers' rows are locked first
 * (PostgreSQL; SQLite runs one write transaction at a time), so two organizers
 * demoting each other at the same moment don't both count two organizers and
 * leave none: the second waits for the first and counts again. Under that lock
 * the actor must still be an organizer (demoted a moment ago, by a request that
 * passed the session check before, they may not act any more).
 */
export async function setRole(db: Db, actor: Actor | null, userId: string, role: Role): Promise<PublicUser> {
  const me = assertOrganizer(actor, msg("people.doing.changeRoles"));
  return db.$transaction(async (tx) => {
    const organizers = await lockOrganizers(db, tx);
    if (!organizers.includes(me.id)) throw forbidden(msg("people.noLongerOrganizer"));
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound(msg("people.personNotFound"));
    if (user.role === "ORGANIZER" && role !== "ORGANIZER" && organizers.length <= 1) {
      throw new DomainError("INVALID", msg("people.lastOrganizer"));
    }
    const updated = (await tx.user.update({ where: { id: userId }, data: { role }, select: publicFields })) as PublicUser;
    // a new role starts with a new sign-in on every browser (what was open was opened under the old one)
    if (user.role !== role) await endSessionsOf(tx, userId);
    return updated;
  });
}

/** Changes one's own password; every other browser signed in as this person is signed out. */
export async function changePassword(db: Db, actor: Actor | null, sessionId: string | undefined, current: string, next: string): Promise<void> {
  const me = requireActor(actor);
  const user = await db.user.findUnique({ where: { id: me.id } });
  if (!user) throw notFound(msg("people.personNotFound"));
  if (!user.passwordHash) throw invalid(msg("people.password.ssoOnly"));
  if (!(await verifyPassword(user.passwordHash, current))) throw new DomainError("FORBIDDEN", msg("people.password.notCurrent"), "current");
  await db.user.update({ where: { id: me.id }, data: { passwordHash: await hashPassword(next) } });
  await endSessionsOf(db, me.id, sessionId);
}

function assertDomain(email: string) {
  const domains = allowedEmailDomains();
  if (!emailDomainAllowed(email, domains)) {
    throw forbidden(msg("people.signUp.domainsOnly", { domains: domains.map((d) => "@" + d).join(", ") }));
  }
}

async function verificationLink(db: Db, userId: string, origin: string) {
  return `${origin}/verify?token=${await issueVerificationToken(db, userId)}`;
}

/** Why a person with the right password may not sign in yet, or null. */
function unprovenAddress(user: { email: string; emailVerifiedAt: Date | null }): string | null {
  if (user.emailVerifiedAt) return null;
  return signUpMode() === "email" ? msg("people.signIn.confirmAddressFirst", { email: user.email }) : msg("people.signIn.awaitingApproval");
}
function oneAtATime<T>(key: string, run: () => Promise<T>): Promise<T> {
  const previous = accountQueues.get(key) ?? Promise.resolve();
  const next = previous.then(run, run);
  const settled = next.catch(() => {});
  accountQueues.set(key, settled);
  void settled.then(() => accountQueues.get(key) === settled && accountQueues.delete(key));
  return next;
}

async function failures(db: Db, where: { email: string } | { clientHash: string }, since: Date): Promise<FailureCounts> {
  const result = await db.signInFailure.aggregate({ where: { ...where, createdAt: { gte: since } }, _count: { _all: true }, _max: { createdAt: true } });
  return { count: result._count._all, last: result._max.createdAt };
}

/**
 * The organizers' ids, their rows locked until the transaction ends. On
 * PostgreSQL at READ COMMITTED a plain count would read the organizers as they
 * were before a concurrent demotion commits; FOR NO KEY UPDATE makes the second
 * role change wait, then re-reads the rows (a row demoted meanwhile drops out).
 * In the order of the ids, so two role changes never deadlock; NO KEY, so a
 * sign-in (a new session referencing the user) doesn't wait for it.
 */
async function lockOrganizers(db: Db, tx: Tx): Promise<string[]> {
  if (dbKind(db) === "postgresql") {
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT "id" FROM "User" WHERE "role" = 'ORGANIZER' ORDER BY "id" FOR NO KEY UPDATE`);
    return rows.map((r) => r.id);
  }
  return (await tx.user.findMany({ where: { role: "ORGANIZER" }, select: { id: true } })).map((r) => r.id);
}

// Attempts on one account are made one after the other in this process, so a
// burst of parallel guesses can't all pass the throttle before the first
// failure is recorded.
const accountQueues = new Map<string, Promise<unknown>>();

// ---- the personal calendar's secret address -------------------------------------

/** The secret of the person's calendar address (/calendar/<key>.ics), created on first use. */
export async function myCalendarKey(db: Db, actor: Actor | null): Promise<string> {
  const me = requireActor(actor);
  await db.user.updateMany({ where: { id: me.id, calendarKey: null }, data: { calendarKey: newCalendarKey() } });
  const user = await db.user.findUnique({ where: { id: me.id }, select: { calendarKey: true } });
  if (!user?.calendarKey) throw notFound(msg("people.accountGone"));
  return user.calendarKey;
}

/** A new secret: the old address stops working (it was shared by mistake). */
export async function resetCalendarKey(db: Db, actor: Actor | null): Promise<string> {
  const me = requireActor(actor);
  const calendarKey = newCalendarKey();
  await db.user.update({ where: { id: me.id }, data: { calendarKey } });
  return calendarKey;
}

const newCalendarKey = () => randomBytes(24).toString("base64url");

// ---- the person's language ------------------------------------------------------

/** The language the person reads Hexathon in, on every device they sign in on, and gets their emails in. */
export async function setMyLocale(db: Db, actor: Actor | null, locale: Locale): Promise<void> {
  const me = requireActor(actor);
  await db.user.update({ where: { id: me.id }, data: { locale } });
}
