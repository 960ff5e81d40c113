"use client";
import { useActionState } from "react";
import type { FormState } from "@/app/_lib/action";
import { FormMessage, SelectField, SubmitButton, TextArea, TextField } from "./form";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

export function RenameTeamForm({ action, name }: { action: Action; name: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="flex flex-wrap items-end gap-3">
      <TextField name="name" label="Team name" initial={name} state={state} maxLength={60} className="min-w-60 flex-1" />
      <SubmitButton variant="secondary">Rename</SubmitButton>
      <div className="basis-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function MovePersonForm({ action, teamId, people }: { action: Action; teamId: string; people: { id: string; name: string }[] }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="teamId" value={teamId} />
      <SelectField
        name="userId"
        label="Person"
        state={state}
        className="min-w-60 flex-1"
        options={[{ value: "", label: "Choose a person…" }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
        hint="They leave their current team, if any."
      />
      <SubmitButton variant="secondary">Move here</SubmitButton>
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
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} success="Saved: the edition's page tells it." />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="status"
          label="What became of it"
          state={state}
          initial={initial?.status ?? ""}
          options={[{ value: "", label: "Choose…" }, ...statuses]}
        />
        <TextField name="happenedOn" label="Since when" type="date" state={state} initial={initial?.happenedOn ?? ""} />
      </div>
      <TextArea
        name="note"
        label="In a few words"
        state={state}
        initial={initial?.note ?? ""}
        rows={3}
        maxLength={1000}
        hint="What it does now, who uses it, or why it stopped."
      />
      <TextArea
        name="links"
        label="Links (optional)"
        state={state}
        initial={initial?.links ?? ""}
        rows={3}
        hint="One address per line, five at most: a ticket, a merge request, release notes."
      />
      <SubmitButton>Save the outcome</SubmitButton>
    </form>
  );
}
