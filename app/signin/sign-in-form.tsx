"use client";
// Email + password through next-auth's credentials provider, without a page
// reload, so a wrong password keeps the email typed and says what went wrong.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { signInSchema } from "@/lib/people/schemas";
import { TextField } from "@/components/form";
import type { FormState } from "@/app/_lib/action";
import { Alert, buttonClass } from "@/components/ui";

export function SignInForm({ returnTo, oidc }: { returnTo: string; oidc: string | null }) {
  const router = useRouter();
  const [state, setState] = useState<FormState>({});
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = { email: String(form.get("email") ?? "") };
    const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= [issue.message];
      setState({ ok: false, values, fieldErrors });
      return;
    }
    startTransition(async () => {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (!result || result.error) {
        // a wait (too many failures) comes as its own sentence; anything else is a wrong email or password
        const message = result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email or password. Check them and try again.";
        setState({ ok: false, values, message });
        return;
      }
      router.replace(returnTo);
      router.refresh();
    });
  }

  return (
    <div className="space-y-5">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {state.message && <Alert>{state.message}</Alert>}
        <TextField name="email" label="Email" type="email" autoComplete="email" required state={state} />
        <TextField name="password" label="Password" type="password" autoComplete="current-password" required state={state} />
        <button type="submit" disabled={pending} className={buttonClass("primary", "w-full")}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {oidc && (
        <>
          <div className="flex items-center gap-3 text-sm text-slate-600" aria-hidden="true">
            <span className="h-px flex-1 bg-slate-200" /> or <span className="h-px flex-1 bg-slate-200" />
          </div>
          <button type="button" onClick={() => signIn("oidc", { callbackUrl: returnTo })} className={buttonClass("secondary", "w-full")}>
            Sign in with {oidc}
          </button>
        </>
      )}
    </div>
  );
}
