// An edition's report: the figures people ask for first, the pictures, and
// every line of it in one table (what the CSV holds). Printable: the browser's
// print (or "Save as PDF") leaves out the site's header and the buttons.
import { getTranslations } from "next-intl/server";
import { translator } from "@/app/_lib/translate";
import { BarRows } from "@/components/charts/bar-rows";
import { coverageChart, departmentsChart, type EditionReport, percent, reportLines, teamSizesChart } from "@/lib/insights/rules";

export async function ReportView({ report }: { report: EditionReport }) {
  const t = await getTranslations("insights.view");
  // lib/'s words (a percentage, the report's lines) in the reader's language
  const say = await translator();
  const p = report.participation;
  const figures: [string, string | number, string?][] = [
    [t("people"), p.people],
    [t("firstTime"), p.firstTimers, p.people ? say(percent(p.firstTimers / p.people)) : undefined],
    [t("back"), p.previousPeople === null ? "—" : p.returning, p.retention === null ? undefined : t("retention", { percent: say(percent(p.retention)) })],
    [t("teams"), report.teams.teams, report.teams.teams ? t("average", { average: report.teams.average }) : undefined],
    [
      t("ballots"),
      report.vote?.ballots ?? "—",
      report.vote?.people ? t("perPerson", { perPerson: Math.round((report.vote.ballots / report.vote.people) * 10) / 10 }) : undefined,
    ],
    [t("articles"), report.articles],
  ];
  return (
    <div className="space-y-6">
      <section aria-label={t("keyFigures")}>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {figures.map(([label, value, note]) => (
            <div key={label} className="rounded-xl bg-white p-4 ring-1 ring-slate-200 print:ring-slate-400">
              <dt className="text-sm text-slate-700">{label}</dt>
              <dd className="text-2xl font-bold tabular-nums">{value}</dd>
              {note && <dd className="text-sm text-slate-700">{note}</dd>}
            </div>
          ))}
        </dl>
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-xl bg-white p-4 ring-1 ring-slate-200 break-inside-avoid">
          <BarRows id="report-team-sizes" chart={teamSizesChart(report)} />
        </section>
        {report.judging && (
          <section className="rounded-xl bg-white p-4 ring-1 ring-slate-200 break-inside-avoid">
            <BarRows id="report-coverage" chart={coverageChart(report.judging.perTeam)} />
          </section>
        )}
        {report.departments.length > 0 && (
          <section className="rounded-xl bg-white p-4 ring-1 ring-slate-200 break-inside-avoid">
            <BarRows id="report-departments" chart={departmentsChart(report.departments, p.people)} />
          </section>
        )}
      </div>
      <section aria-labelledby="report-lines" className="break-inside-avoid">
        <h2 id="report-lines" className="mb-2 text-lg font-bold">
          {t("everyFigure")}
        </h2>
        <div className="relative overflow-x-auto" tabIndex={0}>
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="px-2 py-1">
                  {t("section")}
                </th>
                <th scope="col" className="px-2 py-1">
                  {t("measure")}
                </th>
                <th scope="col" className="px-2 py-1 text-right">
                  {t("value")}
                </th>
              </tr>
            </thead>
            <tbody>
              {reportLines(report).map(([section, measure, value], i) => (
                <tr key={i} className="border-b border-slate-100">
                  <td className="px-2 py-1">{say(section)}</td>
                  <th scope="row" className="px-2 py-1 font-normal">
                    {say(measure)}
                  </th>
                  <td className="px-2 py-1 text-right tabular-nums">{typeof value === "string" ? say(value) : value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
