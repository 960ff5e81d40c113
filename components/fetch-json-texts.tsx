"use client";
// Gives components/fetch-json.ts its two sentences in the page's language
// (it is called outside any component, where no translation hook reaches).
import { useTranslations } from "next-intl";
import { setFetchTexts } from "./fetch-json";

export function FetchJsonTexts() {
  const t = useTranslations("common.fetch");
  // only the browser calls the API this way: the server's module is shared by every request's render
  if (typeof window !== "undefined") setFetchTexts({ unreachable: t("unreachable"), answered: (status) => t("answered", { status }) });
  return null;
}
