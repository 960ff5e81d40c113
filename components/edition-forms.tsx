"use client";
// Organizers' forms for an edition: its settings, its phase, its agenda.
import { useActionState } from "react";
import type { FormState } from "@/app/_lib/action";
import { PHASES, PHASE_DESCRIPTIONS, PHASE_LABELS } from "@/lib/editions/rules";
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
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="number" label="Number" type="number" min={1} initial={initial.number} state={state} hint="Shown in hexadecimal: 10 is 0x0A." />
        <TextField name="title" label="Title" initial={initial.title} state={state} maxLength={120} />
        <TextField name="timezone" label="Timezone" initial={initial.timezone} state={state} hint="Where the hackathon happens, e.g. Europe/Paris." />
        <TextField name="maxTeamSize" label="Team size cap" type="number" min={1} max={50} initial={initial.maxTeamSize} state={state} />
        <TextField
          name="hackingStartsAt"
          label="Hacking starts"
          type="datetime-local"
          initial={initial.hackingStartsAt}
          state={state}
          hint="Usually Thursday morning."
        />
        <TextField
          name="presentationsStartAt"
          label="Presentations start"
          type="datetime-local"
          initial={initial.presentationsStartAt}
          state={state}
          hint="Usually Friday 16:00."
        />
        <TextField name="endsAt" label="Ends" type="datetime-local" initial={initial.endsAt} state={state} />
      </div>
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}

export function PhaseForm({ action, phase }: { action: Action; phase: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-3">
      <FormMessage state={state} />
      <fieldset>
        <legend className="text-sm font-semibold text-slate-800">Phase</legend>
        <ul className="mt-2 space-y-1" key={phase}>
          {PHASES.map((p) => (
            <li key={p}>
              <label className="flex min-h-11 items-start gap-3 rounded-lg px-2 py-1 hover:bg-slate-50">
                <input type="radio" name="phase" value={p} defaultChecked={p === phase} className="mt-1 size-5" />
                <span>
                  <span className="font-medium">{PHASE_LABELS[p]}</span>
                  <span className="block text-sm text-slate-600">{PHASE_DESCRIPTIONS[p]}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <SubmitButton variant="secondary">Change phase</SubmitButton>
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
  const [state, formAction] = useActionState(action, {});
  // distinct field names per item keep the labels' ids unique on the page
  const scoped = prefixState(state, idPrefix);
  return (
    <form action={(fd) => formAction(unprefix(fd, idPrefix))} noValidate className="space-y-3">
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name={`${idPrefix}title`} label="Title" initial={initial?.title} state={scoped} maxLength={120} />
        <TextField name={`${idPrefix}location`} label="Location (optional)" initial={initial?.location} state={scoped} maxLength={120} />
        <TextField name={`${idPrefix}startsAt`} label="Starts" type="datetime-local" initial={initial?.startsAt} state={scoped} />
        <TextField name={`${idPrefix}endsAt`} label="Ends (optional)" type="datetime-local" initial={initial?.endsAt} state={scoped} />
        <TextField
          name={`${idPrefix}description`}
          label="Description (optional)"
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
