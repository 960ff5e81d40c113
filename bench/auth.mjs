// Signing in over plain HTTP, the way a browser does it with next-auth's
// credentials provider: fetch the CSRF token (which also sets the CSRF
// cookie), post the form with it, keep the session cookie. No browser, so
// sections can act as the organizer cheaply.
import { CookieJar, json, request } from "./load.mjs";

export const DEMO_PASSWORD = "hexathon";

/** Resolves a cookie jar holding the session of `email`; throws if the sign-in is refused. */
export async function signIn(origin, email, password = DEMO_PASSWORD) {
  const jar = new CookieJar();
  const csrf = await request(origin, { path: "/api/auth/csrf" });
  jar.take(csrf.headers);
  const { csrfToken } = json(csrf);
  const form = new URLSearchParams({ csrfToken, email, password, callbackUrl: origin, json: "true" }).toString();
  const res = await request(origin, {
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: form,
  });
  jar.take(res.headers);
  // next-auth answers a refused password with a redirect to the error page, not a 401: the session cookie tells
  const session = [...jar.values.keys()].find((name) => name.endsWith("next-auth.session-token"));
  if (!session) throw new Error(`signing in as ${email} failed (${res.status}): ${res.text.slice(0, 200)}`);
  return jar;
}
