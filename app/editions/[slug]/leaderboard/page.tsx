import type { Metadata } from "next";
import Link from "@/components/link";
import { editionPath, loadEdition } from "@/app/_lib/load";
import { getCurrentUser } from "@/app/_lib/session";
import { LiveLeaderboard } from "@/components/challenges/live-leaderboard";
import { PageHeader } from "@/components/ui";
import { bonusLeaderboard } from "@/lib/challenges/leaderboard";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { isOrganizer } from "@/lib/people/rules";
import { displayKey } from "@/lib/stage/queries";

export const metadata: Metadata = { title: "Leaderboard" };

export default async function LeaderboardPage({ params }: { params: Promise<{ slug: string }> }) {
  const edition = await loadEdition((await params).slug, "/leaderboard");
  const user = await getCurrentUser();
  const db = getDb();
  const hex = formatEditionNumber(edition.number);
  const key = isOrganizer(user) ? await displayKey(db, user, edition.id) : null;
  return (
    <div>
      <PageHeader eyebrow={<Link href={editionPath(edition.number, "/challenges")}>Mini-challenges of {hex}</Link>} title="Bonus leaderboard">
        {key && (
          <a href={`/display/${key}/leaderboard`} className="text-sm font-semibold text-indigo-800 underline">
            Projector view
          </a>
        )}
      </PageHeader>
      <p className="mb-4 text-slate-700">The points teams earned in the mini-challenges, added to their audience vote.</p>
      <LiveLeaderboard editionSlug={hex} initial={await bonusLeaderboard(db, edition.id)} />
    </div>
  );
}
