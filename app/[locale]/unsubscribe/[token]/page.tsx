// The page behind an email's "stop these emails" link. Opening it changes
// nothing (mail scanners open links); one click does, without signing in:
// the signed link is the proof that the mailbox is the person's.
import type { Metadata } from "next";
import Link from "@/components/link";
import { ActionButton } from "@/components/action-button";
import { Alert, Card } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { unsubscribeTarget } from "@/lib/notifications/commands";
import { EMAIL_KIND_LABELS } from "@/lib/notifications/rules";
import { unsubscribeTokenSchema } from "@/lib/notifications/schemas";
import { DomainError } from "@/lib/platform/errors";
import { unsubscribeAction } from "./actions";

export const metadata: Metadata = { title: "Stop emails", robots: { index: false } };

const scopeText = (scope: string) =>
  scope === "digest"
    ? "the daily digest"
    : scope === "all"
      ? "every notification email"
      : `emails about “${EMAIL_KIND_LABELS[scope as keyof typeof EMAIL_KIND_LABELS]?.label.toLowerCase() ?? scope}”`;

export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const parsed = unsubscribeTokenSchema.safeParse((await params).token);
  let target: { email: string; scope: string } | null = null;
  let problem = parsed.success ? null : parsed.error.issues[0].message;
  if (parsed.success) {
    try {
      target = await unsubscribeTarget(getDb(), parsed.data);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problem = error.message;
    }
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">Stop emails</h1>
      <Card className="space-y-4">
        {target && parsed.success ? (
          <>
            <p>
              Stop {scopeText(target.scope)} to <strong className="break-all">{target.email}</strong>?
            </p>
            <ActionButton action={unsubscribeAction} fields={{ token: parsed.data }} variant="primary" pendingText="Unsubscribing…" showSuccess>
              Unsubscribe
            </ActionButton>
            {target.scope !== "all" && (
              <ActionButton action={unsubscribeAction} fields={{ token: parsed.data, everything: "yes" }} pendingText="Unsubscribing…" showSuccess>
                Stop all emails from Hexathon
              </ActionButton>
            )}
          </>
        ) : (
          <Alert>{problem}</Alert>
        )}
        <p className="text-sm text-slate-700">
          Or{" "}
          <Link href="/account#email" className="font-semibold text-indigo-800 underline">
            choose which emails you get
          </Link>{" "}
          in your account (you&rsquo;ll be asked to sign in).
        </p>
      </Card>
    </div>
  );
}
