import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { editionPath, loadForOrganizer } from "@/app/_lib/load";
import { StageControl } from "@/components/live/stage-control";
import { PageHeader } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { displayKey, stageSnapshot } from "@/lib/stage/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stage.page");
  return { title: t("title") };
}

export default async function StagePage({ params }: { params: Promise<{ slug: string }> }) {
  const page = await loadForOrganizer((await params).slug, "/stage");
  if (!page) return null; // the layout says why
  const { edition, user } = page;
  const t = await getTranslations();
  const hex = formatEditionNumber(edition.number);
  const db = getDb();
  const [snapshot, key] = await Promise.all([stageSnapshot(db, edition), displayKey(db, user, edition.id)]);
  return (
    <div>
      <PageHeader eyebrow={<Link href={editionPath(edition.number)}>{t("layout.edition", { number: hex })}</Link>} title={t("stage.page.title")}>
        <Link href={editionPath(edition.number, "/vote")} className="text-sm font-semibold text-indigo-800 underline">
          {t("vote.page.title")}
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
