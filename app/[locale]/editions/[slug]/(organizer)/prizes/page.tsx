import type { Metadata } from "next";
import Link from "@/components/link";
import { editionPath, loadForOrganizer } from "@/app/_lib/load";
import { ActionButton } from "@/components/action-button";
import { NewPrizeForm, TeamPickForm } from "@/components/prize-forms";
import { Card, EmptyState, PageHeader } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { juryTallies } from "@/lib/prizes/queries";
import { runningOrder } from "@/lib/stage/queries";
import { awardPrizeAction, createPrizeAction, deletePrizeAction } from "./actions";

export const metadata: Metadata = { title: "Jury prizes" };

export default async function PrizesPage({ params }: { params: Promise<{ slug: string }> }) {
  const page = await loadForOrganizer((await params).slug, "/prizes");
  if (!page) return null; // the layout says why
  const { edition, user } = page;
  const hex = formatEditionNumber(edition.number);
  const db = getDb();
  const [prizes, teams] = await Promise.all([juryTallies(db, user, edition.id), runningOrder(db, edition.id)]);
  const teamOptions = teams.map((t) => ({ id: t.id, name: t.name }));
  return (
    <div className="space-y-6">
      <PageHeader eyebrow={<Link href={editionPath(edition.number)}>Edition {hex}</Link>} title="Jury prizes" />
      <p className="text-slate-700">
        The three best teams of the vote and the public-vote favourite are prized from the{" "}
        <Link href={editionPath(edition.number, "/vote")} className="font-semibold text-indigo-800 underline">
          vote
        </Link>
        . Jury prizes are chosen by the judges, or awarded directly.
      </p>
      {prizes.length === 0 ? (
        <EmptyState>No jury prize yet.</EmptyState>
      ) : (
        <ul className="space-y-4">
          {prizes.map((prize) => (
            <li key={prize.id}>
              <Card aria-labelledby={`prize-${prize.id}`}>
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <h2 id={`prize-${prize.id}`} className="text-lg font-bold">
                      {prize.name}
                    </h2>
                    {prize.description && <p className="text-sm text-slate-700">{prize.description}</p>}
                    <p className="mt-1 text-sm font-semibold" data-testid="prize-winner">
                      {prize.team ? `Awarded to ${prize.team.name}` : "Not awarded yet"}
                    </p>
                  </div>
                  <ActionButton action={deletePrizeAction.bind(null, prize.id)} variant="ghost" pendingText="Removing…" label={`Remove ${prize.name}`}>
                    Remove
                  </ActionButton>
                </div>
                <div className="mt-3 grid gap-4 sm:grid-cols-2">
                  <div>
                    <h3 className="text-sm font-semibold">The jury&apos;s votes ({prize.judges})</h3>
                    {prize.tally.length === 0 ? (
                      <p className="text-sm text-slate-600">No judge has voted yet.</p>
                    ) : (
                      <ol className="mt-1 text-sm" aria-label={`Jury votes for ${prize.name}`}>
                        {prize.tally.map((t) => (
                          <li key={t.teamId}>
                            {t.name}: {t.votes} {t.votes === 1 ? "vote" : "votes"}
                          </li>
                        ))}
                      </ol>
                    )}
                  </div>
                  <TeamPickForm
                    scope={prize.id}
                    action={awardPrizeAction.bind(null, prize.id)}
                    teams={teamOptions}
                    label="Award to"
                    submitLabel="Award prize"
                    initial={prize.teamId ?? prize.tally[0]?.teamId ?? null}
                    allowNone="Nobody (not awarded)"
                  />
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Card aria-labelledby="new-prize">
        <h2 id="new-prize" className="mb-3 text-lg font-bold">
          Add a jury prize
        </h2>
        <NewPrizeForm action={createPrizeAction.bind(null, edition.id)} />
      </Card>
    </div>
  );
}
