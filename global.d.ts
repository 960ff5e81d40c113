// next-intl's keys and languages are type-checked: a t("…") of a key English
// lacks fails the type check (messages/en.json is the reference).
import type { Locale } from "@/lib/platform/locale";
import type en from "@/messages/en.json";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
