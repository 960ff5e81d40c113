"use client";
// Starting an article: which edition (and team), and a working title.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { fetchJson } from "@/components/fetch-json";
import { Alert, buttonClass } from "@/components/ui";

type Choice = { editionId: string; teamId: string | null; label: string };

export function StartArticleForm({ choices }: { choices: Choice[] }) {
  const router = useRouter();
  const t = useTranslations("write.start");
  const [choice, setChoice] = useState(0);
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function start() {
    setBusy(true);
    setError(null);
    const { editionId, teamId } = choices[choice];
    const result = await fetchJson<{ id: string }>("/api/articles", "POST", { editionId, teamId, title });
    if (!result.ok) {
      setBusy(false);
      return setError(result.message);
    }
    router.push(`/write/${result.data.id}`);
  }

  return (
    <form
      className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end"
      onSubmit={(e) => {
        e.preventDefault();
        void start();
      }}
    >
      {error && (
        <div className="sm:col-span-3">
          <Alert>{error}</Alert>
        </div>
      )}
      <label className="text-sm font-semibold">
        {t("for")}
        <select
          value={choice}
          onChange={(e) => setChoice(Number(e.target.value))}
          className="mt-1 block w-full rounded-lg bg-white px-3 py-2 ring-1 ring-slate-300"
        >
          {choices.map((c, i) => (
            <option key={`${c.editionId}-${c.teamId}`} value={i}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-semibold">
        {t("workingTitle")}
        <input
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          minLength={3}
          maxLength={140}
          className="mt-1 block w-full rounded-lg px-3 py-2 ring-1 ring-slate-300"
        />
      </label>
      <button type="submit" disabled={busy} className={buttonClass("primary")}>
        {t("submit")}
      </button>
    </form>
  );
}
