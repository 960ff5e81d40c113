// People's rules, as plain functions (no database): roles, who an actor is
// and whether they organize, the company's email domains, and how password
// guessing is slowed. Every write in lib/ calls one of the `assert…` helpers
// before it writes, so the server refuses what the UI hides even when somebody
// crafts the request by hand; each domain's own "who may" lives in its rules.ts.
import { DomainError, forbidden } from "../platform/errors";
import { msg } from "../platform/messages";
import { formatInZone } from "../platform/time";

export const ROLES = ["ORGANIZER", "JUDGE", "EMPLOYEE"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  ORGANIZER: "Organizer",
  JUDGE: "Judge",
  EMPLOYEE: "Employee",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export type Actor = { id: string; role: Role };
export const isOrganizer = (actor: Actor | null | undefined) => actor?.role === "ORGANIZER";

/** Judges, and organizers (who may stand in for one): score challenges, see the teams' attempts, vote for jury prizes. */
export const canJudge = (actor: Actor | null | undefined) => actor?.role === "JUDGE" || actor?.role === "ORGANIZER";

export function canManageRoles(actor: Actor | null): boolean {
  return isOrganizer(actor);
}

// ---- assertions used by the data layer -----------------------------------

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new DomainError("UNAUTHENTICATED", msg("people.signInFirst"));
  return actor;
}

/**
 * The actor, if they organize; else "Only organizers can {doing}.". `doing` is
 * what they tried, an infinitive phrase ("create editions"): best a message of
 * lib/ (msg("people.doing.forgetPeople"), whose French reads after "Seuls les
 * organisateurs peuvent …"), or plain text (shown as it is in every language).
 */
export function assertOrganizer(actor: Actor | null, doing: string): Actor {
  const a = requireActor(actor);
  if (!isOrganizer(a)) throw forbidden(msg("people.onlyOrganizers", { doing }));
  return a;
}

// Password guessing is slowed per account and per client address, from the
// failed attempts recorded in the database (they survive a restart and are
// shared by every instance). An address typed that has no account is counted
// and answered exactly like one that has: the answer never tells whether an
// account exists.
export const THROTTLE = {
  /** failures older than this are forgotten */
  windowMs: 15 * 60_000,
  /** failures per account before each new try must wait (1 s, 2 s, 4 s, … up to a minute) */
  accountFreeFailures: 5,
  /** failures per account that lock it */
  accountLockFailures: 10,
  /** failures from one client address that lock it: high, because an office shares one address */
  clientLockFailures: 50,
  lockMs: 15 * 60_000,
  maxBackoffMs: 60_000,
} as const;

export type FailureCounts = { count: number; last: Date | null };

/** When the next attempt may be made (null: now), from the failures of the account and of the client. */
export function nextAttemptAt(account: FailureCounts, client: FailureCounts): Date | null {
  const waits: number[] = [];
  if (account.last && account.count >= THROTTLE.accountLockFailures) waits.push(account.last.getTime() + THROTTLE.lockMs);
  else if (account.last && account.count >= THROTTLE.accountFreeFailures) {
    waits.push(account.last.getTime() + Math.min(THROTTLE.maxBackoffMs, 1000 * 2 ** (account.count - THROTTLE.accountFreeFailures)));
  }
  if (client.last && client.count >= THROTTLE.clientLockFailures) waits.push(client.last.getTime() + THROTTLE.lockMs);
  return waits.length ? new Date(Math.max(...waits)) : null;
}

/** "Too many failed sign-ins. Try again in 15 minutes (at 14:32 UTC)." (a message of lib/) */
export function throttleMessage(at: Date, now: Date, timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): string {
  const seconds = Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
  const clock = formatInZone(at, timeZone, { weekday: undefined, day: undefined, month: undefined, timeZoneName: "short" });
  return seconds < 90
    ? msg("people.signIn.throttledSeconds", { seconds, clock })
    : msg("people.signIn.throttledMinutes", { minutes: Math.ceil(seconds / 60), clock });
}

/** Sign-up is limited to the company's email domains when HEXATHON_ALLOWED_EMAIL_DOMAINS is set. */
export function emailDomainAllowed(email: string, domains: readonly string[]): boolean {
  if (domains.length === 0) return true;
  const domain = email.toLowerCase().split("@").pop() ?? "";
  return domains.includes(domain);
}
