"use client";
// The organizers' panel on a topic: approve, reject with a reason the proposer
// sees, or merge a duplicate into another topic (interest moves along; asked first).
import { useActionState } from "react";
import type { FormState } from "@/app/_lib/action";
import { ActionButton } from "./action-button";
import { ConfirmSubmit, type Question } from "./confirm-submit";
import { FormMessage, SelectField, SubmitButton, TextField } from "./form";
import { Card } from "./ui";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;
type Props = { status: string; approve: Action; reject: Action; merge: Action; mergeTargets: { id: string; title: string }[] };

/** Merging can't be undone from here: asked first, once a topic is chosen (none chosen: the server says to choose one). */
function mergeQuestion(form: HTMLFormElement, targets: { id: string; title: string }[]): Question | null {
  const chosen = (form.elements.namedItem("targetTopicId") as HTMLSelectElement | null)?.value;
  const target = targets.find((t) => t.id === chosen);
  if (!target) return null;
  return {
    title: `Merge this topic into “${target.title}”?`,
    details: "Its interest and its teams move there, and this topic is closed as merged: that can't be undone.",
    confirm: "Merge",
  };
}

export function TopicModeration({ status, approve, reject, merge, mergeTargets }: Props) {
  const [rejectState, rejectAction] = useActionState(reject, {});
  const [mergeState, mergeAction] = useActionState(merge, {});
  return (
    <Card aria-labelledby="moderation" className="space-y-5 border-l-4 border-amber-400">
      <h2 id="moderation" className="text-lg font-bold">
        Moderation <span className="text-sm font-normal text-slate-600">(organizers)</span>
      </h2>
      {status !== "APPROVED" && (
        <ActionButton action={approve} variant="primary" pendingText="Approving…">
          Approve topic
        </ActionButton>
      )}
      {status !== "REJECTED" && (
        <form action={rejectAction} noValidate className="space-y-3">
          <FormMessage state={rejectState} />
          <TextField name="reason" label="Reason for rejecting (shown to the proposer)" state={rejectState} maxLength={500} />
          <SubmitButton variant="danger" pendingText="Rejecting…">
            Reject topic
          </SubmitButton>
        </form>
      )}
      {mergeTargets.length > 0 && (
        <form action={mergeAction} noValidate className="space-y-3">
          <FormMessage state={mergeState} />
          <SelectField
            name="targetTopicId"
            label="Merge this duplicate into"
            state={mergeState}
            options={[{ value: "", label: "Choose a topic…" }, ...mergeTargets.map((t) => ({ value: t.id, label: t.title }))]}
            hint="Interest and teams move to the chosen topic."
          />
          <ConfirmSubmit variant="secondary" pendingText="Merging…" ask={(form) => mergeQuestion(form, mergeTargets)}>
            Merge topics
          </ConfirmSubmit>
        </form>
      )}
    </Card>
  );
}
