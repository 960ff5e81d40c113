// The languages Hexathon speaks. Which one a request gets is
// request-locale.ts's; this file has no dependency, for the browser's sake.
//
// Adding a language: its code here, and messages/<code>.json (README.md →
// "Adding a language").
export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's own name, as the switch shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", fr: "Français" };

/** The tag Intl formats each language's dates and numbers with (day before month, 24-hour clock in both). */
export const INTL_TAGS: Record<Locale, string> = { en: "en-GB", fr: "fr-FR" };

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
