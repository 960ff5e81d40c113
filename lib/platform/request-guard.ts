// What a request must look like before any route reads it: state-changing
// calls come from this site's own pages (or from a script that sends no
// Origin), JSON calls say they are JSON, and no body is larger than its
// route's limit. Pure functions of the request's method, path and headers,
// applied by proxy.ts to every request, and by parseRequest to what a body
// actually contains (a chunked body has no Content-Length to check up front).
// What they say is lib's message: proxy.ts puts it into the reader's language.
import { msg } from "./messages";

export const KB = 1024;

/** The default limit of a JSON body: ballots, commands, settings are a few hundred bytes. */
export const JSON_BODY_LIMIT = 64 * KB;

/**
 * Routes that read more. An article's text is 200,000 characters at most, up
 * to 4 bytes each in UTF-8 and 6 when JSON escapes them; a bot's source is
 * 64 KB; an image upload 8 MB plus the multipart envelope.
 */
const LARGER_BODIES: { pattern: RegExp; limit: number; tooLarge?: (limit: number) => string }[] = [
  { pattern: /^\/api\/articles\/[^/]+(\/preview)?$/, limit: 2 * KB * KB },
  { pattern: /^\/api\/challenges\/[^/]+\/(bots|practice)$/, limit: 512 * KB },
  { pattern: /^\/api\/uploads$/, limit: 8 * KB * KB + 64 * KB, tooLarge: () => msg("platform.guard.imageTooLarge", { size: formatBytes(8 * KB * KB) }) },
];

/** Server actions carry a form: an article or a topic's pitch at most. */
export const ACTION_BODY_LIMIT = 1 * KB * KB;

export function bodyLimitFor(pathname: string, isServerAction = false): number {
  if (isServerAction) return ACTION_BODY_LIMIT;
  return LARGER_BODIES.find((r) => r.pattern.test(pathname))?.limit ?? JSON_BODY_LIMIT;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const changesState = (method: string) => !SAFE_METHODS.has(method.toUpperCase());

/** Routes whose bodies are not JSON: next-auth's forms, the image upload and the footer's choice of language. */
const NON_JSON = [/^\/api\/auth\//, /^\/api\/uploads$/, /^\/api\/locale$/];

export type GuardInput = {
  method: string;
  pathname: string;
  /** the site's own origins: the one the request was addressed to, and NEXTAUTH_URL's (behind a proxy that rewrites the host) */
  siteOrigins: string[];
  origin: string | null;
  secFetchSite: string | null;
  contentType: string | null;
  contentLength: string | null;
  isServerAction: boolean;
};

export type Refusal = { status: number; code: string; message: string };

const refuse = (status: number, code: string, message: string): Refusal => ({ status, code, message });

/** "64 KB", "8 MB" (lib's message: "64 Ko" in French). */
export function formatBytes(bytes: number): string {
  return bytes >= KB * KB
    ? msg("platform.guard.megabytes", { n: Math.round((bytes / (KB * KB)) * 10) / 10 })
    : msg("platform.guard.kilobytes", { n: Math.round(bytes / KB) });
}

/** Null when the request may go on; otherwise the refusal to answer at once. */
export function checkRequest(input: GuardInput): Refusal | null {
  if (!changesState(input.method)) return null;
  const api = input.pathname.startsWith("/api/");
  if (!api && !input.isServerAction) return null;

  // A browser always says where a state-changing request comes from; a page
  // of another site (a sibling subdomain, another port) must not act through
  // a signed-in person's cookies. Scripts (curl) send neither header.
  const site = input.secFetchSite?.toLowerCase();
  if (site && site !== "same-origin" && site !== "none") {
    return refuse(403, "CROSS_SITE", msg("platform.guard.crossSite"));
  }
  if (input.origin !== null && !input.siteOrigins.includes(input.origin)) {
    const site = input.siteOrigins[0];
    return refuse(
      403,
      "CROSS_SITE",
      input.origin === "null" ? msg("platform.guard.crossUnknown", { site }) : msg("platform.guard.crossOrigin", { from: input.origin, site }),
    );
  }

  if (input.contentLength !== null) {
    const length = Number(input.contentLength);
    const limit = bodyLimitFor(input.pathname, input.isServerAction);
    if (!Number.isFinite(length) || length < 0) return refuse(400, "BAD_REQUEST", msg("platform.guard.badLength"));
    if (length > limit) {
      const message = LARGER_BODIES.find((r) => r.pattern.test(input.pathname))?.tooLarge?.(limit);
      return refuse(413, "TOO_LARGE", message ?? msg("platform.guard.tooLarge", { size: formatBytes(limit) }));
    }
  }

  // Every action of ours is a form's: its arguments arrive as multipart form
  // data. Arguments sent any other way were crafted by hand.
  if (input.isServerAction) {
    const type = mediaType(input.contentType);
    if (type !== "multipart/form-data" && type !== "application/x-www-form-urlencoded") {
      return refuse(415, "UNSUPPORTED_MEDIA_TYPE", msg("platform.guard.formShape"));
    }
    return null;
  }

  // A JSON body must say so: a cross-site form can send text/plain without
  // asking, never application/json.
  if (api && !NON_JSON.some((p) => p.test(input.pathname)) && hasBody(input)) {
    if (mediaType(input.contentType) !== "application/json") {
      return refuse(415, "UNSUPPORTED_MEDIA_TYPE", msg("platform.guard.jsonExpected"));
    }
  }
  return null;
}

const mediaType = (contentType: string | null) => (contentType ?? "").split(";")[0].trim().toLowerCase();

function hasBody(input: GuardInput): boolean {
  if (input.contentLength !== null) return Number(input.contentLength) > 0;
  // no length: a chunked body may follow, unless there is no type either (an empty DELETE or PUT)
  return input.contentType !== null;
}

/** True when every string in a parsed JSON value (keys too) is well-formed UTF-16: no lone surrogate. */
export function wellFormedJson(value: unknown): boolean {
  if (typeof value === "string") return value.isWellFormed();
  if (Array.isArray(value)) return value.every(wellFormedJson);
  if (value && typeof value === "object") {
    return Object.entries(value).every(([key, v]) => key.isWellFormed() && wellFormedJson(v));
  }
  return true;
}

/** Whether a URL path decodes: `%ED%A0%80` (a surrogate in UTF-8) or a stray `%` does not. */
export function pathDecodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
