import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/app/_lib/session";
import { getDb } from "@/app/_lib/db";
import { editionPath } from "@/app/_lib/load";
import { ActionButton } from "@/components/action-button";
import { InviteForm } from "@/components/judging/invite-form";
import { Alert, Card, PageHeader } from "@/components/ui";
import { formatEditionNumber } from "@/lib/editions/rules";
import { inviteTarget } from "@/lib/judging/commands";
import { inviteTokenSchema } from "@/lib/judging/schemas";
import { DomainError } from "@/lib/platform/errors";
import { acceptInviteAction } from "./actions";
import { translator } from "@/app/_lib/translate";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("judge.invite");
  return { title: t("title"), referrer: "no-referrer" };
}

/**
 * A judge's invitation (/judge?t=<token>, also as a QR code): the token is in
 * the query, which the request log leaves out, and no page it leads to passes it on as a referrer.
 */
export default async function JudgeInvitePage({ searchParams }: { searchParams: Promise<{ t?: string | string[] }> }) {
  const say = await translator();
  const raw = (await searchParams).t;
  const parsed = inviteTokenSchema.safeParse(typeof raw === "string" ? raw : "");
  let invite: Awaited<ReturnType<typeof inviteTarget>> | null = null;
  let problem = parsed.success ? null : say(parsed.error.issues[0].message);
  if (parsed.success) {
    try {
      invite = await inviteTarget(getDb(), parsed.data);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problem = say(error.message);
    }
  }
  const user = await getCurrentUser();
  const t = await getTranslations("judge.invite");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <PageHeader title={t("title")} />
      {!invite || !parsed.success ? (
        <Alert>{problem}</Alert>
      ) : (
        <Card aria-labelledby="invite-heading" className="space-y-3">
          <h2 id="invite-heading" className="text-lg font-bold">
            {t("heading", { edition: formatEditionNumber(invite.edition.number), title: invite.edition.title })}
          </h2>
          <p className="text-slate-700">{t("invited")}</p>
          <ul className="list-disc pl-5">
            {invite.tracks.map(({ track }) => (
              <li key={track.id}>{track.name}</li>
            ))}
          </ul>
          {user ? (
            <>
              <p className="text-sm text-slate-700">{t("signedInAs", { name: user.name })}</p>
              <ActionButton action={acceptInviteAction.bind(null, parsed.data)} variant="primary" pendingText={t("joining")}>
                {t("judgeAs", { name: user.name })}
              </ActionButton>
            </>
          ) : (
            <InviteForm token={parsed.data} label={invite.label} next={editionPath(invite.edition.number, "/judging")} />
          )}
        </Card>
      )}
    </div>
  );
}
