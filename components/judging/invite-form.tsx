"use client";
// A judge without an account uses their invitation: a name, and they are
// signed in as a guest judge (next-auth's "judge-invite" provider), without a
// page reload, so a refusal keeps the name typed and says why.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import type { FormState } from "@/app/_lib/action";
import { TextField } from "@/components/form";
import { Alert, buttonClass } from "@/components/ui";
import { useSay } from "@/components/say";

export function InviteForm({ token, label, next }: { token: string; label: string; next: string }) {
  const t = useTranslations("judge.inviteForm");
  const say = useSay();
  const router = useRouter();
  const [state, setState] = useState<FormState>({});
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    if (name.length < 2) {
      setState({ ok: false, values: { name }, fieldErrors: { name: [t("nameTooShort")] } });
      return;
    }
    startTransition(async () => {
      const result = await signIn("judge-invite", { token, name, redirect: false });
      if (!result || result.error) {
        setState({ ok: false, values: { name }, message: result?.error ? say(result.error) : t("unusable") });
        return;
      }
      router.replace(next);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {state.message && <Alert>{state.message}</Alert>}
      <TextField name="name" label={t("nameLabel")} autoComplete="name" required maxLength={80} initial={label} state={state} hint={t("nameHint")} />
      <button type="submit" disabled={pending} className={buttonClass("primary", "w-full")}>
        {pending ? t("signingIn") : t("start")}
      </button>
    </form>
  );
}
