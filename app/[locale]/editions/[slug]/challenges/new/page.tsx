import { gameChoices } from "@/lib/arena/engine/games";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { translator } from "@/app/_lib/translate";
import Link from "@/components/link";
import { editionPath, loadEdition } from "@/app/_lib/load";
import { requireUser } from "@/app/_lib/session";
import { ChallengeForm } from "@/components/challenges/challenge-form";
import { Alert, Card, PageHeader } from "@/components/ui";
import { formatEditionNumber } from "@/lib/editions/rules";
import { isOrganizer } from "@/lib/people/rules";
import { utcToZonedLocal } from "@/lib/platform/time";
import { createChallengeAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("challenges.new");
  return { title: t("title") };
}

/** A sensible start for the form: the challenge opens at the next-but-one full hour, for an hour. */
function nextFullHourPlusOne() {
  const hour = 3_600_000;
  return new Date(Math.ceil(new Date().getTime() / hour) * hour + hour);
}

export default async function NewChallengePage({ params }: { params: Promise<{ slug: string }> }) {
  const edition = await loadEdition((await params).slug, "/challenges/new");
  const user = await requireUser(editionPath(edition.number, "/challenges/new"));
  const t = await getTranslations("challenges.new");
  const say = await translator();
  if (!isOrganizer(user)) return <Alert>{t("organizersOnly")}</Alert>;
  const inAnHour = nextFullHourPlusOne();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        eyebrow={<Link href={editionPath(edition.number, "/challenges")}>{t("eyebrow", { edition: formatEditionNumber(edition.number) })}</Link>}
        title={t("title")}
      />
      <Card>
        <ChallengeForm
          action={createChallengeAction.bind(null, edition.id, edition.number)}
          submitLabel={t("submit")}
          timezone={edition.timezone}
          initial={{
            kind: "RIDDLE",
            title: "",
            statement: "",
            opensAt: utcToZonedLocal(inAnHour, edition.timezone),
            closesAt: utcToZonedLocal(new Date(inAnHour.getTime() + 3_600_000), edition.timezone),
            hiddenUntilOpen: true,
            scoring: "RANK",
            rankPoints: "10, 7, 5, 3, 1",
            fixedPoints: "5",
            maxPoints: "10",
            answers: "",
            game: "rps",
            matchRounds: "1000",
            matchesPerPair: "3",
            format: "ROUND_ROBIN",
            swissRounds: "",
          }}
          games={gameChoices().map((game) => ({ ...game, name: say(game.name) }))}
        />
      </Card>
    </div>
  );
}
