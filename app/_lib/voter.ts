// The anonymous voter's device id, from (or into) the signed voting cookie.
import "server-only";
import { cookies } from "next/headers";
import { authSecret } from "@/lib/config";
import { VOTER_COOKIE, newVoterId, signVoterId, verifyVoterToken } from "@/lib/voter-id";

/** This device's voter id; a new one is issued (and the cookie set) when there is none. Route handlers only. */
export async function voterDeviceId(): Promise<string> {
  const store = await cookies();
  const existing = verifyVoterToken(store.get(VOTER_COOKIE)?.value, authSecret());
  if (existing) return existing;
  const id = newVoterId();
  store.set(VOTER_COOKIE, signVoterId(id, authSecret()), {
    httpOnly: true,
    sameSite: "lax",
    secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https:"),
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
  return id;
}
