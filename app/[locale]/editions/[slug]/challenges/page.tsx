import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { editionPath, loadEdition } from "@/app/_lib/load";
import { getCurrentUser } from "@/app/_lib/session";
import { Badge, ButtonLink, EmptyState, PageHeader } from "@/components/ui";
import { CHALLENGE_KINDS, type ChallengeKind } from "@/lib/challenges/rules";
import { listChallenges } from "@/lib/challenges/queries";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { isOrganizer } from "@/lib/people/rules";
import { formatInZone } from "@/lib/platform/time";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("challenges.list");
  return { title: t("metaTitle") };
}

const isKind = (kind: string): kind is ChallengeKind => (CHALLENGE_KINDS as readonly string[]).includes(kind);

const stateTone = { UPCOMING: "slate", OPEN: "green", CLOSED: "indigo" } as const;

export default async function ChallengesPage({ params }: { params: Promise<{ slug: string }> }) {
  const edition = await loadEdition((await params).slug, "/challenges");
  const user = await getCurrentUser();
  const challenges = await listChallenges(getDb(), user, edition.id);
  const base = editionPath(edition.number, "/challenges");
  const t = await getTranslations("challenges.list");
  const tl = await getTranslations("labels");
  const locale = await getLocale();
  return (
    <div>
      <PageHeader eyebrow={<Link href={editionPath(edition.number)}>{t("edition", { number: formatEditionNumber(edition.number) })}</Link>} title={t("title")}>
        <ButtonLink href={editionPath(edition.number, "/leaderboard")} variant="secondary">
          {t("leaderboard")}
        </ButtonLink>
        {isOrganizer(user) && (
          <>
            <ButtonLink href={`${base}/audit`} variant="ghost">
              {t("audit")}
            </ButtonLink>
            <ButtonLink href={`${base}/new`}>{t("new")}</ButtonLink>
          </>
        )}
      </PageHeader>
      <p className="mb-4 text-slate-700">{t("intro")}</p>
      {challenges.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label={t("label")}>
          {challenges.map((c) => (
            <li key={c.id} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <div className="flex flex-wrap items-center gap-2">
                <h2 className="text-lg font-bold">
                  <Link href={`${base}/${c.id}`} className="text-indigo-900 hover:underline">
                    {c.title}
                  </Link>
                </h2>
                <Badge tone={stateTone[c.state]}>{tl(`challengeState.${c.state}`)}</Badge>
                <Badge tone="purple">{isKind(c.kind) ? tl(`challengeKind.${c.kind}`) : c.kind}</Badge>
                {c.solvedByMyTeam && <Badge tone="green">{t("solvedByYourTeam")}</Badge>}
              </div>
              <p className="mt-1 text-sm text-slate-700">
                {t("times", {
                  state: c.state,
                  opens: formatInZone(c.opensAt, edition.timezone, undefined, locale),
                  closes: formatInZone(c.closesAt, edition.timezone, undefined, locale),
                })}
                {c.kind === "RIDDLE" ? ` · ${t("solveCount", { count: c.solveCount })}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
