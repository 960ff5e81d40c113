import type { Metadata } from "next";
import Link from "@/components/link";
import { editionPath, loadEdition } from "@/app/_lib/load";
import { requireUser } from "@/app/_lib/session";
import { Alert, EmptyState, PageHeader } from "@/components/ui";
import { auditTrail } from "@/lib/challenges/queries";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { isOrganizer } from "@/lib/people/rules";
import { formatInZone } from "@/lib/platform/time";

export const metadata: Metadata = { title: "Audit trail" };

export default async function AuditPage({ params }: { params: Promise<{ slug: string }> }) {
  const edition = await loadEdition((await params).slug, "/challenges/audit");
  const user = await requireUser(editionPath(edition.number, "/challenges/audit"));
  if (!isOrganizer(user)) return <Alert>Only organizers see the audit trail.</Alert>;
  const entries = await auditTrail(getDb(), user, edition.id);
  const hex = formatEditionNumber(edition.number);
  return (
    <div>
      <PageHeader eyebrow={<Link href={editionPath(edition.number, "/challenges")}>Mini-challenges of {hex}</Link>} title="Audit trail of the scores">
        <a href={`/api/editions/${hex}/challenges.csv`} className="text-sm font-semibold text-indigo-800 underline">
          Export results and audit trail (CSV)
        </a>
      </PageHeader>
      {entries.length === 0 ? (
        <EmptyState>No judge has entered a score yet.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200" tabIndex={0}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Every change of a score: who, when, old and new points, and why</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">
                  When
                </th>
                <th scope="col" className="px-3 py-2">
                  Judge
                </th>
                <th scope="col" className="px-3 py-2">
                  Challenge
                </th>
                <th scope="col" className="px-3 py-2">
                  Team
                </th>
                <th scope="col" className="px-3 py-2">
                  Points
                </th>
                <th scope="col" className="px-3 py-2">
                  Why
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100" data-testid="audit">
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className="px-3 py-2 whitespace-nowrap">{formatInZone(e.createdAt, edition.timezone, { second: "2-digit" })}</td>
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
