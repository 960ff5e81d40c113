"use client";
// Forms a team around a topic: a name, and the interested people (without a
// team yet) to bring along.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/app/_lib/action";
import { FormMessage, SubmitButton, TextField } from "./form";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  topicId: string;
  candidates: { id: string; name: string }[];
  maxTeamSize: number;
};

export function TeamCreateForm({ action, topicId, candidates, maxTeamSize }: Props) {
  const t = useTranslations("teams.createForm");
  const [state, formAction] = useActionState(action, {});
  const chosen = new Set(state.values?.memberIds?.split(",") ?? []);
  const memberError = state.fieldErrors?.memberIds?.[0];
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="topicId" value={topicId} />
      <TextField name="name" label={t("name")} required maxLength={60} state={state} hint={t("nameHint")} />
      {candidates.length > 0 && (
        <fieldset aria-describedby={memberError ? "memberIds-error" : undefined}>
          <legend className="text-sm font-semibold text-slate-800">{t("bringAlong")}</legend>
          <p className="text-sm text-slate-600">{t("bringHint", { max: maxTeamSize })}</p>
          <ul className="mt-2 grid gap-1 sm:grid-cols-2" key={state.values?.memberIds ?? ""}>
            {candidates.map((c) => (
              <li key={c.id}>
                <label className="flex min-h-11 items-center gap-2 rounded-lg px-2 hover:bg-slate-50">
                  <input type="checkbox" name="memberIds" value={c.id} defaultChecked={chosen.has(c.id)} className="size-5" />
                  {c.name}
                </label>
              </li>
            ))}
          </ul>
          {memberError && (
            <p id="memberIds-error" className="text-sm font-medium text-red-700">
              {memberError}
            </p>
          )}
        </fieldset>
      )}
      <SubmitButton pendingText={t("creating")}>{t("submit")}</SubmitButton>
    </form>
  );
}
