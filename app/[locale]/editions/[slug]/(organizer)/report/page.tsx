import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { editionPath, loadForOrganizer } from "@/app/_lib/load";
import { ReportView } from "@/components/insights/report-view";
import { PrintButton } from "@/components/insights/print-button";
import { Alert, PageHeader } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { editionReport } from "@/lib/insights/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("insights.report");
  return { title: t("metaTitle") };
}

export default async function ReportPage({ params }: { params: Promise<{ slug: string }> }) {
  const page = await loadForOrganizer((await params).slug, "/report");
  if (!page) return null; // the layout says why
  const { edition, user } = page;
  const t = await getTranslations("insights");
  const hex = formatEditionNumber(edition.number);
  if (edition.phase === "DRAFT") {
    return (
      <div className="space-y-6">
        <PageHeader eyebrow={<Link href={editionPath(edition.number)}>{t("report.edition", { number: hex })}</Link>} title={t("report.title")} />
        <Alert tone="info">{t("report.draft")}</Alert>
      </div>
    );
  }
  const report = await editionReport(getDb(), user, edition.id);
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={<Link href={editionPath(edition.number)}>{t("report.edition", { number: hex })}</Link>}
        title={t("report.titleOf", { number: hex, title: edition.title })}
      >
        <div className="flex flex-wrap gap-2 print:hidden">
          <a
            href={`/api/editions/${hex}/report.csv`}
            className="rounded-lg bg-white px-4 py-2 text-sm font-semibold text-indigo-900 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            {t("downloadCsv")}
          </a>
          <PrintButton />
          <Link href="/editions/report" className="rounded-lg px-4 py-2 text-sm font-semibold text-indigo-900 underline">
            {t("report.allEditions")}
          </Link>
        </div>
      </PageHeader>
      <p className="text-slate-700">{t("report.explain")}</p>
      <ReportView report={report} />
    </div>
  );
}
