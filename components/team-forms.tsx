"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/app/_lib/action";
import { FormMessage, SelectField, SubmitButton, TextArea, TextField } from "./form";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

export function RenameTeamForm({ action, name }: { action: Action; name: string }) {
  const t = useTranslations("teams.renameForm");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="flex flex-wrap items-end gap-3">
      <TextField name="name" label={t("name")} initial={name} state={state} maxLength={60} className="min-w-60 flex-1" />
      <SubmitButton variant="secondary">{t("submit")}</SubmitButton>
      <div className="basis-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function MovePersonForm({ action, teamId, people }: { action: Action; teamId: string; people: { id: string; name: string }[] }) {
  const t = useTranslations("teams.moveForm");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="teamId" value={teamId} />
      <SelectField
        name="userId"
        label={t("person")}
        state={state}
        className="min-w-60 flex-1"
        options={[{ value: "", label: t("choose") }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
        hint={t("hint")}
      />
      <SubmitButton variant="secondary">{t("submit")}</SubmitButton>
      <div className="basis-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** What became of the project: the team (or an organizer) tells it after the edition. */
export function OutcomeForm({
  action,
  initial,
  statuses,
}: {
  action: Action;
  initial: { status: string; happenedOn: string; note: string; links: string } | null;
  statuses: { value: string; label: string }[];
}) {
  const t = useTranslations("outcome");
  const tf = useTranslations("outcome.form");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} success={t("saved")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="status"
          label={tf("status")}
          state={state}
          initial={initial?.status ?? ""}
          options={[{ value: "", label: tf("choose") }, ...statuses]}
        />
        <TextField name="happenedOn" label={tf("since")} type="date" state={state} initial={initial?.happenedOn ?? ""} />
      </div>
      <TextArea name="note" label={tf("note")} state={state} initial={initial?.note ?? ""} rows={3} maxLength={1000} hint={tf("noteHint")} />
      <TextArea name="links" label={tf("links")} state={state} initial={initial?.links ?? ""} rows={3} hint={tf("linksHint")} />
      <SubmitButton>{tf("submit")}</SubmitButton>
    </form>
  );
}
