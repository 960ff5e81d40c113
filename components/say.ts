"use client";
// lib/'s messages (lib/platform/messages.ts) in the reader's language, in the
// browser: a zod issue of a schema a form checks before sending.
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { renderMessage, type LibTranslate } from "@/lib/platform/messages";

export function useSay(): (text: string) => string {
  const t = useTranslations("lib");
  // keys come from the encoded text: checked where lib/ wrote them (msg's LibKey), not here
  return useCallback((text: string) => renderMessage(text, t as unknown as LibTranslate), [t]);
}
