import type { Metadata, Viewport } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import type { ReactNode } from "react";
import { configuredOrigin } from "@/app/_lib/origin";
import { cachedPublicEditionNumber } from "@/app/_lib/public-data";
import { SiteHeader } from "@/components/site-header";
import { RunningTournaments } from "@/components/arena/running-tournaments";
import { ThemeSwitch } from "@/components/theme-switch";
import { NOSCRIPT_STYLE, THEME_SCRIPT } from "@/lib/platform/theme-script";
import { VisitorSync } from "@/components/visitor";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(configuredOrigin()),
  title: { default: "Hexathon", template: "%s · Hexathon" },
  description: "Our internal hackathon, from the first topic idea to the prizes and the write-ups.",
};

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
export default async function RootLayout({ children }: { children: ReactNode }) {
  const editionNumber = await publicEditionNumber();
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* the theme before the first paint (data-theme is set on <html> before React hydrates: hence suppressHydrationWarning) */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        {/* without JavaScript, nobody will say who is reading: the header's sign-in links as they are */}
        <noscript>
          <style>{NOSCRIPT_STYLE}</style>
        </noscript>
      </head>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <VisitorSync />
        <SiteHeader publicEditionNumber={editionNumber} />
        <RunningTournaments />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:py-8">
          {children}
        </main>
        <footer className="flex flex-wrap print:hidden items-center justify-center gap-x-6 gap-y-2 border-t border-slate-200 px-4 py-4 text-center text-sm text-slate-600">
          <span>Hexathon — our hackathon, edition by edition.</span>
          <a href="/feed.xml" className="underline">
            Articles feed
          </a>
          <ThemeSwitch />
        </footer>
      </body>
    </html>
  );
}
