// GET /api/me — who is reading, for the site header: the signed-in person's
// name and role (or null) and the edition the header links to. The page
// layout is the same for everyone (so public pages can be cached as whole
// pages): the personal part of the header asks here once per page load.
import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "@/lib/platform/locale";
import { cachedPublicEditionNumber } from "@/app/_lib/public-data";
import { getCurrentUser } from "@/app/_lib/session";
import { getDb } from "@/app/_lib/db";
import { headerEditionNumber } from "@/lib/editions/queries";
import type { Visitor } from "@/components/visitor";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getCurrentUser();
  // asked on every page load: the public answer comes from the data cache
  const currentEditionNumber = await headerEditionNumber(getDb(), user, await cachedPublicEditionNumber());
  const visitor: Visitor = { user: user && { name: user.name, role: user.role, locale: user.locale }, currentEditionNumber };
  // personal: never stored by a shared cache, always asked anew
  const response = NextResponse.json(visitor, { headers: { "Cache-Control": "private, no-store" } });
  // the language chosen in the account follows the person to this browser (components/visitor.tsx loads the page again)
  if (user?.locale && (await cookies()).get(LOCALE_COOKIE)?.value !== user.locale) {
    response.cookies.set(LOCALE_COOKIE, user.locale, { path: "/", maxAge: LOCALE_COOKIE_MAX_AGE, sameSite: "lax" });
  }
  return response;
}
