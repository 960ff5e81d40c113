"use client";
import { useActionState } from "react";
import type { FormState } from "@/app/_lib/action";
import { FormMessage, SubmitButton, TextField } from "./form";

export function PasswordForm({ action }: { action: (prev: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <TextField name="current" label="Current password" type="password" autoComplete="current-password" required state={state} />
      <TextField
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        state={state}
        hint="At least 8 characters."
      />
      <SubmitButton pendingText="Changing…">Change password</SubmitButton>
    </form>
  );
}
