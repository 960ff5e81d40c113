import type { Metadata } from "next";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { setupAction } from "@/app/[locale]/signup/actions";
import { AccountForm } from "@/components/account-form";
import { Card } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { needsSetup } from "@/lib/people/queries";

export const metadata: Metadata = { title: "Set up Hexathon" };

/** Shown once, on a fresh install: the first person creates the first organizer account. */
export default async function SetupPage() {
  await connection(); // asks the database on each visit, never at build time
  if (!(await needsSetup(getDb()))) redirect("/signin");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold tracking-tight">Welcome to Hexathon</h1>
      <p className="mb-6 text-slate-700">
        This is a fresh install. Create the first <strong>organizer</strong> account: you will then create the first edition and invite everyone else. This
        screen disappears once it is done.
      </p>
      <Card>
        <AccountForm action={setupAction} submitLabel="Create organizer account" returnTo="/editions/new" allowedDomains={[]} signInAfter />
      </Card>
    </div>
  );
}
