"use client";
// The browser's print, which also saves a PDF: the report's print styles leave out the site's header and buttons.
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui";

export function PrintButton() {
  const t = useTranslations("insights");
  return (
    <button type="button" onClick={() => window.print()} className={buttonClass("secondary")}>
      {t("print")}
    </button>
  );
}
