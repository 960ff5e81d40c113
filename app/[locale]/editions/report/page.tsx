// Organizers: every edition side by side, for the people who fund the next one.
import type { Metadata } from "next";
import Link from "@/components/link";
import { requireUser } from "@/app/_lib/session";
import { getDb } from "@/app/_lib/db";
import { BarRows } from "@/components/charts/bar-rows";
import { Lines } from "@/components/charts/lines";
import { PrintButton } from "@/components/insights/print-button";
import { EmptyState, NotAllowed, PageHeader } from "@/components/ui";
import { isOrganizer } from "@/lib/people/rules";
import { allReports } from "@/lib/insights/queries";
import { editionsChart, percent, productSentence, topicKindsChart } from "@/lib/insights/rules";

export const metadata: Metadata = { title: "All editions: report" };

export default async function AllEditionsReportPage() {
  const user = await requireUser("/editions/report");
  if (!isOrganizer(user)) return <NotAllowed title="All editions: report">Only organizers see the reports.</NotAllowed>;
  const reports = await allReports(getDb(), user);
  const inProduct = productSentence(reports.map((r) => ({ projects: r.teams.teams, outcomes: r.outcomes })));
  const figures = reports.map((r) => ({
    number: r.edition.number,
    slug: r.edition.slug,
    teams: r.teams.teams,
    people: r.participation.people,
    articles: r.articles,
  }));
  return (
    <div className="space-y-6">
      <PageHeader eyebrow={<Link href="/editions">Editions</Link>} title="All editions: report">
        <div className="flex flex-wrap gap-2 print:hidden">
          <a
            href="/api/editions/report.csv"
            className="rounded-lg bg-white px-4 py-2 text-sm font-semibold text-indigo-900 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            Download as CSV
          </a>
          <PrintButton />
        </div>
      </PageHeader>
      {reports.length === 0 ? (
        <EmptyState>No edition beyond its draft yet.</EmptyState>
      ) : (
        <>
          {inProduct && <p className="text-lg font-semibold">{inProduct}</p>}
          <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200" tabIndex={0}>
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">Every edition&rsquo;s figures, oldest first</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  {[
                    "Edition",
                    "People",
                    "First time",
                    "Back from the previous",
                    "Teams",
                    "Average size",
                    "Topics",
                    "Became teams",
                    "Ballots",
                    "Articles",
                    "In the product",
                  ].map((column) => (
                    <th key={column} scope="col" className="px-3 py-2 font-semibold">
                      {column}
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
                        {r.participation.previousPeople === null ? "—" : `${r.participation.returning} (${percent(r.participation.retention)})`}
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
