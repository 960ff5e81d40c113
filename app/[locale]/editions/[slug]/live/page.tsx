import type { Metadata } from "next";
import { connection } from "next/server";
import Link from "@/components/link";
import { editionPath, loadEdition } from "@/app/_lib/load";
import { StageView } from "@/components/live/stage-view";
import { formatEditionNumber } from "@/lib/editions/rules";
import { loadLiveView } from "@/app/_lib/live-view";

export const metadata: Metadata = { title: "Live presentations" };

/** The stage and its countdown, for a presenter's laptop or anyone's phone. */
export default async function LivePage({ params }: { params: Promise<{ slug: string }> }) {
  await connection(); // the stage as it is now, never a stored copy
  const edition = await loadEdition((await params).slug, "/live");
  const hex = formatEditionNumber(edition.number);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={editionPath(edition.number)} className="font-semibold text-indigo-800 underline">
          Edition {hex}
        </Link>
      </p>
      <StageView editionSlug={hex} editionLabel={`Hackathon ${hex}`} {...await loadLiveView(edition, false)} />
    </div>
  );
}
