"use client";
// What someone who isn't an organizer finds on an edition's organizer pages
// (the guard of app/editions/[slug]/(organizer)/layout.tsx): which page it is,
// and where to go instead.
import type { ReactNode } from "react";
import { useSelectedLayoutSegment } from "next/navigation";
import { useTranslations } from "next-intl";
import Link from "@/components/link";
import { NotAllowed } from "@/components/ui";

export function OrganizersOnly({ hex }: { hex: string }) {
  const t = useTranslations("common.organizersOnly");
  const page = useSelectedLayoutSegment();
  // the rich text's <link> to another page of the edition
  const link = (rest: string) =>
    function EditionLink(chunks: ReactNode) {
      return (
        <Link href={`/editions/${hex}${rest}`} className="underline">
          {chunks}
        </Link>
      );
    };
  switch (page) {
    case "stage":
      return <NotAllowed title={t("stageTitle")}>{t.rich("stage", { link: link("/live") })}</NotAllowed>;
    case "vote":
      return <NotAllowed title={t("voteTitle")}>{t("vote")}</NotAllowed>;
    case "prizes":
      return <NotAllowed title={t("prizesTitle")}>{t.rich("prizes", { link: link("/jury") })}</NotAllowed>;
    default:
      return <NotAllowed title={t("manageTitle", { hex })}>{t("manage")}</NotAllowed>;
  }
}
