"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/app/_lib/action";
import { MAX_ANSWER_LENGTH } from "@/lib/challenges/rules";
import { FormMessage, SubmitButton, TextField } from "../form";

export function AnswerForm({ action }: { action: (prev: FormState, formData: FormData) => Promise<FormState> }) {
  const t = useTranslations("challenges.answerForm");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-3">
      <TextField name="answer" label={t("label")} state={state} maxLength={MAX_ANSWER_LENGTH} autoComplete="off" />
      <SubmitButton pendingText={t("checking")}>{t("send")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
