/** Only same-site paths may be redirected to after sign-in ("/x", not "//evil.example" or "https://…"). */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string") return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}

/** An absolute address on `baseUrl`'s site for `url` (relative or absolute), else `baseUrl` itself. */
export function sameSiteUrl(url: string, baseUrl: string): string {
  try {
    const base = new URL(baseUrl);
    const target = new URL(url, base);
    if (target.origin === base.origin) return target.href;
  } catch {
    // not an address at all
  }
  return baseUrl;
}
