import type { Metadata } from "next";
import Link from "@/components/link";
import { redirect } from "next/navigation";
import { oidcEnabled, oidcName } from "@/app/_lib/auth";
import { getCurrentUser } from "@/app/_lib/session";
import { Alert, Card } from "@/components/ui";
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
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  if (await needsSetup(getDb())) redirect("/setup");
  const error = typeof params.error === "string" ? (ERRORS[params.error] ?? "Signing in failed. Please try again.") : null;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">Sign in to Hexathon</h1>
      <Card className="space-y-5">
        {error && <Alert>{error}</Alert>}
        <SignInForm returnTo={returnTo} oidc={oidcEnabled() ? oidcName() : null} />
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
