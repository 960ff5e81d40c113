"use client";
import { useActionState } from "react";
import type { FormState } from "@/app/_lib/action";
import { FormMessage, SelectField, SubmitButton, TextField } from "./form";

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
