import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { oidcEnabled, oidcName } from "@/app/_lib/auth";
import { editionPath, loadForOrganizer } from "@/app/_lib/load";
import { publicOrigin } from "@/app/_lib/origin";
import { PageHeader } from "@/components/ui";
import { VoteControl } from "@/components/vote/vote-control";
import { BarRows } from "@/components/charts/bar-rows";
import { ballotsChart, resultsChart } from "@/lib/insights/rules";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { voteAudit, resultsFor, resultsSaid, signInRecommendation, snapshotSaid, voteSnapshot } from "@/lib/votes/queries";
import { translator } from "@/app/_lib/translate";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("vote.page");
  return { title: t("title") };
}

export default async function VoteControlPage({ params }: { params: Promise<{ slug: string }> }) {
  const page = await loadForOrganizer((await params).slug, "/vote");
  if (!page) return null; // the layout says why
  const { edition, user } = page;
  const t = await getTranslations();
  const hex = formatEditionNumber(edition.number);
  const db = getDb();
  // lib's sentences (tie-breaks, shared places) in words before they reach the page's client components
  const say = await translator();
  const vote = snapshotSaid(await voteSnapshot(db, edition.id), say);
  const [results, audit, signInAdvice] = await Promise.all([
    resultsFor(db, user, edition.id).then((r) => resultsSaid(r, say)),
    voteAudit(db, user, edition.id),
    signInRecommendation(db, oidcEnabled() ? oidcName() : null),
  ]);
  return (
    <div>
      <PageHeader eyebrow={<Link href={editionPath(edition.number)}>{t("layout.edition", { number: hex })}</Link>} title={t("vote.page.title")}>
        <Link href={editionPath(edition.number, "/stage")} className="text-sm font-semibold text-indigo-800 underline">
          {t("stage.page.title")}
        </Link>
      </PageHeader>
      <VoteControl
        editionSlug={hex}
        initialVote={vote}
        initialSettings={results.settings}
        initialResults={results}
        initialAudit={audit}
        timeZone={edition.timezone}
        signInAdvice={signInAdvice}
        voteUrl={`${await publicOrigin()}/vote/${vote.joinCode}`}
      />
      {vote.status === "CLOSED" && results.ranking.length > 0 && (
        // the results as the edition's page shows them once revealed (organizers see them from the close)
        <section aria-label={t("vote.page.charts")} className="mt-8 space-y-8 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <BarRows
            id="vote-results-points"
            chart={resultsChart(results.ranking, { audience: results.settings.audienceWeight, bonus: results.settings.bonusWeight })}
          />
          <BarRows id="vote-results-ballots" chart={ballotsChart(results.ranking, results.ballots, results.settings.method)} />
        </section>
      )}
    </div>
  );
}
