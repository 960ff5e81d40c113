// Requests Hexathon makes to addresses an organizer typed (webhooks, chat
// channels): the classic way into a company's internal network (SSRF). Only
// http(s), no credentials in the address, no redirects followed, and every
// address the name resolves to is checked when connecting — the checked
// address is the one connected to, so a name that changes its answer between
// the check and the request (DNS rebinding) gains nothing.
//
// Public addresses are allowed; private ranges (10/8, 172.16/12, 192.168/16,
// fc00::/7, 100.64/10) only when the organizer said the receiver is internal;
// loopback, link-local (cloud metadata at 169.254.169.254), multicast and the
// like never, unless the operator lists them in HEXATHON_WEBHOOK_ALLOW
// (CIDRs). Hexathon's own address is refused whatever the lists say.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import os from "node:os";
import ipaddr from "ipaddr.js";
import { translate } from "./i18n";
import { msg } from "./messages";

/** How long a receiver may take to answer, in all. */
export const OUTBOUND_TIMEOUT_MS = 10_000;
/** How much of an answer is read (and kept in the delivery log). */
const ANSWER_BYTES = 2_048;

export type OutboundPolicy = {
  /** the organizer allowed private ranges (an internal chat server) */
  allowInternal: boolean;
  /** CIDRs the operator allows whatever their range (HEXATHON_WEBHOOK_ALLOW) */
  allow?: string[];
  /** Hexathon's own origins (NEXTAUTH_URL's, the port it listens on): never a receiver */
  self?: { hosts: string[]; port: number | null };
  /** the system's resolver unless given (the tests answer as a rebinding DNS server would) */
  resolve?: (hostname: string) => Promise<dns.LookupAddress[]>;
  timeoutMs?: number;
};

export type OutboundAnswer = { status: number; body: string; durationMs: number };

export class OutboundRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutboundRefused";
  }
}

/** The policy from the environment, for a receiver the organizer did or didn't mark internal. */
export function outboundPolicy(allowInternal: boolean, env: Record<string, string | undefined> = process.env): OutboundPolicy {
  const allow = (env.HEXATHON_WEBHOOK_ALLOW ?? "")
    .split(",")
    .map((cidr) => cidr.trim())
    .filter(Boolean);
  const hosts: string[] = [];
  let port: number | null = Number(env.PORT) || 3000;
  if (env.NEXTAUTH_URL) {
    try {
      const own = new URL(env.NEXTAUTH_URL);
      hosts.push(own.hostname.toLowerCase());
      port = Number(own.port) || port;
    } catch {
      // a malformed NEXTAUTH_URL is reported at start-up (lib/platform/environment.ts)
    }
  }
  return { allowInternal, allow, self: { hosts, port } };
}

/** Whether the operator's list is well-formed: each entry a CIDR or a single address. */
export function invalidAllowEntry(allow: string[]): string | null {
  return allow.find((entry) => !parseCidr(entry)) ?? null;
}

function parseCidr(entry: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | null {
  try {
    return entry.includes("/") ? ipaddr.parseCIDR(entry) : ((addr) => [addr, addr.kind() === "ipv4" ? 32 : 128])(ipaddr.parse(entry));
  } catch {
    return null;
  }
}

/** Why the address may not receive under the policy (a message of lib/), or null when it may. */
export function addressRefusal(address: string, policy: OutboundPolicy): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(address); // an IPv4-mapped IPv6 address is checked as the IPv4 one
  } catch {
    return msg("outbound.notAnAddress", { address });
  }
  for (const entry of policy.allow ?? []) {
    const cidr = parseCidr(entry);
    if (cidr && cidr[0].kind() === parsed.kind() && parsed.match(cidr)) return null;
  }
  const range = parsed.range();
  if (range === "unicast") return null;
  if (INTERNAL_RANGES.has(range)) {
    return policy.allowInternal ? null : msg("outbound.privateAddress", { address });
  }
  // the range's name (loopback, linkLocal, unspecified, multicast, broadcast, or another reserved one) is said by the message
  return msg("outbound.reservedAddress", { address, range });
}

const INTERNAL_RANGES = new Set(["private", "uniqueLocal", "carrierGradeNat"]);

