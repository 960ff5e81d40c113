import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { editionPath, loadEdition } from "@/app/_lib/load";
import { getCurrentUser } from "@/app/_lib/session";
import { LiveLeaderboard } from "@/components/challenges/live-leaderboard";
import { PageHeader } from "@/components/ui";
import { bonusLeaderboard } from "@/lib/challenges/leaderboard";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { isOrganizer } from "@/lib/people/rules";
import { displayKey } from "@/lib/stage/queries";
import { Lines } from "@/components/charts/lines";
import { leaderboardChart } from "@/lib/insights/rules";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("leaderboard");
  return { title: t("metaTitle") };
}

export default async function LeaderboardPage({ params }: { params: Promise<{ slug: string }> }) {
  const edition = await loadEdition((await params).slug, "/leaderboard");
  const user = await getCurrentUser();
  const db = getDb();
  const hex = formatEditionNumber(edition.number);
  const t = await getTranslations("leaderboard");
  const [key, board] = await Promise.all([isOrganizer(user) ? displayKey(db, user, edition.id) : null, bonusLeaderboard(db, edition.id)]);
  return (
    <div>
      <PageHeader eyebrow={<Link href={editionPath(edition.number, "/challenges")}>{t("eyebrow", { hex })}</Link>} title={t("title")}>
        {key && (
          <a href={`/display/${key}/leaderboard`} className="text-sm font-semibold text-indigo-800 underline">
            {t("projectorView")}
          </a>
        )}
      </PageHeader>
      <p className="mb-4 text-slate-700">{t("intro")}</p>
      <LiveLeaderboard editionSlug={hex} initial={board} />
      {board.challenges.length >= 2 && board.rows.some((row) => row.total > 0) && (
        <section aria-label={t("chart")} className="mt-8 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <Lines id="leaderboard-over-time" chart={leaderboardChart(board)} />
        </section>
      )}
    </div>
  );
}
