// The address in an email's List-Unsubscribe header (RFC 8058). Mail
// providers POST "List-Unsubscribe=One-Click" to it from their servers, with
// no session and no Origin: the signed token in the address is the proof.
// A person who opens it in a browser (GET) gets the page that asks first,
// since mail scanners open links and must not unsubscribe anyone.
import { getDb } from "@/app/_lib/db";
import { unsubscribe } from "@/lib/notifications/commands";
import { unsubscribeTokenSchema } from "@/lib/notifications/schemas";
import { DomainError } from "@/lib/platform/errors";
import { translator } from "@/app/_lib/translate";

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const parsed = unsubscribeTokenSchema.safeParse((await params).token);
  if (!parsed.success) return plain(400, (await translator())(parsed.error.issues[0].message));
  try {
    await unsubscribe(getDb(), parsed.data);
    return plain(200, "You are unsubscribed: Hexathon sends you no more emails of this kind.");
  } catch (error) {
    if (error instanceof DomainError) return plain(400, (await translator())(error.message));
    throw error;
  }
}

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return Response.redirect(new URL(`/unsubscribe/${encodeURIComponent(token)}`, request.url), 303);
}
