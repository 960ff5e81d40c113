import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { RunningTournaments } from "@/components/arena/running-tournaments";
import { ThemeSwitch } from "@/components/theme-switch";
import { THEME_SCRIPT } from "@/components/theme-script";
import { getCurrentUser } from "@/app/_lib/session";
import { getDb } from "@/lib/db";
import { currentEdition } from "@/lib/editions";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Hexathon", template: "%s · Hexathon" },
  description: "Our internal hackathon, from the first topic idea to the prizes and the write-ups.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#312e81" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // every page depends on who is signed in and on the database: render on request, never at build time
  await connection();
  const user = await getCurrentUser();
  const edition = await currentEdition(getDb(), user);
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* the theme before the first paint (data-theme is set on <html> before React hydrates: hence suppressHydrationWarning) */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader user={user} currentEditionNumber={edition?.number ?? null} />
        {user && <RunningTournaments />}
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:py-8">
          {children}
        </main>
        <footer className="flex flex-wrap items-center justify-center gap-x-6 gap-y-2 border-t border-slate-200 px-4 py-4 text-center text-sm text-slate-600">
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
