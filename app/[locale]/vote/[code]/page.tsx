import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/app/_lib/session";
import { orNotFound } from "@/app/_lib/load";
import { Ballot } from "@/components/vote/ballot";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import type { VoteMethod, VoteStatus } from "@/lib/votes/rules";
import { ballotPage } from "@/lib/votes/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ballot.page");
  return { title: t("metaTitle") };
}

/** The audience's phone ballot, opened from the QR code on the projector. */
export default async function VotePage({ params }: { params: Promise<{ code: string }> }) {
  const code = (await params).code;
  const user = await getCurrentUser();
  const { vote, teams } = await orNotFound(ballotPage(getDb(), user, code));
  const t = await getTranslations("ballot.page");
  return (
    <div className="mx-auto max-w-lg">
      <p className="font-mono text-sm font-semibold text-indigo-800">{t("edition", { hex: formatEditionNumber(vote.edition.number) })}</p>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <Ballot
        code={vote.joinCode}
        teams={teams.map((t) => ({ id: t.id, name: t.name, topic: t.topic }))}
        method={vote.method as VoteMethod}
        picks={vote.picks}
        initialStatus={vote.status as VoteStatus}
        requireSignIn={vote.requireSignIn}
        signedIn={!!user}
      />
    </div>
  );
}
