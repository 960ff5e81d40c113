// next-intl's request configuration (named in next.config.js): the messages
// and formats of the page's language. The language is the page's [locale]
// (setRequestLocale, which keeps a page static), else the one proxy.ts chose
// for the request. Dates and times keep going through lib/platform/time.ts.
import { getRequestConfig } from "next-intl/server";
import { isPageLocale, localeOr, PSEUDO_LOCALE } from "@/lib/platform/locale";
import { messagesOf } from "./messages";
import { pseudoMessages } from "./pseudo-locale";

export default getRequestConfig(async ({ requestLocale }) => {
  const asked: string | undefined = await requestLocale;
  // the pseudo-locale is English made longer: English's dates and numbers
  if (asked === PSEUDO_LOCALE && isPageLocale(asked)) return { locale: "en", messages: pseudoMessages(await messagesOf("en")) };
  const locale = localeOr(asked);
  return { locale, messages: await messagesOf(locale) };
});
