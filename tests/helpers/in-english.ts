// Renders a client component as a page does: inside next-intl's provider, with
// the English messages (the browser tests read the same words).
import { NextIntlClientProvider } from "next-intl";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import en from "@/messages/en.json";

export function renderInEnglish(element: ReactElement): string {
  return renderToStaticMarkup(createElement(NextIntlClientProvider, { locale: "en", messages: en, timeZone: "UTC", children: element }));
}
