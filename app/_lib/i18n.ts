// next-intl's request configuration (named in next.config.js): the messages
// and formats of the page's language. The language is the page's [locale]
// (setRequestLocale, which keeps a page static), else the one proxy.ts chose
// for the request. Dates and times keep going through lib/platform/time.ts.
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale } from "@/lib/platform/locale";
import { messagesOf } from "./messages";

export default getRequestConfig(async ({ requestLocale }) => {
  const asked = await requestLocale;
  const locale = isLocale(asked) ? asked : defaultLocale();
  return { locale, messages: await messagesOf(locale) };
});
