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

/**
 * The network an address speaks for: an IPv4 address itself (a hall behind one
 * NAT is one address anyway), an IPv6 address's /64 ("2001:db8:7:1::/64"),
 * because a phone or a Wi-Fi gets a whole /64 and picks addresses in it at
 * will. Anything else (no address, a malformed one) comes back unchanged.
 */
export function clientNetwork(address: string): string {
  if (!address.includes(":")) return address;
  // without brackets and zone ("%wlan0"); an embedded IPv4 tail ("64:ff9b::192.0.2.1") counts as two groups
  const bare = address
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "")
    .toLowerCase()
    .replace(/\d+\.\d+\.\d+\.\d+$/, "0:0");
  const [headText, tailText, extra] = bare.split("::");
  if (extra !== undefined) return address;
  const head = headText ? headText.split(":") : [];
  const tail = tailText ? tailText.split(":") : [];
  let groups = head;
  if (tailText !== undefined) {
    if (head.length + tail.length > 7) return address;
    groups = [...head, ...Array<string>(8 - head.length - tail.length).fill("0"), ...tail];
  }
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return address;
  const prefix = groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, ""));
  return `${prefix.join(":")}::/64`;
}
