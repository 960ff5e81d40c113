// The address people reach this server at, for links shown on a projector
// (the QR code): NEXTAUTH_URL when set, else what the browser asked for.
import "server-only";
import { headers } from "next/headers";

export async function publicOrigin(): Promise<string> {
  if (process.env.NEXTAUTH_URL) return new URL(process.env.NEXTAUTH_URL).origin;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
