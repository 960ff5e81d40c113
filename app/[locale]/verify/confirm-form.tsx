"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import type { FormState } from "@/app/_lib/action";
import { FormMessage, SubmitButton, TextField } from "@/components/form";

type Props = { action: (prev: FormState, formData: FormData) => Promise<FormState>; token: string; email: string };

export function ConfirmAddressForm({ action, token, email }: Props) {
  const router = useRouter();
  const [state, formAction] = useActionState(async (prev: FormState, formData: FormData) => {
    const result = await action(prev, formData);
    if (!result.ok) return result;
    const signedIn = await signIn("credentials", { email, password: String(formData.get("password")), redirect: false });
    if (!signedIn || signedIn.error) return { ok: false, message: "Your address is confirmed, but signing in failed: sign in on the sign-in page." };
    router.replace("/");
    router.refresh();
    return { ok: true, message: "Address confirmed. Signing you in…" };
  }, {});
  return (
    <form action={formAction} noValidate className="space-y-4">
      <p className="text-slate-700">
        To confirm <strong className="break-all">{email}</strong>, type the password you chose when you signed up.
      </p>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" required state={state} />
      <SubmitButton className="w-full" pendingText="Confirming…">
        Confirm my address
      </SubmitButton>
    </form>
  );
}
