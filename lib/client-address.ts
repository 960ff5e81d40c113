// Who is asking, as far as the network tells: for per-address limits (sign-in
// throttling, minting voter ids) and for spotting a cluster of ballots.
//
// Next.js fills X-Forwarded-For with the socket's address only when the
// request has none, and a reverse proxy appends the address it saw: the
// rightmost entry is the one this server's nearest hop vouches for. Exposed
// without a proxy, a client could write its own header: run Hexathon behind
// one (docs/deploy) for the per-address limits to hold.
import { createHmac } from "node:crypto";

export function clientAddress(forwardedFor: string | null | undefined): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const last = hops.at(-1) ?? "unknown";
  // IPv4 seen through an IPv6 socket ("::ffff:10.0.0.7") is the IPv4 address
  return last.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").slice(0, 64);
}

/** The address, hashed with the server's secret: the same address gives the same hash; the hash gives no address. */
export function clientHash(address: string, secret: string): string {
  return createHmac("sha256", secret).update(`client:${address}`).digest("base64url").slice(0, 22);
}
