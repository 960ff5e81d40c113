import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { editionPath, loadEdition } from "@/app/_lib/load";
import { requireUser } from "@/app/_lib/session";
import { TeamPickForm } from "@/components/prize-forms";
import { Card, EmptyState, PageHeader, NotAllowed } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { canVoteOnJury } from "@/lib/prizes/rules";
import { juryBallot } from "@/lib/prizes/queries";
import { runningOrder } from "@/lib/stage/queries";
import { juryVoteAction } from "../(organizer)/prizes/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("jury");
  return { title: t("title") };
}

/** The judges' ballot for the jury prizes; works on a phone. */
export default async function JuryPage({ params }: { params: Promise<{ slug: string }> }) {
  const edition = await loadEdition((await params).slug, "/jury");
  const user = await requireUser(editionPath(edition.number, "/jury"));
  const hex = formatEditionNumber(edition.number);
  const t = await getTranslations();
  if (!canVoteOnJury(user)) {
    return <NotAllowed title={t("jury.title")}>{t("jury.judgesOnly")}</NotAllowed>;
  }
  const db = getDb();
  const [prizes, teams] = await Promise.all([juryBallot(db, user, edition.id), runningOrder(db, edition.id)]);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader eyebrow={<Link href={editionPath(edition.number)}>{t("layout.edition", { number: hex })}</Link>} title={t("jury.title")} />
      {prizes.length === 0 ? (
        <EmptyState>{t("jury.noPrize")}</EmptyState>
      ) : (
        prizes.map((prize) => (
          <Card key={prize.id} aria-labelledby={`prize-${prize.id}`}>
            <h2 id={`prize-${prize.id}`} className="text-lg font-bold">
              {prize.name}
            </h2>
            {prize.description && <p className="mb-2 text-sm text-slate-700">{prize.description}</p>}
            {prize.team ? (
              <p className="font-semibold">{t("jury.awardedTo", { team: prize.team.name })}</p>
            ) : (
              <TeamPickForm
                scope={prize.id}
                action={juryVoteAction.bind(null, prize.id)}
                teams={teams.map((t) => ({ id: t.id, name: t.name }))}
                label={t("jury.yourPick")}
                submitLabel={t("jury.save")}
                initial={prize.myPick}
              />
            )}
          </Card>
        ))
      )}
    </div>
  );
}
