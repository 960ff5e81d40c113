import type { Metadata, Viewport } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { configuredOrigin } from "@/app/_lib/origin";
import { cachedPublicEditionNumber } from "@/app/_lib/public-data";
import { SiteHeader } from "@/components/site-header";
import { RunningTournaments } from "@/components/arena/running-tournaments";
import { ThemeSwitch } from "@/components/theme-switch";
import { NOSCRIPT_STYLE, THEME_SCRIPT } from "@/lib/platform/theme-script";
import { VisitorSync } from "@/components/visitor";
import { clientMessages } from "@/app/_lib/messages";
import { FetchJsonTexts } from "@/components/fetch-json-texts";
import { LanguageSwitch } from "@/components/language-switch";
import { isPageLocale, LOCALES, type Locale } from "@/lib/platform/locale";
import "../globals.css";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

/** Every page exists once per language (proxy.ts sends the reader to theirs). */
export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Omit<Props, "children">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isPageLocale(locale) ? (locale as Locale) : "en", namespace: "metadata" });
  return {
    metadataBase: new URL(configuredOrigin()),
    title: { default: t("title"), template: "%s · Hexathon" },
    description: t("description"),
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#312e81" };

/** The header's link to the current edition, from the data cache; none while `next build` prerenders the 404 page (no database then). */
async function publicEditionNumber(): Promise<number | null> {
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return null;
  try {
    return await cachedPublicEditionNumber();
  } catch {
    return null; // the database is down: the page without the link, not an error page
  }
}

/**
 * The same for every visitor: a page is dynamic only if it says so itself (it
 * reads the session, or calls connection()), so the public ones that don't
 * (an article) are cached as whole pages. Who is signed in reaches the header
 * on the client (components/visitor.tsx).
 */
export default async function RootLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!isPageLocale(locale)) notFound();
  // the page's language is its address's: the page stays static (next-intl would otherwise read the request)
  setRequestLocale(locale as Locale);
  const t = await getTranslations("layout");
  const editionNumber = await publicEditionNumber();
  return (
    <html lang={locale} suppressHydrationWarning>
      <head>
        {/* the theme before the first paint (data-theme is set on <html> before React hydrates: hence suppressHydrationWarning) */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        {/* without JavaScript, nobody will say who is reading: the header's sign-in links as they are */}
        <noscript>
          <style>{NOSCRIPT_STYLE}</style>
        </noscript>
      </head>
      <body className="flex min-h-screen flex-col">
        {/* the messages of this language, for the client components (all but most of lib's: app/_lib/messages.ts) */}
        <NextIntlClientProvider messages={clientMessages(await getMessages())}>
          <a href="#main" className="skip-link">
            {t("skipToContent")}
          </a>
          <VisitorSync />
          <FetchJsonTexts />
          <SiteHeader publicEditionNumber={editionNumber} />
          <RunningTournaments />
          <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:py-8">
            {children}
          </main>
          <footer className="flex flex-wrap print:hidden items-center justify-center gap-x-6 gap-y-2 border-t border-slate-200 px-4 py-4 text-center text-sm text-slate-600">
            <span>{t("tagline")}</span>
            <a href="/feed.xml" className="underline">
              {t("articlesFeed")}
            </a>
            <ThemeSwitch />
            <LanguageSwitch />
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
