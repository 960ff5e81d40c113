import type { Metadata } from "next";
import Link from "@/components/link";
import { editionPath, loadEdition } from "@/app/_lib/load";
import { getCurrentUser } from "@/app/_lib/session";
import { Badge, ButtonLink, EmptyState, PageHeader } from "@/components/ui";
import { CHALLENGE_KIND_LABELS, STATE_LABELS, type ChallengeKind } from "@/lib/challenges/rules";
import { listChallenges } from "@/lib/challenges/queries";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { isOrganizer } from "@/lib/people/rules";
import { formatInZone } from "@/lib/platform/time";

export const metadata: Metadata = { title: "Mini-challenges" };

const stateTone = { UPCOMING: "slate", OPEN: "green", CLOSED: "indigo" } as const;

export default async function ChallengesPage({ params }: { params: Promise<{ slug: string }> }) {
  const edition = await loadEdition((await params).slug, "/challenges");
  const user = await getCurrentUser();
  const challenges = await listChallenges(getDb(), user, edition.id);
  const base = editionPath(edition.number, "/challenges");
  return (
    <div>
      <PageHeader eyebrow={<Link href={editionPath(edition.number)}>Edition {formatEditionNumber(edition.number)}</Link>} title="Mini-challenges">
        <ButtonLink href={editionPath(edition.number, "/leaderboard")} variant="secondary">
          Leaderboard
        </ButtonLink>
        {isOrganizer(user) && (
          <>
            <ButtonLink href={`${base}/audit`} variant="ghost">
              Audit trail
            </ButtonLink>
            <ButtonLink href={`${base}/new`}>New challenge</ButtonLink>
          </>
        )}
      </PageHeader>
      <p className="mb-4 text-slate-700">Extra points for your team, added to the audience vote. Spend a little of your precious time on them!</p>
      {challenges.length === 0 ? (
        <EmptyState>No challenge has been published yet.</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Challenges">
          {challenges.map((c) => (
            <li key={c.id} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <div className="flex flex-wrap items-center gap-2">
                <h2 className="text-lg font-bold">
                  <Link href={`${base}/${c.id}`} className="text-indigo-900 hover:underline">
                    {c.title}
                  </Link>
                </h2>
                <Badge tone={stateTone[c.state]}>{STATE_LABELS[c.state]}</Badge>
                <Badge tone="purple">{CHALLENGE_KIND_LABELS[c.kind as ChallengeKind] ?? c.kind}</Badge>
                {c.solvedByMyTeam && <Badge tone="green">Solved by your team</Badge>}
              </div>
              <p className="mt-1 text-sm text-slate-700">
                {c.state === "UPCOMING" ? "Opens" : "Opened"} {formatInZone(c.opensAt, edition.timezone)} · closes {formatInZone(c.closesAt, edition.timezone)}
                {c.kind === "RIDDLE" ? ` · ${c.solveCount} ${c.solveCount === 1 ? "team" : "teams"} solved it` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
