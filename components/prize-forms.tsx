"use client";
// Forms around jury prizes: define one, pick a team (a judge's vote, or the
// organizer's award).
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { FormState } from "@/app/_lib/action";
import { FormMessage, SelectField, SubmitButton, TextField } from "./form";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

export function NewPrizeForm({ action }: { action: Action }) {
  const t = useTranslations("prizes.forms");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-3">
      <FormMessage state={state} />
      <TextField name="name" label={t("name")} state={state} maxLength={100} hint={t("nameHint")} />
      <TextField name="description" label={t("description")} state={state} maxLength={300} />
      <SubmitButton variant="secondary">{t("add")}</SubmitButton>
    </form>
  );
}

/** A team picker with one button: a judge's vote or the organizer's award. */
export function TeamPickForm({
  action,
  teams,
  label,
  submitLabel,
  initial,
  allowNone,
  scope,
}: {
  action: Action;
  teams: { id: string; name: string }[];
  label: string;
  submitLabel: string;
  initial?: string | null;
  allowNone?: string;
  /** unique per form on the page (the prize id) */
  scope: string;
}) {
  const t = useTranslations("prizes.forms");
  const [state, formAction] = useActionState(action, {});
  const name = "teamId";
  return (
    <form action={formAction} noValidate className="space-y-2">
      <SelectField
        name={name}
        scope={scope}
        label={label}
        state={state}
        initial={initial ?? ""}
        options={[{ value: "", label: allowNone ?? t("chooseTeam") }, ...teams.map((team) => ({ value: team.id, label: team.name }))]}
      />
      <SubmitButton variant="secondary">{submitLabel}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
