import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { setupAction } from "@/app/[locale]/signup/actions";
import { AccountForm } from "@/components/account-form";
import { Card } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { needsSetup } from "@/lib/people/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.setup");
  return { title: t("metaTitle") };
}

/** Shown once, on a fresh install: the first person creates the first organizer account. */
export default async function SetupPage() {
  await connection(); // asks the database on each visit, never at build time
  if (!(await needsSetup(getDb()))) redirect("/signin");
  const t = await getTranslations("auth.setup");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mb-6 text-slate-700">{t.rich("intro", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <Card>
        <AccountForm action={setupAction} submitLabel={t("submit")} returnTo="/editions/new" allowedDomains={[]} signInAfter />
      </Card>
    </div>
  );
}
