import type { Metadata } from "next";
import Link from "@/components/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/app/_lib/session";
import { AccountForm } from "@/components/account-form";
import { Card } from "@/components/ui";
import { allowedEmailDomains } from "@/lib/platform/config";
import { getDb } from "@/app/_lib/db";
import { safeReturnPath } from "@/lib/platform/safe-redirect";
import { needsSetup, signUpMode } from "@/lib/people/queries";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  if (await needsSetup(getDb())) redirect("/setup");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold tracking-tight">Create your account</h1>
      <p className="mb-2 text-slate-700">Propose topics, show interest, join a team and vote.</p>
      <p className="mb-6 text-sm text-slate-700" data-testid="sign-up-mode">
        {signUpMode() === "email"
          ? "We'll email you a link to confirm your address before you sign in."
          : "An organizer approves new accounts before they can sign in (this server sends no email)."}
      </p>
      <Card>
        <AccountForm action={signUpAction} submitLabel="Create account" returnTo={returnTo} allowedDomains={allowedEmailDomains()} />
      </Card>
      <p className="mt-4 text-center text-sm text-slate-700">
        Already have an account?{" "}
        <Link href="/signin" className="font-semibold text-indigo-800 underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
