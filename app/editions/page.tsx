import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/app/_lib/session";
import { PhaseBadge } from "@/components/labels";
import { ButtonLink, EmptyState, PageHeader } from "@/components/ui";
import { getDb } from "@/lib/db";
import { formatEditionNumber } from "@/lib/domain";
import { listEditions } from "@/lib/editions";
import { canManageEditions } from "@/lib/permissions";
import { formatInZone } from "@/lib/time";

export const metadata: Metadata = { title: "Editions" };

export default async function EditionsPage() {
  const user = await getCurrentUser();
  const editions = await listEditions(getDb(), user);
  return (
    <div>
      <PageHeader title="Editions">{canManageEditions(user) && <ButtonLink href="/editions/new">New edition</ButtonLink>}</PageHeader>
      {editions.length === 0 ? (
        <EmptyState>No edition yet.</EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {editions.map((e) => (
            <li key={e.id} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <article aria-labelledby={`edition-${e.id}`}>
                <p className="font-mono text-2xl font-bold text-indigo-800">{formatEditionNumber(e.number)}</p>
                <h2 id={`edition-${e.id}`} className="text-lg font-bold">
                  <Link href={`/editions/${formatEditionNumber(e.number)}`} className="hover:underline">
                    {e.title}
                  </Link>
                </h2>
                <p className="mt-1 text-sm text-slate-700">
                  {formatInZone(e.hackingStartsAt, e.timezone, { weekday: undefined, hour: undefined, minute: undefined, year: "numeric" })}
                </p>
                <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700">
                  <PhaseBadge phase={e.phase} />
                  {e._count.topics} topics · {e._count.teams} teams
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
