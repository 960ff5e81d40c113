"use client";
import { useTranslations } from "next-intl";

// The error's digest is the reference: the server logged it with the request's id (instrumentation.ts).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <div className="mx-auto max-w-lg py-12 text-center" role="alert">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("body")}</p>
      {error.digest && (
        <p className="mt-2 text-slate-700">
          {t("reference")} <code className="font-mono font-semibold">{error.digest}</code>
        </p>
      )}
      <button type="button" onClick={reset} className="mt-6 rounded-lg bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800">
        {t("retry")}
      </button>
    </div>
  );
}
