// The languages Hexathon speaks: the files of messages/, each naming itself
// ("language.name", "language.intlTag"), listed by scripts/locales.mjs in
// lib/generated/locales.ts. Which one a request gets is request-locale.ts's;
// this file has no other dependency, for the browser's sake.
//
// Adding a language is adding messages/<code>.json (README.md → "Adding a
// language"). English and French format dates day before month, on the
// 24-hour clock (en-GB, fr-FR).
import { INTL_TAGS, LOCALE_NAMES, LOCALES, type Locale } from "../generated/locales";

export { INTL_TAGS, LOCALE_NAMES, LOCALES, type Locale };

/** The cookie that keeps a reader's choice (a year; not a secret, readable by the page). */
export const LOCALE_COOKIE = "hexathon-locale";
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 3600;

export const isLocale = (value: unknown): value is Locale => typeof value === "string" && (LOCALES as readonly string[]).includes(value);

/**
 * The pseudo-locale: English, 40% longer and marked (app/_lib/pseudo-locale.ts), to see a longer
 * language's layout and any text left outside the messages. Offered only when HEXATHON_PSEUDO_LOCALE=1.
 */
export const PSEUDO_LOCALE = "en-XA";
export const pseudoLocaleOn = () => process.env.HEXATHON_PSEUDO_LOCALE === "1";

/** The language segment of a page's path: a language, or the pseudo-locale where it is on. */
export type PageLocale = Locale | typeof PSEUDO_LOCALE;
export const isPageLocale = (value: unknown): value is PageLocale => isLocale(value) || (value === PSEUDO_LOCALE && pseudoLocaleOn());

/** The instance's language for readers who say nothing: DEFAULT_LOCALE, else English. */
export function defaultLocale(value = process.env.DEFAULT_LOCALE): Locale {
  const code = value?.trim().toLowerCase();
  return isLocale(code) ? code : "en";
}

/** A language someone chose (a person's `User.locale`, a page's), else the instance's. */
export function localeOr(chosen: unknown): Locale {
  return isLocale(chosen) ? chosen : defaultLocale();
}
