import type { Metadata } from "next";
import Link from "@/components/link";
import { editionPath, loadEdition } from "@/app/_lib/load";
import { requireUser } from "@/app/_lib/session";
import { StageControl } from "@/components/live/stage-control";
import { PageHeader, NotAllowed } from "@/components/ui";
import { getDb } from "@/lib/platform/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { isOrganizer } from "@/lib/people/rules";
import { displayKey, stageSnapshot } from "@/lib/stage/queries";

export const metadata: Metadata = { title: "Stage control" };

export default async function StagePage({ params }: { params: Promise<{ slug: string }> }) {
  const edition = await loadEdition((await params).slug, "/stage");
  const user = await requireUser(editionPath(edition.number, "/stage"));
  const hex = formatEditionNumber(edition.number);
  if (!isOrganizer(user)) {
    return (
      <NotAllowed title="Stage control">
        Only organizers run the presentations. Follow them live on the{" "}
        <Link href={editionPath(edition.number, "/live")} className="underline">
          live page
        </Link>
        .
      </NotAllowed>
    );
  }
  const db = getDb();
  const [snapshot, key] = await Promise.all([stageSnapshot(db, edition), displayKey(db, user, edition.id)]);
  return (
    <div>
      <PageHeader eyebrow={<Link href={editionPath(edition.number)}>Edition {hex}</Link>} title="Stage control">
        <Link href={editionPath(edition.number, "/vote")} className="text-sm font-semibold text-indigo-800 underline">
          Vote control
        </Link>
      </PageHeader>
      <StageControl
        editionSlug={hex}
        initial={snapshot}
        displayPath={`/display/${key}`}
        slotSeconds={edition.slotSeconds}
        changeoverSeconds={edition.changeoverSeconds}
      />
    </div>
  );
}
