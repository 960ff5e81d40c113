import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { redirect } from "next/navigation";
import { emailLinkEnabled, oidcEnabled, oidcName } from "@/app/_lib/auth";
import { getCurrentUser } from "@/app/_lib/session";
import { Alert, buttonClass, Card } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { safeReturnPath } from "@/lib/platform/safe-redirect";
import { needsSetup } from "@/lib/people/queries";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signIn");
  return { title: t("metaTitle") };
}

/** next-auth's error codes this page explains (auth.signIn.errors.*). */
const ERROR_CODES = ["OidcNoEmail", "OidcDomain", "OAuthCallback", "OAuthSignin", "SessionRequired", "Verification", "EmailSignin", "EmailLimit"] as const;

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const t = await getTranslations("auth.signIn");
  const errors: Record<string, string> = Object.fromEntries(ERROR_CODES.map((code) => [code, t(`errors.${code}`)]));
  const returnTo = safeReturnPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  if (await needsSetup(getDb())) redirect("/setup");
  const error = typeof params.error === "string" ? (errors[params.error] ?? t("failed")) : null;
  // an emailed link opens this page, and the button uses it: mail scanners open links, and would use it up
  const link = typeof params.token === "string" && typeof params.email === "string" ? { token: params.token, email: params.email } : null;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">{t("title")}</h1>
      <Card className="space-y-5">
        {error && <Alert>{error}</Alert>}
        {link ? (
          <form method="get" action="/api/auth/callback/email" className="space-y-4">
            <p>{t.rich("linkFor", { email: link.email, strong: (chunks) => <strong className="break-all">{chunks}</strong> })}</p>
            <input type="hidden" name="callbackUrl" value={returnTo} />
            <input type="hidden" name="token" value={link.token} />
            <input type="hidden" name="email" value={link.email} />
            <button type="submit" className={buttonClass("primary", "w-full")}>
              {t("finish")}
            </button>
          </form>
        ) : (
          <SignInForm returnTo={returnTo} oidc={oidcEnabled() ? oidcName() : null} emailLink={emailLinkEnabled()} errors={errors} />
        )}
      </Card>
      <p className="mt-4 text-center text-sm text-slate-700">
        {t.rich("newHere", {
          link: (chunks) => (
            <Link href={`/signup?callbackUrl=${encodeURIComponent(returnTo)}`} className="font-semibold text-indigo-800 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </div>
  );
}
