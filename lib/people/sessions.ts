// Signed-in browsers. The session cookie is a JWT that carries a Session
// row's id; the row is read with the person on every request (one indexed
// query, the one that read the person before), so ending a session is
// deleting its row: sign-out, a password or role change and an organizer's
// "sign out everywhere" take effect on the next request, not in 30 days.
import type { Db, Tx } from "../platform/db";
import { type Role, assertOrganizer, requireActor, type Actor } from "./rules";
import { notFound } from "../platform/errors";
import { msg } from "../platform/messages";
import { isLocale, type Locale } from "../platform/locale";

export const SESSION_DAYS = 30;
const SESSION_MS = SESSION_DAYS * 24 * 60 * 60 * 1000;

export type SessionActor = Actor & { name: string; email: string; locale: Locale | null; sessionId: string };

export async function startSession(db: Db, userId: string, userAgent = "", now = new Date()): Promise<string> {
  // a person's expired sessions go when they start a new one: the table stays the size of who is signed in
  await db.session.deleteMany({ where: { userId, expiresAt: { lt: now } } });
  const session = await db.session.create({
    data: { userId, userAgent: userAgent.slice(0, 200), expiresAt: new Date(now.getTime() + SESSION_MS), createdAt: now },
  });
  return session.id;
}

/** The person behind a live session, as stored now (roles change); null when it ended, expired or isn't theirs. */
export async function actorForSession(db: Db, userId: string, sessionId: string, now = new Date()): Promise<SessionActor | null> {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { userId: true, expiresAt: true, user: { select: { id: true, name: true, email: true, role: true, locale: true } } },
  });
  if (!session || session.userId !== userId || session.expiresAt <= now) return null;
  const { locale, ...user } = session.user;
  return { ...user, role: user.role as Role, locale: isLocale(locale) ? locale : null, sessionId };
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of a person, but `keep` (the one asking, after changing their own password). */
export async function endSessionsOf(db: Db | Tx, userId: string, keep?: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId, ...(keep ? { id: { not: keep } } : {}) } });
  return count;
}

/** Signs this person out of every other browser; the one they are using stays signed in. Returns how many were signed out. */
export async function signOutOtherBrowsers(db: Db, actor: SessionActor | null): Promise<number> {
  const me = requireActor(actor);
  return endSessionsOf(db, me.id, actor!.sessionId);
}

/** An organizer signs someone out of every browser (a lost laptop, someone leaving). */
export async function signOutEverywhere(db: Db, actor: Actor | null, userId: string): Promise<number> {
  assertOrganizer(actor, msg("people.doing.signPeopleOut"));
  if (!(await db.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw notFound(msg("people.personNotFound"));
  return endSessionsOf(db, userId);
}

/** One's own signed-in browsers, newest first. */
export async function mySessions(db: Db, actor: Actor | null, now = new Date()) {
  const me = requireActor(actor);
  return db.session.findMany({
    where: { userId: me.id, expiresAt: { gt: now } },
    select: { id: true, userAgent: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}
