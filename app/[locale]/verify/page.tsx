// The page behind the link in the confirmation email. Opening it changes
// nothing (mail scanners open links): the person confirms with the password
// they chose, and is signed in.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { Alert, Card } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { DomainError } from "@/lib/platform/errors";
import { verificationTarget } from "@/lib/people/email-verification";
import { confirmAddressAction } from "./actions";
import { ConfirmAddressForm } from "./confirm-form";
import { translator } from "@/app/_lib/translate";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.verify");
  return { title: t("title"), robots: { index: false } };
}

export default async function VerifyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const say = await translator();
  const token = (await searchParams).token;
  const t = await getTranslations("auth.verify");
  let email: string | null = null;
  let problem: string | null = null;
  if (typeof token !== "string" || token.length < 20 || token.length > 100) problem = t("incomplete");
  else {
    try {
      email = (await verificationTarget(getDb(), token)).email;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problem = say(error.message);
    }
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">{t("title")}</h1>
      <Card className="space-y-4">
        {problem ? (
          <>
            <Alert>{problem}</Alert>
            <p>
              <Link href="/signup" className="font-semibold text-indigo-800 underline">
                {t("signUpAgain")}
              </Link>
            </p>
          </>
        ) : (
          <ConfirmAddressForm action={confirmAddressAction} token={token as string} email={email!} />
        )}
      </Card>
    </div>
  );
}
