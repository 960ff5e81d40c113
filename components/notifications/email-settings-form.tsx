"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { FormState } from "@/app/_lib/action";
import { EMAIL_MODES, type EmailKind, type EmailMode } from "@/lib/notifications/rules";
import { FormMessage, SelectField, SubmitButton } from "../form";

/** One choice per kind of email: at once, in the daily digest, or never. */
export function EmailSettingsForm({
  kinds,
  action,
  labelledBy,
}: {
  kinds: { kind: EmailKind; label: string; hint: string; mode: EmailMode }[];
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  /** the id of the heading that names the form */
  labelledBy: string;
}) {
  const t = useTranslations("notifications.emailSettings");
  const tl = useTranslations("labels");
  const modeOptions = EMAIL_MODES.map((mode) => ({ value: mode, label: tl(`emailMode.${mode}`) }));
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate aria-labelledby={labelledBy} className="space-y-4">
      <FormMessage state={state} success={t("saved")} />
      <div className="grid gap-4 sm:grid-cols-2">
        {kinds.map(({ kind, label, hint, mode }) => (
          <SelectField key={kind} name={kind} label={label} hint={hint} initial={mode} options={modeOptions} state={state} />
        ))}
      </div>
      <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
