import { gameChoices } from "@/lib/arena/engine/games";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { translator } from "@/app/_lib/translate";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { editionPath, loadEdition, orNotFound } from "@/app/_lib/load";
import { requireUser } from "@/app/_lib/session";
import { ChallengeForm } from "@/components/challenges/challenge-form";
import { Alert, Card, PageHeader } from "@/components/ui";
import { getChallenge } from "@/lib/challenges/queries";
import { getDb } from "@/app/_lib/db";
import { isOrganizer } from "@/lib/people/rules";
import { utcToZonedLocal } from "@/lib/platform/time";
import { updateChallengeAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("challenges.edit");
  return { title: t("title") };
}

export default async function EditChallengePage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const edition = await loadEdition(slug, `/challenges/${id}/edit`);
  const user = await requireUser(editionPath(edition.number, `/challenges/${id}/edit`));
  const t = await getTranslations("challenges.edit");
  const say = await translator();
  if (!isOrganizer(user)) return <Alert>{t("organizersOnly")}</Alert>;
  const c = await orNotFound(getChallenge(getDb(), user, id));
  if (c.editionId !== edition.id) notFound();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader eyebrow={<Link href={editionPath(edition.number, `/challenges/${id}`)}>{c.title}</Link>} title={t("title")} />
      <Card>
        <ChallengeForm
          action={updateChallengeAction.bind(null, id, edition.number)}
          submitLabel={t("submit")}
          timezone={edition.timezone}
          initial={{
            kind: c.kind,
            title: c.title,
            statement: c.statement,
            opensAt: utcToZonedLocal(c.opensAt, edition.timezone),
            closesAt: utcToZonedLocal(c.closesAt, edition.timezone),
            hiddenUntilOpen: c.hiddenUntilOpen,
            scoring: c.scoring,
            rankPoints: c.rankPoints.replace(/,/g, ", "),
            fixedPoints: String(c.fixedPoints),
            maxPoints: String(c.maxPoints),
            answers: (c.answers ?? []).join("\n"),
            game: c.game,
            matchRounds: String(c.matchRounds),
            matchesPerPair: String(c.matchesPerPair),
            format: c.format,
            swissRounds: c.swissRounds === null ? "" : String(c.swissRounds),
          }}
          games={gameChoices().map((game) => ({ ...game, name: say(game.name) }))}
        />
      </Card>
    </div>
  );
}
