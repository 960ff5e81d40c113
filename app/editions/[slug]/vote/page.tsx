import type { Metadata } from "next";
import Link from "@/components/link";
import { oidcEnabled, oidcName } from "@/app/_lib/auth";
import { editionPath, loadEdition } from "@/app/_lib/load";
import { publicOrigin } from "@/app/_lib/origin";
import { requireUser } from "@/app/_lib/session";
import { PageHeader, NotAllowed } from "@/components/ui";
import { VoteControl } from "@/components/vote/vote-control";
import { getDb } from "@/lib/platform/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { isOrganizer } from "@/lib/people/rules";
import { voteAudit, resultsFor, signInRecommendation, voteSnapshot } from "@/lib/votes/queries";

export const metadata: Metadata = { title: "Vote control" };

export default async function VoteControlPage({ params }: { params: Promise<{ slug: string }> }) {
  const edition = await loadEdition((await params).slug, "/vote");
  const user = await requireUser(editionPath(edition.number, "/vote"));
  const hex = formatEditionNumber(edition.number);
  if (!isOrganizer(user)) {
    return <NotAllowed title="Vote control">Only organizers open and close the vote.</NotAllowed>;
  }
  const db = getDb();
  const vote = await voteSnapshot(db, edition.id);
  const [results, audit, signInAdvice] = await Promise.all([
    resultsFor(db, user, edition.id),
    voteAudit(db, user, edition.id),
    signInRecommendation(db, oidcEnabled() ? oidcName() : null),
  ]);
  return (
    <div>
      <PageHeader eyebrow={<Link href={editionPath(edition.number)}>Edition {hex}</Link>} title="Vote control">
        <Link href={editionPath(edition.number, "/stage")} className="text-sm font-semibold text-indigo-800 underline">
          Stage control
        </Link>
      </PageHeader>
      <VoteControl
        editionSlug={hex}
        initialVote={vote}
        initialSettings={results.settings}
        initialResults={results}
        initialAudit={audit}
        timeZone={edition.timezone}
        signInAdvice={signInAdvice}
        voteUrl={`${await publicOrigin()}/vote/${vote.joinCode}`}
      />
    </div>
  );
}
