import type { Metadata } from "next";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { loadLiveView } from "@/app/_lib/live-view";
import { StageView } from "@/components/live/stage-view";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { editionByDisplayKey } from "@/lib/stage/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("display");
  return { title: t("metaTitle"), robots: { index: false } };
}

/** The projector: opened from the secret display link the organizer copies; no sign-in. */
export default async function DisplayPage({ params }: { params: Promise<{ key: string }> }) {
  await connection(); // the stage as it is now, never a stored copy
  const edition = await editionByDisplayKey(getDb(), (await params).key);
  if (!edition) notFound();
  const hex = formatEditionNumber(edition.number);
  const t = await getTranslations("display");
  return <StageView projector editionSlug={hex} editionLabel={t("editionLabel", { hex })} {...await loadLiveView(edition, true)} />;
}
