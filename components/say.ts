// lib/'s messages (lib/platform/messages.ts) in the reader's language, from a
// component: in the browser (a zod issue of a schema a form checks before
// sending: only the namespaces of app/_lib/messages.ts are there), or on the
// server (a chart's words, drawn there). No "use client": either may call it.
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { renderMessage, type LibTranslate } from "@/lib/platform/messages";

export function useSay(): (text: string) => string {
  const lib = useTranslations("lib");
  const labels = useTranslations("labels");
  // keys come from the encoded text: checked where lib/ wrote them (msg's LibKey), not here
  return useCallback(
    (text: string) =>
      renderMessage(text, (key, values) => {
        // the interface's labels are lib's too (lib/platform/messages.ts)
        const t = (key.startsWith("labels.") ? labels : lib) as unknown as LibTranslate;
        return t(key.startsWith("labels.") ? key.slice("labels.".length) : key, values);
      }),
    [lib, labels],
  );
}
