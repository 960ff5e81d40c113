"use client";
import { useActionState } from "react";
import type { FormState } from "@/app/_lib/action";
import { MAX_ANSWER_LENGTH } from "@/lib/challenges/rules";
import { FormMessage, SubmitButton, TextField } from "../form";

export function AnswerForm({ action }: { action: (prev: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-3">
      <TextField name="answer" label="Your team's answer" state={state} maxLength={MAX_ANSWER_LENGTH} autoComplete="off" />
      <SubmitButton pendingText="Checking…">Send answer</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
