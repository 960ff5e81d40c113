"use client";
// When even the root layout fails (the database went away a moment ago, before
// proxy.ts's probe noticed): a page that says so, rather than a blank one. The
// layout's messages are gone with it: this page loads its language's own
// (the reader's choice, else the browser's), only when it is shown.
import { useEffect, useState } from "react";
import { LOCALE_COOKIE, LOCALES, type Locale } from "@/lib/platform/locale";
import type { Messages } from "@/app/_lib/messages";

function readerLocale(): Locale {
  const chosen = document.cookie.match(new RegExp(`(?:^|; )${LOCALE_COOKIE}=([^;]*)`))?.[1];
  const asked = [chosen, ...navigator.languages.map((tag) => tag.slice(0, 2).toLowerCase())];
  return (asked.find((code) => (LOCALES as readonly (string | undefined)[]).includes(code)) as Locale | undefined) ?? "en";
}

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [words, setWords] = useState<{ locale: Locale; text: Messages["globalError"] } | null>(null);
  useEffect(() => {
    const locale = readerLocale();
    void import(`@/messages/${locale}.json`).then((messages: { default: Messages }) => setWords({ locale, text: messages.default.globalError }));
  }, []);
  return (
    <html lang={words?.locale ?? "en"}>
      <body style={{ fontFamily: "system-ui, sans-serif", display: "grid", placeItems: "center", minHeight: "100vh", margin: 0 }}>
        <main style={{ maxWidth: "32rem", padding: "2rem", textAlign: "center" }} aria-busy={!words}>
          {words && (
            <>
              <h1>{words.text.title}</h1>
              <p>{words.text.body}</p>
              {error.digest && (
                <p>
                  {words.text.reference} <code>{error.digest}</code>
                </p>
              )}
              <button type="button" onClick={reset} style={{ minHeight: 44, padding: "0.5rem 1rem", fontWeight: 600 }}>
                {words.text.retry}
              </button>
            </>
          )}
        </main>
      </body>
    </html>
  );
}
