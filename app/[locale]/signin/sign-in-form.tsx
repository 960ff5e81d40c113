"use client";
// Email + password through next-auth's credentials provider, without a page
// reload, so a wrong password keeps the email typed and says what went wrong.
// When the server can send email, the same Email field also gets a one-time
// sign-in link (next-auth's email provider): one field, not a second one,
// so that "Email" names one thing on the page.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { emailSchema, signInSchema } from "@/lib/people/schemas";
import { TextField } from "@/components/form";
import type { FormState } from "@/app/_lib/action";
import { Alert, buttonClass } from "@/components/ui";
import { useSay } from "@/components/say";

type Props = {
  returnTo: string;
  oidc: string | null;
  /** whether a sign-in link may be asked for (the server sends email) */
  emailLink: boolean;
  /** the sign-in page's sentences for next-auth's error codes */
  errors: Record<string, string>;
};

export function SignInForm({ returnTo, oidc, emailLink, errors }: Props) {
  const t = useTranslations("auth.signInForm");
  const say = useSay();
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [state, setState] = useState<FormState>({});
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [sending, startSending] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = { email: String(form.get("email") ?? "") };
    const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= [say(issue.message)];
      setState({ ok: false, values, fieldErrors });
      return;
    }
    setSentTo(null);
    startTransition(async () => {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (!result || result.error) {
        // a wait (too many failures) comes as its own sentence; anything else is a wrong email or password
        const message = result?.error && result.error !== "CredentialsSignin" ? say(result.error) : t("wrongCredentials");
        setState({ ok: false, values, message });
        return;
      }
      router.replace(returnTo);
      router.refresh();
    });
  }

  function sendLink() {
    const email = String(new FormData(form.current ?? undefined).get("email") ?? "");
    const values = { email };
    const parsed = emailSchema.safeParse(email);
    setSentTo(null);
    if (!parsed.success) {
      setState({ ok: false, values, fieldErrors: { email: [parsed.error.issues[0] ? say(parsed.error.issues[0].message) : t("enterEmail")] } });
      return;
    }
    startSending(async () => {
      const result = await signIn("email", { email: parsed.data, callbackUrl: returnTo, redirect: false });
      if (!result || result.error) {
        setState({ ok: false, values, message: (result?.error && errors[result.error]) || errors.EmailSignin });
        return;
      }
      setState({ values });
      setSentTo(parsed.data);
    });
  }

  return (
    <div className="space-y-5">
      <form ref={form} onSubmit={onSubmit} noValidate className="space-y-4">
        {state.message && <Alert>{state.message}</Alert>}
        {sentTo && <Alert tone="success">{t("linkSent", { email: sentTo })}</Alert>}
        <TextField name="email" label={t("email")} type="email" autoComplete="email" required state={state} />
        <TextField name="password" label={t("password")} type="password" autoComplete="current-password" required state={state} />
        <button type="submit" disabled={pending || sending} className={buttonClass("primary", "w-full")}>
          {pending ? t("signingIn") : t("signIn")}
        </button>
        {emailLink && (
          <>
            <Or />
            <button
              type="button"
              onClick={sendLink}
              disabled={pending || sending}
              aria-describedby="email-link-hint"
              className={buttonClass("secondary", "w-full")}
            >
              {sending ? t("sendingLink") : t("sendLink")}
            </button>
            <p id="email-link-hint" className="text-sm text-slate-700">
              {t("linkHint")}
            </p>
          </>
        )}
      </form>
      {oidc && (
        <>
          <Or />
          <button type="button" onClick={() => signIn("oidc", { callbackUrl: returnTo })} className={buttonClass("secondary", "w-full")}>
            {t("signInWith", { provider: oidc })}
          </button>
        </>
      )}
    </div>
  );
}

function Or() {
  const t = useTranslations("auth.signInForm");
  return (
    <div className="flex items-center gap-3 text-sm text-slate-600" aria-hidden="true">
      <span className="h-px flex-1 bg-slate-200" /> {t("or")} <span className="h-px flex-1 bg-slate-200" />
    </div>
  );
}
