// Proving an address: a new account may not sign in until the person behind
// it follows a one-time link sent to that address (when the server can send
// email) or an organizer approves it (when it can't). Links are single-use,
// expire, and only their SHA-256 is stored.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../platform/db";
import { DomainError, invalid } from "../platform/errors";
import { msg } from "../platform/messages";
import { escapeHtml, type Mail } from "../platform/mail";
import { verifyPassword } from "./passwords";

export type SignUpMode = "email" | "approval";

export const VERIFY_PURPOSE = "VERIFY_EMAIL";
export const LINK_HOURS = 24;

export const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new link for this person (earlier ones stop working); the token to put in it. */
export async function issueVerificationToken(db: Db, userId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.$transaction([
    db.emailToken.deleteMany({ where: { userId, purpose: VERIFY_PURPOSE } }),
    db.emailToken.create({
      data: { tokenHash: sha256(token), userId, purpose: VERIFY_PURPOSE, expiresAt: new Date(now.getTime() + LINK_HOURS * 3600_000), createdAt: now },
    }),
  ]);
  return token;
}

const LINK_INVALID = msg("people.verify.linkInvalid");

/** Whose address a link would confirm (for the page that asks for the password), or why it can't. */
export async function verificationTarget(db: Db, token: string, now = new Date()): Promise<{ email: string }> {
  const row = await db.emailToken.findUnique({ where: { tokenHash: sha256(token) }, include: { user: { select: { email: true } } } });
  if (!row?.user || row.purpose !== VERIFY_PURPOSE || row.usedAt || row.expiresAt <= now) throw invalid(LINK_INVALID);
  return { email: row.user.email };
}

/**
 * Confirms the address: the link (sent to the mailbox) and the password chosen
 * at sign-up (known to whoever signed up) together. Someone who signed up
 * with a colleague's address never receives the link; the colleague who
 * receives it can't use it with a password they didn't choose, and signs up
 * again (which replaces the password and the link).
 */
export async function confirmAddress(db: Db, token: string, password: string, now = new Date()): Promise<{ email: string }> {
  const row = await db.emailToken.findUnique({ where: { tokenHash: sha256(token) }, include: { user: true } });
  if (!row?.user || row.purpose !== VERIFY_PURPOSE || row.usedAt || row.expiresAt <= now) throw invalid(LINK_INVALID);
  if (!row.user.passwordHash || !(await verifyPassword(row.user.passwordHash, password))) {
    throw new DomainError("FORBIDDEN", msg("people.verify.wrongPassword"), "password");
  }
  const used = await db.emailToken.updateMany({ where: { tokenHash: row.tokenHash, usedAt: null }, data: { usedAt: now } });
  if (used.count === 0) throw invalid(LINK_INVALID); // used by a simultaneous click
  await db.user.update({ where: { id: row.user.id }, data: { emailVerifiedAt: now } });
  return { email: row.user.email };
}

export function verificationMail(to: string, link: string): Mail {
  const text = [
    "Hello,",
    "",
    "Someone (we hope you) created a Hexathon account with this address. To confirm it, open this link and type the password you chose:",
    "",
    link,
    "",
    `The link works once, for ${LINK_HOURS} hours. If you didn't sign up, ignore this email: nobody can use the account without it.`,
  ].join("\n");
  return { to, subject: "Confirm your address for Hexathon", text, html: htmlOf(text, link) };
}

/** For a sign-up with an address that already has an account: its owner hears, the form says nothing more than usual. */
export function alreadyRegisteredMail(to: string, signInLink: string): Mail {
  const text = [
    "Hello,",
    "",
    "Someone tried to create a Hexathon account with this address, but you already have one. To use it, sign in:",
    "",
    signInLink,
    "",
    "If it wasn't you, there is nothing to do: your account is unchanged.",
  ].join("\n");
  return { to, subject: "You already have a Hexathon account", text, html: htmlOf(text, signInLink) };
}

/** The HTML part of a mail whose plain text is `text`: its paragraphs, the one that is `link` made a link. */
export function htmlOf(text: string, link: string): string {
  const paragraphs = text
    .split("\n\n")
    .map((p) => (p === link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`));
  return `<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">${paragraphs.join("")}</body></html>`;
}
