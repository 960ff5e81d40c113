// Organizers: every edition side by side, for the people who fund the next one.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { requireUser } from "@/app/_lib/session";
import { getDb } from "@/app/_lib/db";
import { translator } from "@/app/_lib/translate";
import { BarRows } from "@/components/charts/bar-rows";
import { Lines } from "@/components/charts/lines";
import { PrintButton } from "@/components/insights/print-button";
import { EmptyState, NotAllowed, PageHeader } from "@/components/ui";
import { isOrganizer } from "@/lib/people/rules";
import { allReports } from "@/lib/insights/queries";
import { editionsChart, percent, productSentence, topicKindsChart } from "@/lib/insights/rules";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("insights.all");
  return { title: t("metaTitle") };
}

/** The table's columns, in order (their headings are insights.all.columns.*). */
const COLUMNS = ["edition", "people", "firstTime", "back", "teams", "averageSize", "topics", "becameTeams", "ballots", "articles", "inProduct"] as const;

export default async function AllEditionsReportPage() {
  const user = await requireUser("/editions/report");
  const t = await getTranslations("insights");
  if (!isOrganizer(user)) return <NotAllowed title={t("all.title")}>{t("all.forbidden")}</NotAllowed>;
  const reports = await allReports(getDb(), user);
  const inProduct = productSentence(reports.map((r) => ({ projects: r.teams.teams, outcomes: r.outcomes })));
  const say = await translator();
  const figures = reports.map((r) => ({
    number: r.edition.number,
    slug: r.edition.slug,
    teams: r.teams.teams,
    people: r.participation.people,
    articles: r.articles,
  }));
  return (
    <div className="space-y-6">
      <PageHeader eyebrow={<Link href="/editions">{t("all.editions")}</Link>} title={t("all.title")}>
        <div className="flex flex-wrap gap-2 print:hidden">
          <a
            href="/api/editions/report.csv"
            className="rounded-lg bg-white px-4 py-2 text-sm font-semibold text-indigo-900 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            {t("downloadCsv")}
          </a>
          <PrintButton />
        </div>
      </PageHeader>
      {reports.length === 0 ? (
        <EmptyState>{t("all.empty")}</EmptyState>
      ) : (
        <>
          {inProduct && <p className="text-lg font-semibold">{say(inProduct)}</p>}
          <div className="relative overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200" tabIndex={0}>
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">{t("all.caption")}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  {COLUMNS.map((column) => (
                    <th key={column} scope="col" className="px-3 py-2 font-semibold">
                      {t(`all.columns.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => {
                  const topics = r.topics.reduce((sum, t) => sum + t.proposed, 0);
                  const became = r.topics.reduce((sum, t) => sum + t.becameTeams, 0);
                  return (
                    <tr key={r.edition.number} className="border-b border-slate-100 tabular-nums">
                      <th scope="row" className="px-3 py-2 font-semibold">
                        <Link href={`/editions/${r.edition.slug}/report`} className="text-indigo-800 underline">
                          {r.edition.slug}
                        </Link>
                      </th>
                      <td className="px-3 py-2">{r.participation.people}</td>
                      <td className="px-3 py-2">{r.participation.firstTimers}</td>
                      <td className="px-3 py-2">
                        {r.participation.previousPeople === null ? "—" : `${r.participation.returning} (${say(percent(r.participation.retention))})`}
                      </td>
                      <td className="px-3 py-2">{r.teams.teams}</td>
                      <td className="px-3 py-2">{r.teams.average}</td>
                      <td className="px-3 py-2">{topics}</td>
                      <td className="px-3 py-2">{became}</td>
                      <td className="px-3 py-2">{r.vote?.ballots ?? "—"}</td>
                      <td className="px-3 py-2">{r.articles}</td>
                      <td className="px-3 py-2">{r.outcomes.ADOPTED}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="grid gap-6 lg:grid-cols-2">
            <section className="rounded-xl bg-white p-4 ring-1 ring-slate-200 break-inside-avoid">
              <Lines id="report-editions" chart={editionsChart(figures)} />
            </section>
            <section className="rounded-xl bg-white p-4 ring-1 ring-slate-200 break-inside-avoid">
              <BarRows id="report-topic-kinds" chart={topicKindsChart(reports)} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}
