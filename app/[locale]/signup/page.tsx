import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signUp");
  return { title: t("metaTitle") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  if (await needsSetup(getDb())) redirect("/setup");
  const t = await getTranslations("auth.signUp");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mb-2 text-slate-700">{t("intro")}</p>
      <p className="mb-6 text-sm text-slate-700" data-testid="sign-up-mode">
        {signUpMode() === "email" ? t("modeEmail") : t("modeApproval")}
      </p>
      <Card>
        <AccountForm action={signUpAction} submitLabel={t("submit")} returnTo={returnTo} allowedDomains={allowedEmailDomains()} />
      </Card>
      <p className="mt-4 text-center text-sm text-slate-700">
        {t.rich("haveAccount", {
          link: (chunks) => (
            <Link href="/signin" className="font-semibold text-indigo-800 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </div>
  );
}