/** The URL's problem before any request (scheme, credentials, the server itself), a message of lib/, or null. */
export function urlRefusal(raw: string, policy: OutboundPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return msg("outbound.notAWebAddress");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return msg("outbound.scheme", { protocol: url.protocol });
  if (url.username || url.password) return msg("outbound.credentials");
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);
  if (policy.self?.hosts.includes(host) && (port === policy.self.port || !url.port)) return msg("outbound.selfAddress");
  if (host === "localhost" || host.endsWith(".localhost")) return msg("outbound.localhost");
  if (ipaddr.isValid(host)) return selfRefusal(host, port, policy) ?? addressRefusal(host, policy);
  return null;
}

/** Hexathon's own port on one of this machine's addresses is Hexathon itself. */
function selfRefusal(address: string, port: number, policy: OutboundPolicy): string | null {
  if (port !== policy.self?.port) return null;
  const own = ipaddr.process(address).toString();
  const local = Object.values(os.networkInterfaces()).flatMap((nets) => (nets ?? []).map((net) => ipaddr.process(net.address).toString()));
  return own === "0.0.0.0" || own === "::" || local.includes(own) ? msg("outbound.selfAddress") : null;
}

/**
 * Posts `body` to `url` and reads the start of the answer. Throws
 * OutboundRefused when the policy forbids the address (before connecting),
 * and an Error when the receiver can't be reached or takes longer than
 * OUTBOUND_TIMEOUT_MS; any HTTP answer, 500 included, is returned.
 */
export async function postOutbound(url: string, body: string, headers: Record<string, string>, policy: OutboundPolicy): Promise<OutboundAnswer> {
  const refusal = urlRefusal(url, policy);
  // the refusal in English: it is the delivery log's answer, like the receivers' and the network's
  if (refusal) throw new OutboundRefused(translate(refusal, "en"));
  const target = new URL(url);
  const port = Number(target.port) || (target.protocol === "https:" ? 443 : 80);
  const started = performance.now();
  const resolve = policy.resolve ?? ((hostname: string) => dns.promises.lookup(hostname, { all: true }));
  const timeoutMs = policy.timeoutMs ?? OUTBOUND_TIMEOUT_MS;
  const lookup: LookupFunction = (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        if (addresses.length === 0) return callback(new Error(`${hostname} has no address.`), "", 4);
        for (const { address } of addresses) {
          const why = selfRefusal(address, port, policy) ?? addressRefusal(address, policy);
          if (why) return callback(new OutboundRefused(`${hostname} resolves to ${address}. ${translate(why, "en")}`), "", 4);
        }
        if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
        callback(null, addresses[0].address, addresses[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 4),
    );
  };
  return new Promise<OutboundAnswer>((resolve, reject) => {
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(
      target,
      {
        method: "POST",
        lookup,
        signal: AbortSignal.timeout(timeoutMs),
        headers: { "content-type": "application/json", "user-agent": "Hexathon-Webhooks/1", ...headers, "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (size < ANSWER_BYTES) chunks.push(chunk.subarray(0, ANSWER_BYTES - size));
          size += chunk.length;
          if (size >= ANSWER_BYTES) response.destroy(); // the rest isn't read: a receiver can't make us download a film
        });
        const done = () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            durationMs: Math.round(performance.now() - started),
          });
        response.on("end", done);
        response.on("close", done);
        response.on("error", done);
      },
    );
    request.on("error", (error: Error & { code?: string }) => {
      if (error instanceof OutboundRefused) return reject(error);
      if (error.name === "AbortError" || error.name === "TimeoutError" || error.code === "ABORT_ERR")
        return reject(new Error(`No answer within ${timeoutMs / 1000} s: the request was cut.`));
      const cause = (error as { cause?: unknown }).cause;
      reject(cause instanceof OutboundRefused ? cause : new Error(describeNetworkError(error, target.hostname)));
    });
    request.end(body);
  });
}

function describeNetworkError(error: Error & { code?: string }, host: string): string {
  switch (error.code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `${host} could not be found (DNS).`;
    case "ECONNREFUSED":
      return `${host} refused the connection.`;
    case "ECONNRESET":
      return `${host} closed the connection.`;
    case "ETIMEDOUT":
      return `${host} did not answer.`;
    default:
      return error.message;
  }
}
