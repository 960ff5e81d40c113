import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/app/_lib/session";
import { EditionForm } from "@/components/edition-forms";
import { Alert, Card, PageHeader } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber, canManageEditions } from "@/lib/editions/rules";
import { nextEditionNumber } from "@/lib/editions/queries";
import { utcToZonedLocal } from "@/lib/platform/time";
import { createEditionAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("editions.new");
  return { title: t("metaTitle") };
}

/** The next Thursday 09:00 (and Friday 16:00, 19:00) as a starting point for the form. */
function suggestedDates(timezone: string) {
  const now = new Date();
  const local = utcToZonedLocal(now, timezone).slice(0, 10);
  const day = new Date(`${local}T00:00:00Z`);
  const daysToThursday = (4 - day.getUTCDay() + 7) % 7 || 7;
  const thursday = new Date(day.getTime() + daysToThursday * 86_400_000).toISOString().slice(0, 10);
  const friday = new Date(day.getTime() + (daysToThursday + 1) * 86_400_000).toISOString().slice(0, 10);
  return { hackingStartsAt: `${thursday}T09:00`, presentationsStartAt: `${friday}T16:00`, endsAt: `${friday}T19:00` };
}

export default async function NewEditionPage() {
  const user = await requireUser("/editions/new");
  const t = await getTranslations("editions.new");
  const number = await nextEditionNumber(getDb());
  const timezone = "Europe/Paris";
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("title")} />
      {canManageEditions(user) ? (
        <Card>
          <EditionForm
            action={createEditionAction}
            submitLabel={t("submit")}
            initial={{
              number: String(number),
              title: `Hackathon ${formatEditionNumber(number)}`,
              timezone,
              maxTeamSize: "5",
              ...suggestedDates(timezone),
            }}
          />
        </Card>
      ) : (
        <Alert>{t("organizersOnly")}</Alert>
      )}
    </div>
  );
}
