import type { Metadata } from "next";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LiveLeaderboard } from "@/components/challenges/live-leaderboard";
import { bonusLeaderboard } from "@/lib/challenges/leaderboard";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { editionByDisplayKey } from "@/lib/stage/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("leaderboard");
  return { title: t("metaTitle"), robots: { index: false } };
}

/** The bonus leaderboard on the projector: full-screen and dark, from the secret display link. */
export default async function DisplayLeaderboardPage({ params }: { params: Promise<{ key: string }> }) {
  await connection(); // the scores as they are now, never a stored copy
  const db = getDb();
  const edition = await editionByDisplayKey(db, (await params).key);
  if (!edition) notFound();
  return <LiveLeaderboard projector editionSlug={formatEditionNumber(edition.number)} initial={await bonusLeaderboard(db, edition.id)} />;
}
