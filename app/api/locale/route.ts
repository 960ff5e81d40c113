// POST /api/locale — anyone: the footer's choice of language (a form: locale=fr).
// Remembered in a cookie for this browser and, for a signed-in person, in
// their account (every device they sign in on, their emails). Answers with
// a redirect back to the page the form was on, now in that language; a
// script asking for JSON gets 204.
import { NextResponse } from "next/server";
import { BadRequest, errorResponse, jsonError, readBody } from "@/app/_lib/api";
import { translator } from "@/app/_lib/translate";
import { msg } from "@/lib/platform/messages";
import { getDb } from "@/app/_lib/db";
import { getCurrentUser } from "@/app/_lib/session";
import { setMyLocale } from "@/lib/people/commands";
import { localeSchema } from "@/lib/people/schemas";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "@/lib/platform/locale";
import { safeReturnPath } from "@/lib/platform/safe-redirect";

/** A form of one short field: anything longer isn't the footer's. */
const LIMIT = 256;

/**
 * The page the form was sent from: its path only, so the redirect stays on this site (proxy.ts has
 * already refused a form another site sent).
 */
function backTo(request: Request): string {
  try {
    const from = new URL(request.headers.get("referer") ?? "/", "http://x");
    return safeReturnPath(`${from.pathname}${from.search}`);
  } catch {
    return "/";
  }
}

export async function POST(request: Request) {
  try {
    // a browser's form, nothing else: text/plain is what another site's page can send without asking
    if ((request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase() !== "application/x-www-form-urlencoded") {
      return jsonError(415, "UNSUPPORTED_MEDIA_TYPE", (await translator())(msg("platform.api.formExpected")));
    }
    const form = new URLSearchParams(await readBody(request, LIMIT));
    const parsed = localeSchema.safeParse({ locale: form.get("locale") });
    if (!parsed.success) throw new BadRequest(parsed.error.issues[0].message);
    const { locale } = parsed.data;
    const user = await getCurrentUser();
    if (user) await setMyLocale(getDb(), user, locale);
    const wantsJson = request.headers.get("accept")?.includes("application/json");
    const response = new NextResponse(null, wantsJson ? { status: 204 } : { status: 303, headers: { Location: backTo(request) } });
    response.cookies.set(LOCALE_COOKIE, locale, { path: "/", maxAge: LOCALE_COOKIE_MAX_AGE, sameSite: "lax" });
    response.headers.set("Cache-Control", "no-store");
    return response;
  } catch (error) {
    return errorResponse(error);
  }
}
