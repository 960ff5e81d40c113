// What is known about people: the one-time setup, how sign-up works here,
// accounts waiting for approval, recent failed sign-ins, the people list.
import { type Db } from "../platform/db";
import { type Role, nextAttemptAt, THROTTLE, assertOrganizer, requireActor, type Actor } from "./rules";
import { invalid } from "../platform/errors";
import { msg } from "../platform/messages";
import { type SignUpMode } from "./email-verification";
import { mailConfig, type Mail } from "../platform/mail";
import { log } from "../platform/log";

export type PublicUser = { id: string; name: string; email: string; role: Role };
export const publicFields = { id: true, name: true, email: true, role: true } as const;

/** True on a fresh install: nobody has been made the first organizer yet. */
export async function needsSetup(db: Db): Promise<boolean> {
  const done = await db.setting.findUnique({ where: { key: SETUP_KEY } });
  if (done) return false;
  return (await db.user.count()) === 0;
}

/** How new accounts prove their address here: a link by email when the server can send one, else an organizer's approval. */
export const signUpMode = (): SignUpMode => (mailConfig() ? "email" : "approval");

export type SignUpOptions = {
  /** this site's address, for the links in emails */
  origin: string;
  mode?: SignUpMode;
  send?: (mail: Mail) => Promise<void>;
};

/** Accounts whose address isn't proven yet, oldest first, for organizers. */
export async function pendingAccounts(db: Db, actor: Actor | null) {
  assertOrganizer(actor, msg("people.doing.approveAccounts"));
  return db.user.findMany({ where: { emailVerifiedAt: null }, select: { id: true, name: true, email: true, createdAt: true }, orderBy: { createdAt: "asc" } });
}

/** Failed sign-ins of the last day, by the address typed, for organizers. */
export async function recentSignInFailures(db: Db, actor: Actor | null, now = new Date()) {
  assertOrganizer(actor, msg("people.doing.seeFailedSignIns"));
  const since = new Date(now.getTime() - FAILURES_KEPT_MS);
  const groups = await db.signInFailure.groupBy({
    by: ["email"],
    where: { createdAt: { gte: since } },
    _count: { _all: true },
    _max: { createdAt: true },
    orderBy: { _max: { createdAt: "desc" } },
    take: 100,
  });
  const clients = await db.signInFailure.groupBy({
    by: ["email", "clientHash"],
    where: { createdAt: { gte: since }, email: { in: groups.map((g) => g.email) } },
  });
  return groups.map((g) => {
    const account = { count: g._count._all, last: g._max.createdAt };
    const lockedUntil = nextAttemptAt({ count: Math.min(account.count, THROTTLE.accountLockFailures), last: account.last }, { count: 0, last: null });
    return {
      email: g.email,
      failures: account.count,
      last: account.last!,
      clients: clients.filter((c) => c.email === g.email).length,
      waitUntil: lockedUntil && lockedUntil > now ? lockedUntil : null,
    };
  });
}

export async function listPeople(db: Db, actor: Actor | null) {
  assertOrganizer(actor, msg("people.doing.managePeople"));
  return db.user.findMany({ where: { forgottenAt: null }, select: { ...publicFields, createdAt: true }, orderBy: [{ role: "asc" }, { name: "asc" }] });
}

/** Whether this person signs in with a password (not only through the SSO). */
export async function hasPassword(db: Db, actor: Actor | null): Promise<boolean> {
  const me = requireActor(actor);
  return !!(await db.user.findUnique({ where: { id: me.id }, select: { passwordHash: true } }))?.passwordHash;
}

export const SETUP_KEY = "setup";
/** failed sign-ins are shown to organizers for a day, then deleted */
export const FAILURES_KEPT_MS = 24 * 60 * 60 * 1000;

export async function mail(send: (mail: Mail) => Promise<void>, message: Mail) {
  try {
    await send(message);
  } catch (error) {
    log().error({ err: error }, "sending an email failed");
    throw invalid(msg("people.signUp.mailFailed"));
  }
}

/** The secret of the person's calendar address, or null until they ask for one. */
export async function calendarKeyOf(db: Db, actor: Actor | null): Promise<string | null> {
  const me = requireActor(actor);
  return (await db.user.findUnique({ where: { id: me.id }, select: { calendarKey: true } }))?.calendarKey ?? null;
}
