// The page behind an email's "stop these emails" link. Opening it changes
// nothing (mail scanners open links); one click does, without signing in:
// the signed link is the proof that the mailbox is the person's.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { ActionButton } from "@/components/action-button";
import { Alert, Card } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { unsubscribeTarget } from "@/lib/notifications/commands";
import { isEmailKind } from "@/lib/notifications/rules";
import { unsubscribeTokenSchema } from "@/lib/notifications/schemas";
import { DomainError } from "@/lib/platform/errors";
import { unsubscribeAction } from "./actions";
import { translator } from "@/app/_lib/translate";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("unsubscribe");
  return { title: t("title"), robots: { index: false } };
}

export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const say = await translator();
  const parsed = unsubscribeTokenSchema.safeParse((await params).token);
  const [t, tl] = await Promise.all([getTranslations("unsubscribe"), getTranslations("labels")]);
  // a kind of email is named by its label ("my team"), the digest and "all" by the question itself
  const kindName = (scope: string) => (isEmailKind(scope) ? tl(`emailKind.${scope}.label`).toLowerCase() : scope);
  let target: { email: string; scope: string } | null = null;
  let problem = parsed.success ? null : say(parsed.error.issues[0].message);
  if (parsed.success) {
    try {
      target = await unsubscribeTarget(getDb(), parsed.data);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problem = say(error.message);
    }
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">{t("title")}</h1>
      <Card className="space-y-4">
        {target && parsed.success ? (
          <>
            <p>
              {t.rich("question", {
                scope: target.scope,
                kind: kindName(target.scope),
                email: target.email,
                strong: (chunks) => <strong className="break-all">{chunks}</strong>,
              })}
            </p>
            <ActionButton action={unsubscribeAction} fields={{ token: parsed.data }} variant="primary" pendingText={t("unsubscribing")} showSuccess>
              {t("unsubscribe")}
            </ActionButton>
            {target.scope !== "all" && (
              <ActionButton action={unsubscribeAction} fields={{ token: parsed.data, everything: "yes" }} pendingText={t("unsubscribing")} showSuccess>
                {t("stopAll")}
              </ActionButton>
            )}
          </>
        ) : (
          <Alert>{problem}</Alert>
        )}
        <p className="text-sm text-slate-700">
          {t.rich("manage", {
            link: (chunks) => (
              <Link href="/account#email" className="font-semibold text-indigo-800 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </Card>
    </div>
  );
}
