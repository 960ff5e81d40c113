"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/app/_lib/action";
import { FormMessage, SubmitButton, TextField } from "@/components/form";

type Props = { action: (prev: FormState, formData: FormData) => Promise<FormState>; token: string; email: string };

export function ConfirmAddressForm({ action, token, email }: Props) {
  const t = useTranslations("auth.verify");
  const router = useRouter();
  const [state, formAction] = useActionState(async (prev: FormState, formData: FormData) => {
    const result = await action(prev, formData);
    if (!result.ok) return result;
    const signedIn = await signIn("credentials", { email, password: String(formData.get("password")), redirect: false });
    if (!signedIn || signedIn.error) return { ok: false, message: t("signInFailed") };
    router.replace("/");
    router.refresh();
    return { ok: true, message: t("confirmed") };
  }, {});
  return (
    <form action={formAction} noValidate className="space-y-4">
      <p className="text-slate-700">{t.rich("intro", { email, strong: (chunks) => <strong className="break-all">{chunks}</strong> })}</p>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField name="password" label={t("password")} type="password" autoComplete="current-password" required state={state} />
      <SubmitButton className="w-full" pendingText={t("confirming")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
