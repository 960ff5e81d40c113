"use client";
// The organizer's choices before forgetting someone: per article, the byline
// (their name, or "A former colleague"), then a confirmation.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/app/_lib/action";
import { FormMessage, SubmitButton } from "./form";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  name: string;
  email: string;
  articles: { id: string; title: string; byline: string }[];
};

export function ForgetForm({ action, name, email, articles }: Props) {
  const t = useTranslations("people.forgetForm");
  const [state, formAction] = useActionState(action, {});
  const chosen = (id: string) => state.values?.[`byline:${id}`];
  return (
    <form action={formAction} noValidate className="space-y-5">
      <FormMessage state={state} />
      {articles.length > 0 && (
        <div className="space-y-4">
          <h2 className="text-lg font-semibold">{t("articles")}</h2>
          {articles.map((article) => (
            <fieldset key={article.id} className="space-y-1 rounded-lg p-3 ring-1 ring-slate-200">
              <legend className="px-1 font-semibold">{article.title}</legend>
              <label className="flex items-center gap-2">
                <input type="radio" name={`byline:${article.id}`} value="KEEP" defaultChecked={chosen(article.id) === "KEEP"} />
                {t("keepByline", { byline: article.byline })}
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name={`byline:${article.id}`} value="FORMER" defaultChecked={chosen(article.id) === "FORMER"} />
                {t("showFormer")}
              </label>
            </fieldset>
          ))}
        </div>
      )}
      <label className="flex items-start gap-2">
        <input type="checkbox" name="confirm" className="mt-1" defaultChecked={state.values?.confirm === "on"} />
        <span>{t("confirm", { name, email })}</span>
      </label>
      <SubmitButton variant="danger" pendingText={t("forgetting")}>
        {t("submit", { name })}
      </SubmitButton>
    </form>
  );
}
