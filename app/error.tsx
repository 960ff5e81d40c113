"use client";

// The error's digest is the reference: the server logged it with the request's id (instrumentation.ts).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg py-12 text-center" role="alert">
      <h1 className="text-2xl font-bold">Something went wrong on our side</h1>
      <p className="mt-2 text-slate-700">The error was logged. Please try again in a moment.</p>
      {error.digest && (
        <p className="mt-2 text-slate-700">
          If it happens again, tell the organizers and quote this reference: <code className="font-mono font-semibold">{error.digest}</code>
        </p>
      )}
      <button type="button" onClick={reset} className="mt-6 rounded-lg bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800">
        Try again
      </button>
    </div>
  );
}
