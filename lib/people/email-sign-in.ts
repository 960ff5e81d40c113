// Signing in by a one-time link sent by email (next-auth's email provider), the
// third way in beside a password and the company's SSO. next-auth keeps that
// provider's tokens and finds people through an adapter; this is the smallest
// adapter the email provider needs, and the SSO's callback, which uses it too
// once it is set. It stores what we already have: tokens are EmailToken rows
// (purpose SIGN_IN, only a SHA-256 of the token), people are User rows. No
// provider accounts are kept (SSO people are matched by email) and no
// database sessions (the session stays a JWT carrying a Session row's id,
// lib/people/sessions.ts).
//
// An address without an account: within the domains allowed to sign up, the
// link's token keeps the address, and following the link creates the account,
// proven, named after the address (the person renames it in their account).
// Nothing is created by asking, so made-up addresses leave no accounts behind.
// Outside those domains no mail goes out, and the form answers as it does for
// everyone, so it never tells who has an account.
//
// The types are next-auth's (AdapterUser, VerificationToken) written out:
// lib/ doesn't import next-auth, and app/_lib/auth.ts checks this against its
// Adapter type.
import type { Db } from "../platform/db";
import { allowedEmailDomains } from "../platform/config";
import { forbidden } from "../platform/errors";
import { msg } from "../platform/messages";
import type { Mail } from "../platform/mail";
import { SharedRateLimiter, type Rate } from "../platform/rate-limit";
import { findOrCreateSsoUser } from "./commands";
import { htmlOf, sha256 } from "./email-verification";
import { needsSetup } from "./queries";
import { emailDomainAllowed } from "./rules";

export const SIGN_IN_PURPOSE = "SIGN_IN";
export const SIGN_IN_LINK_MINUTES = 15;

/** A mailbox may be sent 3 links at once, then one every 5 minutes: enough to retry, too few to flood a colleague. */
export const LINKS_PER_ADDRESS: Rate = { burst: 3, perMinute: 0.2 };
/** High, because an office shares one address, and the morning of the event everyone signs in at once. */
export const LINKS_PER_CLIENT: Rate = { burst: 100, perMinute: 20 };

export type LinkUser = { id: string; email: string; name: string; emailVerified: Date | null };
export type LinkToken = { identifier: string; token: string; expires: Date };
type UserRow = { id: string; email: string; name: string; emailVerifiedAt: Date | null; guest: boolean };

const normalize = (email: string) => email.trim().toLowerCase();
const linkUser = (user: UserRow): LinkUser => ({ id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerifiedAt });

/** "jane.doe+hexathon@corp.example" → "Jane Doe": the name of an account created by a link, until the person gives theirs. */
export function nameFromAddress(email: string): string {
  const local = normalize(email).split("@")[0].split("+")[0];
  const words = local.split(/[._-]+/).filter(Boolean);
  return words.map((word) => word[0].toUpperCase() + word.slice(1)).join(" ") || local || email;
}

/**
 * Whether a link may be sent to this address: "send"; "quiet" (no mail, and
 * the same answer as "send": a guest, or no account and a domain not allowed
 * to sign up); "wait" (too many links asked for, by this address or this
 * client, whether or not it has an account, so the answer tells nothing).
 */
export async function linkRequest(db: Db, email: string, clientHash: string, now = Date.now()): Promise<"send" | "quiet" | "wait"> {
  const address = normalize(email);
  if (!(await new SharedRateLimiter(db, "sign-in-links-client", LINKS_PER_CLIENT).take(clientHash, now)).ok) return "wait";
  if (!(await new SharedRateLimiter(db, "sign-in-links-address", LINKS_PER_ADDRESS).take(address, now)).ok) return "wait";
  // before the setup, an account created here would stop the first organizer from being created
  if (await needsSetup(db)) return "quiet";
  const user = await db.user.findUnique({ where: { email: address }, select: { emailVerifiedAt: true, guest: true } });
  if (user?.guest) return "quiet";
  if (user?.emailVerifiedAt) return "send";
  return emailDomainAllowed(address, allowedEmailDomains()) ? "send" : "quiet";
}

