// The address people reach this server at, for links shown on a projector
// (the QR code) and in feeds and cards: NEXTAUTH_URL when set, else what the
// browser asked for.
import "server-only";
import { headers } from "next/headers";
import { siteOrigin } from "@/lib/platform/config";

/**
 * For pages cached for everyone, rendered without a request to read: the
 * configured address (NEXTAUTH_URL, which a deployment sets), else this server
 * on localhost (the demo).
 */
export const configuredOrigin = siteOrigin;

export async function publicOrigin(): Promise<string> {
  if (process.env.NEXTAUTH_URL) return configuredOrigin();
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
