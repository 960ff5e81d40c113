import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import Link from "@/components/link";
import { editionPath, loadEdition } from "@/app/_lib/load";
import { StageView } from "@/components/live/stage-view";
import { formatEditionNumber } from "@/lib/editions/rules";
import { loadLiveView } from "@/app/_lib/live-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("live.page");
  return { title: t("metaTitle") };
}

/** The stage and its countdown, for a presenter's laptop or anyone's phone. */
export default async function LivePage({ params }: { params: Promise<{ slug: string }> }) {
  await connection(); // the stage as it is now, never a stored copy
  const edition = await loadEdition((await params).slug, "/live");
  const hex = formatEditionNumber(edition.number);
  const t = await getTranslations();
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={editionPath(edition.number)} className="font-semibold text-indigo-800 underline">
          {t("layout.edition", { number: hex })}
        </Link>
      </p>
      <StageView editionSlug={hex} editionLabel={t("live.page.editionLabel", { hex })} {...await loadLiveView(edition, false)} />
    </div>
  );
}
