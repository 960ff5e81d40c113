import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { editionPath, loadEdition } from "@/app/_lib/load";
import { requireUser } from "@/app/_lib/session";
import { Alert, EmptyState, PageHeader } from "@/components/ui";
import { auditTrail } from "@/lib/challenges/queries";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { isOrganizer } from "@/lib/people/rules";
import { formatInZone } from "@/lib/platform/time";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("challenges.audit");
  return { title: t("metaTitle") };
}

export default async function AuditPage({ params }: { params: Promise<{ slug: string }> }) {
  const edition = await loadEdition((await params).slug, "/challenges/audit");
  const user = await requireUser(editionPath(edition.number, "/challenges/audit"));
  const t = await getTranslations("challenges.audit");
  if (!isOrganizer(user)) return <Alert>{t("organizersOnly")}</Alert>;
  const locale = await getLocale();
  const entries = await auditTrail(getDb(), user, edition.id);
  const hex = formatEditionNumber(edition.number);
  return (
    <div>
      <PageHeader eyebrow={<Link href={editionPath(edition.number, "/challenges")}>{t("eyebrow", { edition: hex })}</Link>} title={t("title")}>
        <a href={`/api/editions/${hex}/challenges.csv`} className="text-sm font-semibold text-indigo-800 underline">
          {t("export")}
        </a>
      </PageHeader>
      {entries.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <div className="relative overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200" tabIndex={0}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("columns.when")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("columns.judge")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("columns.challenge")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("columns.team")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("columns.points")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("columns.why")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100" data-testid="audit">
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className="px-3 py-2 whitespace-nowrap">{formatInZone(e.createdAt, edition.timezone, { second: "2-digit" }, locale)}</td>
                  <td className="px-3 py-2">{e.judgeName}</td>
                  <td className="px-3 py-2">{e.challenge.title}</td>
                  <td className="px-3 py-2">{e.teamName}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {e.oldPoints ?? "—"} → {e.newPoints ?? "—"}
                  </td>
                  <td className="px-3 py-2">{e.comment}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
