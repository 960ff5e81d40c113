import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { editionPath, loadForOrganizer } from "@/app/_lib/load";
import { ActionButton } from "@/components/action-button";
import { AgendaItemForm, EditionForm, PhaseForm } from "@/components/edition-forms";
import { Card, PageHeader } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { listAgenda } from "@/lib/editions/queries";
import { formatInZone, utcToZonedLocal } from "@/lib/platform/time";
import { addAgendaItemAction, deleteAgendaItemAction, setPhaseAction, updateAgendaItemAction, updateEditionAction } from "../../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("manage");
  return { title: t("metaTitle") };
}

export default async function ManageEditionPage({ params }: { params: Promise<{ slug: string }> }) {
  const page = await loadForOrganizer((await params).slug, "/manage");
  if (!page) return null; // the layout says why
  const { edition } = page;
  const t = await getTranslations("manage");
  const te = await getTranslations("editions");
  const locale = await getLocale();
  const hex = formatEditionNumber(edition.number);
  const agenda = await listAgenda(getDb(), edition.id);
  const local = (d: Date | null) => (d ? utcToZonedLocal(d, edition.timezone) : "");

  return (
    <div className="space-y-6">
      <PageHeader eyebrow={<Link href={editionPath(edition.number)}>{te("eyebrow", { hex })}</Link>} title={t("title", { hex })} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2" aria-labelledby="settings">
          <h2 id="settings" className="mb-4 text-lg font-bold">
            {t("settings")}
          </h2>
          <EditionForm
            action={updateEditionAction.bind(null, edition.id)}
            submitLabel={t("saveSettings")}
            initial={{
              number: String(edition.number),
              title: edition.title,
              timezone: edition.timezone,
              maxTeamSize: String(edition.maxTeamSize),
              hackingStartsAt: local(edition.hackingStartsAt),
              presentationsStartAt: local(edition.presentationsStartAt),
              endsAt: local(edition.endsAt),
            }}
          />
        </Card>
        <Card aria-labelledby="phase-heading">
          <h2 id="phase-heading" className="mb-2 text-lg font-bold">
            {t("phase")}
          </h2>
          <PhaseForm action={setPhaseAction.bind(null, edition.id)} phase={edition.phase} />
        </Card>
      </div>

      <Card aria-labelledby="agenda-heading">
        <h2 id="agenda-heading" className="text-lg font-bold">
          {t("agenda")}
        </h2>
        <p className="mb-4 text-sm text-slate-700">{t("timesIn", { timezone: edition.timezone })}</p>
        <ol className="space-y-2">
          {agenda.map((item) => (
            <li key={item.id} className="rounded-lg ring-1 ring-slate-200">
              <details>
                <summary className="flex min-h-11 cursor-pointer flex-wrap items-center gap-x-3 px-3 py-2">
                  <span className="font-mono text-sm">{formatInZone(item.startsAt, edition.timezone, undefined, locale)}</span>
                  <span className="font-medium">{item.title}</span>
                  {item.location && <span className="text-sm text-slate-600">· {item.location}</span>}
                </summary>
                <div className="space-y-3 border-t border-slate-200 p-3">
                  <AgendaItemForm
                    idPrefix={`item-${item.id}-`}
                    action={updateAgendaItemAction.bind(null, item.id)}
                    submitLabel={t("saveItem")}
                    initial={{
                      title: item.title,
                      startsAt: local(item.startsAt),
                      endsAt: local(item.endsAt),
                      location: item.location,
                      description: item.description,
                    }}
                  />
                  <ActionButton
                    action={deleteAgendaItemAction.bind(null, item.id)}
                    variant="danger"
                    pendingText={t("removing")}
                    label={t("removeLabel", { title: item.title })}
                  >
                    {t("remove")}
                  </ActionButton>
                </div>
              </details>
            </li>
          ))}
        </ol>
        <h3 className="mt-6 mb-2 font-bold">{t("addHeading")}</h3>
        <AgendaItemForm idPrefix="new-" action={addAgendaItemAction.bind(null, edition.id)} submitLabel={t("addItem")} />
      </Card>
    </div>
  );
}
