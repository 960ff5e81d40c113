// Runs before every route: refuses what no route should see (cross-site
// state changes, bodies over their limit, JSON sent as something else, paths
// that aren't valid UTF-8) with the JSON error shape, before any body is read
// (the rules are lib/platform/request-guard.ts), then gives each page its
// Content-Security-Policy (lib/platform/content-security-policy.ts) and the nonce
// Next.js puts on its own scripts, and sends each page to the reader's
// language: pages live under app/[locale]/, their addresses carry no language
// (one address per page, shared across languages), and the proxy adds the one
// lib/platform/request-locale.ts chooses.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, isStoredPage, newNonce } from "@/lib/platform/content-security-policy";
import { databaseAvailability } from "@/lib/platform/health";
import { translate } from "@/lib/platform/i18n";
import { isLocale, type Locale } from "@/lib/platform/locale";
import { msg } from "@/lib/platform/messages";
import { requestLocale } from "@/lib/platform/request-locale";
import { checkRequest, pathDecodes } from "@/lib/platform/request-guard";

/**
 * This site's origins: the address the browser used (the Host, or what a proxy forwarded), and
 * NEXTAUTH_URL's when set (a proxy may rewrite the Host). A page of another site has neither.
 */
function siteOrigins(request: NextRequest): string[] {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? request.nextUrl.host;
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0].trim() ?? request.nextUrl.protocol.replace(/:$/, "");
  const origins = [`${proto}://${host}`];
  try {
    if (process.env.NEXTAUTH_URL) origins.push(new URL(process.env.NEXTAUTH_URL).origin);
  } catch {
    // a malformed NEXTAUTH_URL is reported where the configuration is read
  }
  return origins;
}

const jsonError = (status: number, code: string, message: string) => NextResponse.json({ error: { code, message } }, { status });

/** The health and readiness checks (which say why), the metrics, and the files a browser asks for alongside a page. */
const ANSWERS_WITHOUT_DATABASE = /^\/(api\/health|api\/ready|metrics$|favicon\.ico|icon|apple-icon|manifest\.webmanifest|robots\.txt|icon-[\w-]+\.png)/;
const RETRY_SECONDS = 30;
/** Answered at the root of app/, the same in every language: files, feeds, uploads, metrics and Next's own. */
const NOT_TRANSLATED =
  /^\/(_next\/|__next|feed\.xml$|metrics$|uploads\/|calendar\/|favicon\.ico$|icon|apple-icon|manifest\.webmanifest$|robots\.txt$|sitemap\.xml$)/;

/**
 * The address of the page in the reader's language: "/editions/0x09" → "/fr/editions/0x09". On the
 * request's own origin (request.url's, not nextUrl's, whose host is the server's name): another
 * origin would make Next proxy the request to it.
 */
function inLocale(request: NextRequest, pathname: string, locale: string): URL {
  return new URL(`/${locale}${pathname === "/" ? "" : pathname}${request.nextUrl.search}`, request.url);
}

function unavailable(api: boolean, locale: Locale) {
  const headers = { "Retry-After": String(RETRY_SECONDS), "Cache-Control": "no-store", Vary: "Cookie, Accept-Language" };
  const say = (text: string) => translate(text, locale);
  const message = say(msg("platform.guard.unavailable.message"));
  if (api) return NextResponse.json({ error: { code: "UNAVAILABLE", message } }, { status: 503, headers });
  const page = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_SECONDS}"><title>${say(msg("platform.guard.unavailable.title"))}</title>
<style>body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;margin:0;display:grid;place-items:center;min-height:100vh}main{max-width:32rem;padding:2rem;text-align:center}h1{font-size:1.6rem}p{color:#334155;line-height:1.5}</style></head>
<body><main><h1>${say(msg("platform.guard.unavailable.heading"))}</h1><p>${message}</p><p>${say(msg("platform.guard.unavailable.retry", { seconds: RETRY_SECONDS }))}</p></main></body></html>`;
  return new NextResponse(page, {
    status: 503,
    headers: {
      ...headers,
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  });
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const api = pathname.startsWith("/api/");
  // the reader's language, for what is answered here and for a page: read only then (a ballot passes without it)
  const locale = () => requestLocale({ cookie: request.headers.get("cookie"), acceptLanguage: request.headers.get("accept-language") });
  const textLocale = () => {
    const asked = locale();
    return isLocale(asked) ? asked : "en"; // the pseudo-locale's words are English's
  };
  const say = (text: string) => translate(text, textLocale());

  if (!pathDecodes(pathname)) {
    if (api) return jsonError(400, "BAD_REQUEST", say(msg("platform.guard.badAddress")));
    // a page: sent on to an address no page has, which answers the 404 page in the reader's language. Not a
    // rewrite: Next matches the original address against the page it is rewritten to, and can't decode it.
    return NextResponse.redirect(new URL("/_invalid-address", request.url), { status: 303, headers: { "Cache-Control": "no-store" } });
  }

  const refusal = checkRequest({
    method: request.method,
    pathname,
    siteOrigins: siteOrigins(request),
    origin: request.headers.get("origin"),
    secFetchSite: request.headers.get("sec-fetch-site"),
    contentType: request.headers.get("content-type"),
    contentLength: request.headers.get("content-length"),
    isServerAction: request.headers.has("next-action"),
  });
  if (refusal) {
    if (api) return jsonError(refusal.status, refusal.code, say(refusal.message));
    return new NextResponse(say(refusal.message), { status: refusal.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  // the database is down (this process's probe says so): one clear answer rather than every page failing
  const availability = databaseAvailability();
  if (availability && !availability.ok && !ANSWERS_WITHOUT_DATABASE.test(pathname)) return unavailable(api, textLocale());

  if (api) return NextResponse.next();

  // Next.js reads the nonce for its scripts from the request's policy. A page stored whole (an article)
  // is rendered once for everyone: it gets no nonce, and a policy that allows this site's inline scripts.
  const nonce = isStoredPage(pathname) ? null : newNonce();
  const policy = contentSecurityPolicy({ pathname, nonce, development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.delete("content-security-policy-report-only");
  if (nonce) headers.set("content-security-policy", policy);
  else headers.delete("content-security-policy"); // a client doesn't choose the nonce a stored page keeps
  let response: NextResponse;
  if (NOT_TRANSLATED.test(pathname)) {
    headers.delete("x-next-intl-locale"); // the same in every language: a client does not choose one
    response = NextResponse.next({ request: { headers } });
  } else {
    const pageLocale = locale();
    // next-intl's: the language of a page that doesn't name it itself (app/_lib/i18n.ts)
    headers.set("x-next-intl-locale", pageLocale);
    response = NextResponse.rewrite(inLocale(request, pathname, pageLocale), { request: { headers } });
  }
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // everything but the build's immutable files
  matcher: ["/((?!_next/static|_next/image).*)"],
};
