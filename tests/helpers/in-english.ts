// Renders a client component as a page does: inside next-intl's provider, with
// the English messages (the browser tests read the same words).
import { NextIntlClientProvider } from "next-intl";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import en from "@/messages/en.json";

export function renderInEnglish(element: ReactElement): string {
  const provider = createElement(
    NextIntlClientProvider as (props: { locale: "en"; messages: typeof en; timeZone: string; children?: ReactElement }) => ReactElement,
    { locale: "en", messages: en, timeZone: "UTC" },
    element,
  );
  return renderToStaticMarkup(provider);
}
