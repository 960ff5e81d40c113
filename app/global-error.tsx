"use client";
// When even the root layout fails (the database went away a moment ago, before
// proxy.ts's probe noticed): a page that says so, rather than a blank one.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", display: "grid", placeItems: "center", minHeight: "100vh", margin: 0 }}>
        <main style={{ maxWidth: "32rem", padding: "2rem", textAlign: "center" }}>
          <h1>Hexathon is temporarily unavailable</h1>
          <p>Something on our side failed while building this page. Nothing you did caused this; try again in a minute.</p>
          {error.digest && (
            <p>
              If it lasts, tell the organizers and quote this reference: <code>{error.digest}</code>
            </p>
          )}
          <button type="button" onClick={reset} style={{ minHeight: 44, padding: "0.5rem 1rem", fontWeight: 600 }}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
