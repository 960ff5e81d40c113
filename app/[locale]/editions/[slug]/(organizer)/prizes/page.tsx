import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("prizes.page");
  return { title: t("title") };
}

export default async function PrizesPage({ params }: { params: Promise<{ slug: string }> }) {
  const page = await loadForOrganizer((await params).slug, "/prizes");
  if (!page) return null; // the layout says why
  const { edition, user } = page;
  const [t, tr] = await Promise.all([getTranslations("prizes.page"), getTranslations()]);
  const hex = formatEditionNumber(edition.number);
  const db = getDb();
  const [prizes, teams] = await Promise.all([juryTallies(db, user, edition.id), runningOrder(db, edition.id)]);
  const teamOptions = teams.map((team) => ({ id: team.id, name: team.name }));
  return (
    <div className="space-y-6">
      <PageHeader eyebrow={<Link href={editionPath(edition.number)}>{tr("layout.edition", { number: hex })}</Link>} title={t("title")} />
      <p className="text-slate-700">
        {t.rich("intro", {
          link: (chunks) => (
            <Link href={editionPath(edition.number, "/vote")} className="font-semibold text-indigo-800 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      {prizes.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
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
                      {prize.team ? t("awardedTo", { team: prize.team.name }) : t("notAwarded")}
                    </p>
                  </div>
                  <ActionButton
                    action={deletePrizeAction.bind(null, prize.id)}
                    variant="ghost"
                    pendingText={t("removing")}
                    label={t("removeLabel", { name: prize.name })}
                  >
                    {t("remove")}
                  </ActionButton>
                </div>
                <div className="mt-3 grid gap-4 sm:grid-cols-2">
                  <div>
                    <h3 className="text-sm font-semibold">{t("juryVotes", { count: prize.judges })}</h3>
                    {prize.tally.length === 0 ? (
                      <p className="text-sm text-slate-600">{t("noVotes")}</p>
                    ) : (
                      <ol className="mt-1 text-sm" aria-label={t("votesLabel", { name: prize.name })}>
                        {prize.tally.map((entry) => (
                          <li key={entry.teamId}>{t("tally", { name: entry.name, count: entry.votes })}</li>
                        ))}
                      </ol>
                    )}
                  </div>
                  <TeamPickForm
                    scope={prize.id}
                    action={awardPrizeAction.bind(null, prize.id)}
                    teams={teamOptions}
                    label={t("awardTo")}
                    submitLabel={t("award")}
                    initial={prize.teamId ?? prize.tally[0]?.teamId ?? null}
                    allowNone={t("nobody")}
                  />
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Card aria-labelledby="new-prize">
        <h2 id="new-prize" className="mb-3 text-lg font-bold">
          {t("add")}
        </h2>
        <NewPrizeForm action={createPrizeAction.bind(null, edition.id)} />
      </Card>
    </div>
  );
}
