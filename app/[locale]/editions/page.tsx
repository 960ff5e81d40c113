import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { getCurrentUser } from "@/app/_lib/session";
import { PhaseBadge } from "@/components/labels";
import { ButtonLink, EmptyState, PageHeader } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { translator } from "@/app/_lib/translate";
import { formatEditionNumber, canManageEditions } from "@/lib/editions/rules";
import { listEditions } from "@/lib/editions/queries";
import { formatInZone } from "@/lib/platform/time";
import { cachedFacets, cachedWinners } from "@/app/_lib/public-data";
import type { EditionWinners } from "@/lib/articles/queries";
import { Lines } from "@/components/charts/lines";
import { editionFigures } from "@/lib/insights/queries";
import { editionsChart, productSentence, topicKindsChart } from "@/lib/insights/rules";
import { BarRows } from "@/components/charts/bar-rows";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("editions");
  return { title: t("metaTitle") };
}

export default async function EditionsPage() {
  const t = await getTranslations("editions");
  const locale = await getLocale();
  const user = await getCurrentUser();
  const editions = await listEditions(getDb(), user);
  const [winners, facets, figures] = await Promise.all([Promise.all(editions.map((e) => cachedWinners(e.id))), cachedFacets(), editionFigures(getDb(), user)]);
  const articleCount = new Map(facets.editions.map((e) => [e.number, e.count]));
  const adopted = new Map(figures.map((f) => [f.number, f.outcomes.ADOPTED]));
  const inProduct = productSentence(figures.map((f) => ({ projects: f.teams, outcomes: f.outcomes })));
  const say = await translator();
  return (
    <div>
      <PageHeader title={t("title")}>{canManageEditions(user) && <ButtonLink href="/editions/new">{t("newEdition")}</ButtonLink>}</PageHeader>
      {editions.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {editions.map((e, i) => (
            <li key={e.id} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <article aria-labelledby={`edition-${e.id}`}>
                <p className="font-mono text-2xl font-bold text-indigo-800">{formatEditionNumber(e.number)}</p>
                <h2 id={`edition-${e.id}`} className="text-lg font-bold">
                  <Link href={`/editions/${formatEditionNumber(e.number)}`} className="hover:underline">
                    {e.title}
                  </Link>
                </h2>
                <p className="mt-1 text-sm text-slate-700">
                  {formatInZone(e.hackingStartsAt, e.timezone, { weekday: undefined, hour: undefined, minute: undefined, year: "numeric" }, locale)}
                </p>
                <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700">
                  <PhaseBadge phase={e.phase} />
                  {t("counts", { topics: e._count.topics, teams: e._count.teams })}
                  {articleCount.get(e.number) ? (
                    <>
                      {" · "}
                      <Link href={`/articles?edition=${formatEditionNumber(e.number)}`} className="font-semibold text-indigo-800 underline">
                        {t("articles", { count: articleCount.get(e.number) ?? 0 })}
                      </Link>
                    </>
                  ) : null}
                  {adopted.get(e.number) ? <> · {t("inProduct", { count: adopted.get(e.number) ?? 0 })}</> : null}
                </p>
                <Winners winners={winners[i]} />
              </article>
            </li>
          ))}
        </ul>
      )}
      {figures.length >= 2 && (
        <section aria-label={t("overTime")} className="mt-8 grid gap-6 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 lg:grid-cols-2">
          {inProduct && <p className="text-lg font-semibold lg:col-span-2">{say(inProduct)}</p>}
          <Lines id="editions-over-time" chart={editionsChart(figures)} />
          <BarRows id="topic-kinds" chart={topicKindsChart(figures)} />
        </section>
      )}
    </div>
  );
}

/** The winners, once announced: the podium, the public's favourite, the jury prizes. */
function Winners({ winners }: { winners: EditionWinners }) {
  const t = useTranslations("editions");
  if (winners.podium.length === 0 && winners.prizes.length === 0 && !winners.favourite) return null;
  return (
    <dl className="mt-3 space-y-1 border-t border-slate-100 pt-3 text-sm" aria-label={t("winners")}>
      {winners.podium.map((p) => (
        <div key={`${p.place}-${p.name}`} className="flex gap-2">
          <dt className="w-28 shrink-0 font-semibold text-slate-700">{t("place", { place: p.place, shared: p.tied ? "yes" : "no" })}</dt>
          <dd>{p.name}</dd>
        </div>
      ))}
      {winners.favourite && (
        <div className="flex gap-2">
          <dt className="w-28 shrink-0 font-semibold text-slate-700">{t("publicFavourite")}</dt>
          <dd>{winners.favourite}</dd>
        </div>
      )}
      {winners.prizes.map((p) => (
        <div key={p.name} className="flex gap-2">
          <dt className="w-28 shrink-0 font-semibold text-slate-700">{p.name}</dt>
          <dd>{p.team}</dd>
        </div>
      ))}
    </dl>
  );
}