export function signInLinkMail(to: string, link: string): Mail {
  const text = [
    "Hello,",
    "",
    "To sign in to Hexathon, open this link:",
    "",
    link,
    "",
    `It works once, for ${SIGN_IN_LINK_MINUTES} minutes. If you didn't ask for it, ignore this email: nobody can sign in with it but you.`,
  ].join("\n");
  return { to, subject: "Your sign-in link for Hexathon", text, html: htmlOf(text, link) };
}

/** Whom a link for this address belongs to: the existing account, or, within the allowed domains, the address alone. */
async function ownerOf(db: Db, email: string): Promise<{ userId: string } | { email: string }> {
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, guest: true } });
  if (existing?.guest) throw forbidden(msg("people.signIn.guestInvitationOnly"));
  if (existing) return { userId: existing.id };
  if (!emailDomainAllowed(email, allowedEmailDomains())) throw forbidden(msg("people.signUp.addressNotAllowed"));
  return { email };
}

export function signInAdapter(db: Db) {
  return {
    /** Only accounts that may sign in: the others are new to next-auth, which then calls createUser once the address is proven. */
    async getUserByEmail(email: string): Promise<LinkUser | null> {
      const user = await db.user.findUnique({ where: { email: normalize(email) } });
      return user?.emailVerifiedAt && !user.guest ? linkUser(user) : null;
    },

    // The browser's current session never decides whom a link or the SSO signs in (without an adapter it never did):
    // given a person, next-auth would link the SSO account to them instead.
    async getUser(): Promise<LinkUser | null> {
      return null;
    },

    // No provider accounts are kept: the SSO's people are matched by email (allowDangerousEmailAccountLinking in app/_lib/auth.ts).
    async getUserByAccount(): Promise<LinkUser | null> {
      return null;
    },
    async linkAccount(): Promise<void> {},

    /**
     * The address was just proven, by a link followed or by the SSO (whose
     * signIn callback has already created the person). As for the SSO, an
     * unproven account becomes the prover's and loses the password someone
     * chose for it: whoever signed up with this address may not be its owner.
     */
    async createUser(user: { email: string; name?: string | null; emailVerified?: Date | null }): Promise<LinkUser> {
      const person = await findOrCreateSsoUser(db, user.email, user.name || nameFromAddress(user.email));
      return linkUser(await db.user.findUniqueOrThrow({ where: { id: person.id } }));
    },

    // next-auth stamps emailVerified on every link sign-in; getUserByEmail only hands it proven accounts, so there is nothing to write.
    async updateUser(user: { id: string; emailVerified?: Date | null }): Promise<LinkUser> {
      return linkUser(await db.user.findUniqueOrThrow({ where: { id: user.id } }));
    },

    // next-auth hands us its own hash of the token (with the secret): it is hashed once more so that this table
    // holds, like for address links, only SHA-256s of what it is given.
    async createVerificationToken(token: LinkToken): Promise<LinkToken> {
      const now = new Date();
      const owner = await ownerOf(db, normalize(token.identifier));
      // earlier links that still work keep working (mails arrive out of order); spent ones go, anyone's
      await db.emailToken.deleteMany({ where: { purpose: SIGN_IN_PURPOSE, OR: [{ usedAt: { not: null } }, { expiresAt: { lte: now } }] } });
      await db.emailToken.create({ data: { tokenHash: sha256(token.token), ...owner, purpose: SIGN_IN_PURPOSE, expiresAt: token.expires, createdAt: now } });
      return token;
    },

    async useVerificationToken({ identifier, token }: { identifier: string; token: string }): Promise<LinkToken | null> {
      const now = new Date();
      const tokenHash = sha256(token);
      const row = await db.emailToken.findUnique({ where: { tokenHash }, include: { user: { select: { email: true, guest: true } } } });
      const address = row?.user?.email ?? row?.email;
      if (!row || !address || row.purpose !== SIGN_IN_PURPOSE || row.user?.guest || (identifier && address !== normalize(identifier))) return null;
      // one statement decides: of two simultaneous clicks, one marks it used and the other finds it used
      const used = await db.emailToken.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      return used.count === 1 ? { identifier: address, token, expires: row.expiresAt } : null;
    },
  };
}
