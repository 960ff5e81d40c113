// Anonymous voters are told apart by a random id in a signed, http-only
// cookie: one ballot per device. The signature (HMAC with the server's
// secret) stops anyone from minting ids to vote many times by hand.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const VOTER_COOKIE = "hexathon_voter";

export function newVoterId(): string {
  return randomBytes(16).toString("base64url");
}

function signature(id: string, secret: string): string {
  return createHmac("sha256", secret).update(`voter:${id}`).digest("base64url");
}

export function signVoterId(id: string, secret: string): string {
  return `${id}.${signature(id, secret)}`;
}

/** The voter id in a cookie value, or null when it is missing, malformed or forged. */
export function verifyVoterToken(token: string | undefined | null, secret: string): string | null {
  if (!token) return null;
  const [id, sig, extra] = token.split(".");
  if (!id || !sig || extra !== undefined || !/^[\w-]{16,64}$/.test(id)) return null;
  const expected = Buffer.from(signature(id, secret));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}
