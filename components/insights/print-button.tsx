"use client";
// The browser's print, which also saves a PDF: the report's print styles leave out the site's header and buttons.
import { buttonClass } from "@/components/ui";

export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className={buttonClass("secondary")}>
      Print or save as PDF
    </button>
  );
}
