import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { normalizeJoinCode } from "@/lib/votes/rules";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ballot.join");
  return { title: t("title") };
}

/** Typing the code shown on the projector: /vote?code=K7PQ2M → /vote/K7PQ2M. */
export default async function JoinVotePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).code;
  const code = typeof raw === "string" ? normalizeJoinCode(raw) : "";
  if (code) redirect(`/vote/${code}`);
  const t = await getTranslations("ballot.join");
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("title")}</h1>
      <form method="get" className="space-y-3">
        <label htmlFor="code" className="block font-semibold">
          {t("code")}
        </label>
        <input
          id="code"
          name="code"
          required
          autoComplete="off"
          autoCapitalize="characters"
          inputMode="text"
          maxLength={12}
          className="block w-full rounded-xl px-4 py-3 font-mono text-2xl tracking-widest uppercase ring-2 ring-slate-300"
        />
        <button type="submit" className="min-h-14 w-full rounded-xl bg-indigo-700 text-lg font-bold text-white">
          {t("submit")}
        </button>
      </form>
    </div>
  );
}
