// lib/'s messages in any language, outside a page: an email or a chat message
// in its recipient's language, a refusal in the reader's (app/_lib/
// translate.ts gives the request's), a command-line tool's in English.
// Server only: it holds every language's messages (the browser gets its
// reader's language from the page: components/say.ts). Formatted with
// intl-messageformat, the ICU engine next-intl itself runs on, without React.
import { IntlMessageFormat } from "intl-messageformat";
import { CATALOGS as MESSAGES } from "../generated/catalogs";
import { INTL_TAGS, LOCALES, type Locale } from "./locale";
import { renderMessage, type LibTranslate, type MessageValues } from "./messages";

type Tree = { [key: string]: string | Tree };
// lib's namespace, and the interface's labels (lib/platform/messages.ts), of every language of messages/
const CATALOGS = Object.fromEntries(LOCALES.map((locale) => [locale, { ...MESSAGES[locale].lib, labels: MESSAGES[locale].labels }])) as unknown as Record<
  Locale,
  Tree
>;
const compiled = new Map<string, IntlMessageFormat | null>();

/** The message at `key` ("teams.team.full") of lib's namespace in `locale`, compiled once. */
function formatOf(locale: Locale, key: string): IntlMessageFormat | null {
  const id = `${locale} ${key}`;
  let format = compiled.get(id);
  if (format === undefined) {
    const source = key.split(".").reduce<string | Tree | undefined>((node, part) => (typeof node === "object" ? node[part] : undefined), CATALOGS[locale]);
    format = typeof source === "string" ? new IntlMessageFormat(source, INTL_TAGS[locale]) : null;
    compiled.set(id, format);
  }
  return format;
}

function translatorOf(locale: Locale): LibTranslate {
  return (key: string, values: MessageValues) => {
    // a key this language lacks (the tests forbid it) reads in English rather than not at all
    const format = formatOf(locale, key) ?? formatOf("en", key);
    try {
      return format ? String(format.format(values)) : key;
    } catch {
      // a value lacking: people's words that look like a message (they typed its mark) never break a page or an email
      return key;
    }
  };
}

/** `text` (a message of lib/, or plain text) in `locale`. */
export function translate(text: string, locale: Locale = "en"): string {
  return renderMessage(text, translatorOf(locale));
}
