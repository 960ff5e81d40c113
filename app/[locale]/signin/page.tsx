import type { Metadata } from "next";
import Link from "@/components/link";
import { redirect } from "next/navigation";
import { emailLinkEnabled, oidcEnabled, oidcName } from "@/app/_lib/auth";
import { getCurrentUser } from "@/app/_lib/session";
import { Alert, buttonClass, Card } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { safeReturnPath } from "@/lib/platform/safe-redirect";
import { needsSetup } from "@/lib/people/queries";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  OidcNoEmail: "Your company account did not share an email address, so we can't sign you in with it.",
  OidcDomain: "Your company account's email domain is not allowed here.",
  OAuthCallback: "Signing in with your company account failed. Please try again.",
  OAuthSignin: "Signing in with your company account failed. Please try again.",
  SessionRequired: "Please sign in to see that page.",
  Verification: "That sign-in link doesn't work any more: it was used already, or is older than 15 minutes. Ask for a new one below.",
  EmailSignin: "We couldn't send the sign-in email just now. Try again in a few minutes, or sign in with your password.",
  EmailLimit: "You asked for several sign-in links in a short time. Wait a few minutes, then ask again: the links already sent still work.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  if (await needsSetup(getDb())) redirect("/setup");
  const error = typeof params.error === "string" ? (ERRORS[params.error] ?? "Signing in failed. Please try again.") : null;
  // an emailed link opens this page, and the button uses it: mail scanners open links, and would use it up
  const link = typeof params.token === "string" && typeof params.email === "string" ? { token: params.token, email: params.email } : null;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">Sign in to Hexathon</h1>
      <Card className="space-y-5">
        {error && <Alert>{error}</Alert>}
        {link ? (
          <form method="get" action="/api/auth/callback/email" className="space-y-4">
            <p>
              This link signs you in as <strong className="break-all">{link.email}</strong>. It works once.
            </p>
            <input type="hidden" name="callbackUrl" value={returnTo} />
            <input type="hidden" name="token" value={link.token} />
            <input type="hidden" name="email" value={link.email} />
            <button type="submit" className={buttonClass("primary", "w-full")}>
              Finish signing in
            </button>
          </form>
        ) : (
          <SignInForm returnTo={returnTo} oidc={oidcEnabled() ? oidcName() : null} emailLink={emailLinkEnabled()} errors={ERRORS} />
        )}
      </Card>
      <p className="mt-4 text-center text-sm text-slate-700">
        New here?{" "}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(returnTo)}`} className="font-semibold text-indigo-800 underline">
          Create an account
        </Link>
      </p>
    </div>
  );
}
