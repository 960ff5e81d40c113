"use client";
// Organizers' forms for an edition: its settings, its phase, its agenda.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/app/_lib/action";
import { PHASES } from "@/lib/editions/rules";
import { FormMessage, SubmitButton, TextField } from "./form";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

export type EditionFormValues = {
  number: string;
  title: string;
  timezone: string;
  hackingStartsAt: string;
  presentationsStartAt: string;
  endsAt: string;
  maxTeamSize: string;
};

export function EditionForm({ action, initial, submitLabel }: { action: Action; initial: EditionFormValues; submitLabel: string }) {
  const t = useTranslations("manage.form");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="number" label={t("number")} type="number" min={1} initial={initial.number} state={state} hint={t("numberHint")} />
        <TextField name="title" label={t("title")} initial={initial.title} state={state} maxLength={120} />
        <TextField name="timezone" label={t("timezone")} initial={initial.timezone} state={state} hint={t("timezoneHint")} />
        <TextField name="maxTeamSize" label={t("maxTeamSize")} type="number" min={1} max={50} initial={initial.maxTeamSize} state={state} />
        <TextField
          name="hackingStartsAt"
          label={t("hackingStartsAt")}
          type="datetime-local"
          initial={initial.hackingStartsAt}
          state={state}
          hint={t("hackingHint")}
        />
        <TextField
          name="presentationsStartAt"
          label={t("presentationsStartAt")}
          type="datetime-local"
          initial={initial.presentationsStartAt}
          state={state}
          hint={t("presentationsHint")}
        />
        <TextField name="endsAt" label={t("endsAt")} type="datetime-local" initial={initial.endsAt} state={state} />
      </div>
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}

export function PhaseForm({ action, phase }: { action: Action; phase: string }) {
  const t = useTranslations("manage.phaseForm");
  const tl = useTranslations("labels");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-3">
      <FormMessage state={state} />
      <fieldset>
        <legend className="text-sm font-semibold text-slate-800">{t("legend")}</legend>
        <ul className="mt-2 space-y-1" key={phase}>
          {PHASES.map((p) => (
            <li key={p}>
              <label className="flex min-h-11 items-start gap-3 rounded-lg px-2 py-1 hover:bg-slate-50">
                <input type="radio" name="phase" value={p} defaultChecked={p === phase} className="mt-1 size-5" />
                <span>
                  <span className="font-medium">{tl(`phase.${p}`)}</span>
                  <span className="block text-sm text-slate-600">{tl(`phaseDescription.${p}`)}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <SubmitButton variant="secondary">{t("submit")}</SubmitButton>
    </form>
  );
}

export type AgendaFormValues = { title: string; startsAt: string; endsAt: string; location: string; description: string };

export function AgendaItemForm({
  action,
  initial,
  submitLabel,
  idPrefix,
}: {
  action: Action;
  initial?: AgendaFormValues;
  submitLabel: string;
  idPrefix: string;
}) {
  const t = useTranslations("manage.agendaForm");
  const [state, formAction] = useActionState(action, {});
  // distinct field names per item keep the labels' ids unique on the page
  const scoped = prefixState(state, idPrefix);
  return (
    <form action={(fd) => formAction(unprefix(fd, idPrefix))} noValidate className="space-y-3">
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name={`${idPrefix}title`} label={t("title")} initial={initial?.title} state={scoped} maxLength={120} />
        <TextField name={`${idPrefix}location`} label={t("location")} initial={initial?.location} state={scoped} maxLength={120} />
        <TextField name={`${idPrefix}startsAt`} label={t("startsAt")} type="datetime-local" initial={initial?.startsAt} state={scoped} />
        <TextField name={`${idPrefix}endsAt`} label={t("endsAt")} type="datetime-local" initial={initial?.endsAt} state={scoped} />
        <TextField
          name={`${idPrefix}description`}
          label={t("description")}
          initial={initial?.description}
          state={scoped}
          maxLength={500}
          className="sm:col-span-2"
        />
      </div>
      <SubmitButton variant="secondary">{submitLabel}</SubmitButton>
    </form>
  );
}

function prefixState(state: FormState, prefix: string): FormState {
  const add = <T,>(record?: Record<string, T>) => (record ? Object.fromEntries(Object.entries(record).map(([k, v]) => [prefix + k, v])) : undefined);
  return { ...state, fieldErrors: add(state.fieldErrors), values: add(state.values) };
}

function unprefix(formData: FormData, prefix: string): FormData {
  const out = new FormData();
  for (const [key, value] of formData.entries()) out.append(key.startsWith(prefix) ? key.slice(prefix.length) : key, value);
  return out;
}
