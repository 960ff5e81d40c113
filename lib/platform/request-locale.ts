// Which language a request gets: the person's choice (the locale cookie, set
// by the footer's switch or, once signed in, from their account's setting),
// else the browser's Accept-Language, else the instance's DEFAULT_LOCALE.
// Pure: proxy.ts, the page store (scripts/serve.mjs) and the app all decide
// the same way.
import Negotiator from "negotiator";
import { defaultLocale, isLocale, isPageLocale, LOCALE_COOKIE, LOCALES, type PageLocale } from "./locale";

/** The value of one cookie in a Cookie header, or null. */
export function cookieValue(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.split("=");
    if (key.trim() === name) return rest.join("=").trim();
  }
  return null;
}

/** The language of a request: chosen (cookie), else asked for (Accept-Language), else the default. */
export function requestLocale({ cookie, acceptLanguage }: { cookie?: string | null; acceptLanguage?: string | null }): PageLocale {
  const chosen = cookieValue(cookie, LOCALE_COOKIE);
  if (isPageLocale(chosen)) return chosen;
  if (acceptLanguage) {
    // bounded: a header of thousands of ranges is the attacker's, not a browser's;
    // "*" ("any language") leaves the choice to the instance's default, not to the first of LOCALES
    const ranges = acceptLanguage
      .slice(0, 512)
      .split(",")
      .filter((range) => !range.trim().startsWith("*"));
    const asked = new Negotiator({ headers: { "accept-language": ranges.join(",") } }).language([...LOCALES]);
    if (isLocale(asked)) return asked;
  }
  return defaultLocale();
}
