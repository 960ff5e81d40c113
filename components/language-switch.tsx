// The footer's choice of language: a plain form (it works before any script
// has loaded, and on the pages stored whole), sent to /api/locale, which
// remembers it in a cookie and, for a signed-in person, in their account.
import { getLocale, getTranslations } from "next-intl/server";
import { LOCALE_NAMES, LOCALES } from "@/lib/platform/locale";

export async function LanguageSwitch() {
  const t = await getTranslations("layout");
  const current = await getLocale();
  return (
    <form method="post" action="/api/locale" className="inline-flex items-center gap-1 text-sm" aria-labelledby="language-switch">
      <span id="language-switch" className="mr-1">
        {t("languageSwitch")}
      </span>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className="min-h-11 rounded-md px-2 py-1 font-medium underline-offset-2 hover:underline aria-pressed:bg-slate-200 aria-pressed:font-semibold aria-pressed:text-slate-900"
        >
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </form>
  );
}
