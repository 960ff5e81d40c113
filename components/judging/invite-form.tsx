"use client";
// A judge without an account uses their invitation: a name, and they are
// signed in as a guest judge (next-auth's "judge-invite" provider), without a
// page reload, so a refusal keeps the name typed and says why.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import type { FormState } from "@/app/_lib/action";
import { TextField } from "@/components/form";
import { Alert, buttonClass } from "@/components/ui";

export function InviteForm({ token, label, next }: { token: string; label: string; next: string }) {
  const router = useRouter();
  const [state, setState] = useState<FormState>({});
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    if (name.length < 2) {
      setState({ ok: false, values: { name }, fieldErrors: { name: ["Your name needs at least 2 characters."] } });
      return;
    }
    startTransition(async () => {
      const result = await signIn("judge-invite", { token, name, redirect: false });
      if (!result || result.error) {
        setState({ ok: false, values: { name }, message: result?.error ?? "This invitation can't be used. Ask the organizers for a new one." });
        return;
      }
      router.replace(next);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {state.message && <Alert>{state.message}</Alert>}
      <TextField
        name="name"
        label="Your name"
        autoComplete="name"
        required
        maxLength={80}
        initial={label}
        state={state}
        hint="Shown to the organizers beside your judgments. No password: this link signs you in on this device."
      />
      <button type="submit" disabled={pending} className={buttonClass("primary", "w-full")}>
        {pending ? "Signing in…" : "Start judging"}
      </button>
    </form>
  );
}
