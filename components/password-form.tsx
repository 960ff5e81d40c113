"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/app/_lib/action";
import { FormMessage, SubmitButton, TextField } from "./form";

export function PasswordForm({ action }: { action: (prev: FormState, formData: FormData) => Promise<FormState> }) {
  const t = useTranslations("account.passwordForm");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <TextField name="current" label={t("currentPassword")} type="password" autoComplete="current-password" required state={state} />
      <TextField name="password" label={t("newPassword")} type="password" autoComplete="new-password" required minLength={8} state={state} hint={t("hint")} />
      <SubmitButton pendingText={t("changing")}>{t("submit")}</SubmitButton>
    </form>
  );
}
