"use client";
// Creates an account (sign-up, or the one-time setup) with a server action,
// then signs the new person in with the password they just typed.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import type { FormState } from "@/app/_lib/action";
import { FormMessage, SubmitButton, TextField } from "./form";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  submitLabel: string;
  returnTo: string;
  allowedDomains: string[];
  /** sign the new person in at once (the one-time setup); otherwise show what happens next (the address is proven first) */
  signInAfter?: boolean;
};

export function AccountForm({ action, submitLabel, returnTo, allowedDomains, signInAfter = false }: Props) {
  const router = useRouter();
  const [state, formAction] = useActionState(async (prev: FormState, formData: FormData) => {
    const result = await action(prev, formData);
    if (!result.ok || !signInAfter) return result;
    const signedIn = await signIn("credentials", {
      email: String(formData.get("email")),
      password: String(formData.get("password")),
      redirect: false,
    });
    if (!signedIn || signedIn.error) return { ok: false, message: "Your account was created, but signing in failed: sign in on the sign-in page." };
    router.replace(returnTo);
    router.refresh();
    return { ok: true, message: "Account created. Signing you in…" };
  }, {});

  if (state.ok && !signInAfter) {
    return (
      <div role="status" className="space-y-2 rounded-lg bg-green-50 px-4 py-3 text-green-900 ring-1 ring-green-200">
        <p className="font-semibold">Almost there.</p>
        <p>{state.message}</p>
      </div>
    );
  }
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <TextField name="name" label="Name" autoComplete="name" required state={state} />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        state={state}
        hint={allowedDomains.length ? `Use your company address (${allowedDomains.map((d) => "@" + d).join(", ")}).` : undefined}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        state={state}
        hint="At least 8 characters."
      />
      <SubmitButton className="w-full" pendingText="Creating your account…">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
