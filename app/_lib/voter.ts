// The anonymous voter's card (a random id in a signed cookie) and where the
// request comes from. Only the ballot options (GET /api/vote/CODE) issue a
// card, rate-limited per client network; a ballot (PUT) only reads one, so a
// ballot without a card the server issued is refused, never counted.
import "server-only";
import { cookies, headers } from "next/headers";
import { publicOrigin } from "./origin";
import { getDb } from "./db";
import { getCurrentUser } from "./session";
import { clientAddress, clientHash, clientNetwork } from "@/lib/platform/client-address";
import { authSecret } from "@/lib/platform/config";
import type { VoterRequest } from "@/lib/votes/rules";
import { admitNewVoter } from "@/lib/votes/voter-cards";
import { VOTER_COOKIE, newVoterId, signVoterId, verifyVoterToken } from "@/lib/votes/voter-id";

/** This device's voter id from its signed cookie, or null when it has none or a forged one. Never issues one. */
export async function readVoterId(): Promise<string | null> {
  return verifyVoterToken((await cookies()).get(VOTER_COOKIE)?.value, authSecret());
}

/**
 * This device's voter id; a new one (and the cookie) when it has none, if its
 * network may have another now (TooManyNewVoters otherwise). Route handlers only.
 */
export async function issueVoterId(client: string): Promise<string> {
  const existing = await readVoterId();
  if (existing) return existing;
  await admitNewVoter(getDb(), client);
  const id = newVoterId();
  (await cookies()).set(VOTER_COOKIE, signVoterId(id, authSecret()), {
    httpOnly: true,
    sameSite: "lax",
    secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https:"),
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
  return id;
}

/** The request's client network, hashed with the server's secret (kept with each ballot; the key of the limit on new cards). */
export async function requestClientHash(): Promise<string> {
  return clientHash(clientNetwork(clientAddress((await headers()).get("x-forwarded-for"))), authSecret());
}

/** Who this request votes as, for a ballot: its voter card is read, never issued. */
export function ballotRequest(): VoterRequest {
  return {
    person: getCurrentUser,
    card: readVoterId,
    clientHash: requestClientHash,
    site: async () => (await publicOrigin()).replace(/^https?:\/\//, ""),
  };
}

/** Who this request votes as, for the ballot options: a phone without a voter card gets one (rate-limited per network). */
export function ballotOptionsRequest(): VoterRequest {
  return { ...ballotRequest(), card: async () => issueVoterId(await requestClientHash()) };
}
