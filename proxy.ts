// Runs before every route: refuses what no route should see (cross-site
// state changes, bodies over their limit, JSON sent as something else, paths
// that aren't valid UTF-8) with the JSON error shape, before any body is read
// (the rules are lib/request-guard.ts), then gives each page its
// Content-Security-Policy (lib/content-security-policy.ts) and the nonce
// Next.js puts on its own scripts.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, isStoredPage, newNonce } from "@/lib/content-security-policy";
import { checkRequest, pathDecodes } from "@/lib/request-guard";

function siteOrigin(request: NextRequest): string {
  if (process.env.NEXTAUTH_URL) {
    try {
      return new URL(process.env.NEXTAUTH_URL).origin;
    } catch {
      // a malformed NEXTAUTH_URL is reported where the configuration is read
    }
  }
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? request.nextUrl.host;
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0].trim() ?? request.nextUrl.protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}

const jsonError = (status: number, code: string, message: string) => NextResponse.json({ error: { code, message } }, { status });

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const api = pathname.startsWith("/api/");

  if (!pathDecodes(pathname)) {
    if (api) return jsonError(400, "BAD_REQUEST", "The address contains characters that aren't valid (broken percent-encoding).");
    // a page: the ordinary 404 page, answered by a path no route has
    return NextResponse.rewrite(new URL("/_invalid-address", request.url));
  }

  const refusal = checkRequest({
    method: request.method,
    pathname,
    siteOrigin: siteOrigin(request),
    origin: request.headers.get("origin"),
    secFetchSite: request.headers.get("sec-fetch-site"),
    contentType: request.headers.get("content-type"),
    contentLength: request.headers.get("content-length"),
    isServerAction: request.headers.has("next-action"),
  });
  if (refusal) {
    if (api) return jsonError(refusal.status, refusal.code, refusal.message);
    return new NextResponse(refusal.message, { status: refusal.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  if (api) return NextResponse.next();

  // Next.js reads the nonce for its scripts from the request's policy. A page stored whole (an article)
  // is rendered once for everyone: it gets no nonce, and a policy that allows this site's inline scripts.
  const nonce = isStoredPage(pathname) ? null : newNonce();
  const policy = contentSecurityPolicy({ pathname, nonce, development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.delete("content-security-policy-report-only");
  if (nonce) headers.set("content-security-policy", policy);
  else headers.delete("content-security-policy"); // a client doesn't choose the nonce a stored page keeps
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // everything but the build's immutable files
  matcher: ["/((?!_next/static|_next/image).*)"],
};
