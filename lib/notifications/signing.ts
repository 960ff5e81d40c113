// Signatures of webhook deliveries, as the Standard Webhooks specification
// (standardwebhooks.com) has them, so receivers can verify with its libraries
// in any language, or with the dozen lines in docs/notifications.md:
//   webhook-id: the delivery's id (the same on every retry: deduplicate on it)
//   webhook-timestamp: seconds since the epoch (refuse ones too old: replays)
//   webhook-signature: "v1," + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body))
// where the key is the base64 after "whsec_" in the secret.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A new secret, shown once to the organizer. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

export function signatureHeaders(secret: string, deliveryId: string, body: string, now = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000).toString();
  return { "webhook-id": deliveryId, "webhook-timestamp": timestamp, "webhook-signature": `v1,${sign(secret, deliveryId, timestamp, body)}` };
}

function sign(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
}

/** What a receiver does (the tests do it too): true when one of the signatures matches and the timestamp is recent. */
export function verifySignature(secret: string, headers: Record<string, string | undefined>, body: string, now = new Date(), toleranceS = 300): boolean {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"];
  if (!id || !timestamp || !signatures) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceS) return false;
  const expected = Buffer.from(sign(secret, id, timestamp, body));
  return signatures.split(" ").some((candidate) => {
    const [version, value] = candidate.split(",", 2);
    const given = Buffer.from(value ?? "");
    return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** What an unsubscribe link stops: one kind of email, every digest, or every notification. */
export type UnsubscribeScope = string;

// Unsubscribe links work without signing in (RFC 8058's one-click: a mail
// provider posts to them), so they carry whose settings they change and a
// signature only this server can make. The key is derived from the server's
// auth secret: no table of links, and none works on another installation.
const unsubscribeKey = (secret: string) => createHmac("sha256", secret).update("hexathon email unsubscribe").digest();

function unsubscribeSignature(secret: string, payload: string): string {
  return createHmac("sha256", unsubscribeKey(secret)).update(payload).digest("base64url").slice(0, 32);
}

/** The token in a person's unsubscribe link for `scope`. */
export function unsubscribeToken(secret: string, userId: string, scope: UnsubscribeScope): string {
  const payload = Buffer.from(`${userId} ${scope}`).toString("base64url");
  return `${payload}.${unsubscribeSignature(secret, payload)}`;
}

/** Whose settings and which scope the token names, or null when it wasn't made here (or was altered). */
export function readUnsubscribeToken(secret: string, token: string): { userId: string; scope: UnsubscribeScope } | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(unsubscribeSignature(secret, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [userId, scope, more] = Buffer.from(payload, "base64url").toString("utf8").split(" ");
  return userId && scope && more === undefined ? { userId, scope } : null;
}
