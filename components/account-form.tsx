"use client";
// Creates an account (sign-up, or the one-time setup) with a server action,
// then signs the new person in with the password they just typed.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("auth.accountForm");
  const router = useRouter();
  const [state, formAction] = useActionState(async (prev: FormState, formData: FormData) => {
    const result = await action(prev, formData);
    if (!result.ok || !signInAfter) return result;
    const signedIn = await signIn("credentials", {
      email: String(formData.get("email")),
      password: String(formData.get("password")),
      redirect: false,
    });
    if (!signedIn || signedIn.error) return { ok: false, message: t("signInFailed") };
    router.replace(returnTo);
    router.refresh();
    return { ok: true, message: t("created") };
  }, {});

  if (state.ok && !signInAfter) {
    return (
      <div role="status" className="space-y-2 rounded-lg bg-green-50 px-4 py-3 text-green-900 ring-1 ring-green-200">
        <p className="font-semibold">{t("almostThere")}</p>
        <p>{state.message}</p>
      </div>
    );
  }
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <TextField name="name" label={t("name")} autoComplete="name" required state={state} />
      <TextField
        name="email"
        label={t("email")}
        type="email"
        autoComplete="email"
        required
        state={state}
        hint={allowedDomains.length ? t("domainHint", { domains: allowedDomains.map((d) => "@" + d).join(", ") }) : undefined}
      />
      <TextField
        name="password"
        label={t("password")}
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        state={state}
        hint={t("passwordHint")}
      />
      <SubmitButton className="w-full" pendingText={t("creating")}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
