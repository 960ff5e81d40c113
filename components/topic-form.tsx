"use client";
import { useActionState } from "react";
import type { FormState } from "@/app/_lib/action";
import { TOPIC_KINDS, TOPIC_KIND_DESCRIPTIONS, TOPIC_KIND_LABELS } from "@/lib/topics/rules";
import { FormMessage, SelectField, SubmitButton, TextArea, TextField } from "./form";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  initial?: { title: string; kind: string; pitch: string };
  submitLabel: string;
};

export function TopicForm({ action, initial, submitLabel }: Props) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-5">
      <FormMessage state={state} />
      <TextField name="title" label="Title" required maxLength={120} state={state} initial={initial?.title} hint="A short name everyone will recognize." />
      <SelectField
        name="kind"
        label="Kind"
        state={state}
        initial={initial?.kind ?? ""}
        hint={TOPIC_KINDS.map((k) => `${TOPIC_KIND_LABELS[k]}: ${TOPIC_KIND_DESCRIPTIONS[k].toLowerCase()}`).join(" ")}
        options={[{ value: "", label: "Choose a kind…" }, ...TOPIC_KINDS.map((k) => ({ value: k, label: TOPIC_KIND_LABELS[k] }))]}
      />
      <TextArea
        name="pitch"
        label="Pitch"
        rows={10}
        required
        state={state}
        initial={initial?.pitch}
        hint="What you want to build and why it matters. Markdown works: **bold**, lists, `code`, links."
        className="font-mono"
      />
      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
