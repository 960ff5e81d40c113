// lib/'s messages (lib/platform/messages.ts) in the language of the request:
// what actions, routes and pages say when lib/ refuses or describes.
import "server-only";
import { getLocale } from "next-intl/server";
import { translate } from "@/lib/platform/i18n";
import { isLocale } from "@/lib/platform/locale";

/** A function that puts lib/'s messages into this request's language. */
export async function translator(): Promise<(text: string) => string> {
  const asked = await getLocale();
  const locale = isLocale(asked) ? asked : "en";
  return (text) => translate(text, locale);
}
