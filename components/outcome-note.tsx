// A project's outcome as told by its team: what became of it, since when, a
// note and its links (opened as plain links: people typed them).
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui";
import { formatDay } from "@/lib/platform/time";
import type { OutcomeStatus } from "@/lib/teams/rules";
import type { Outcome } from "@/lib/teams/queries";

const TONES: Record<OutcomeStatus, "green" | "indigo" | "purple" | "slate"> = {
  ADOPTED: "green",
  INTERNAL_USE: "indigo",
  CONTINUED: "purple",
  STOPPED: "slate",
};

export function OutcomeNote({ outcome, team }: { outcome: Outcome; team?: string }) {
  const t = useTranslations("outcome");
  const tl = useTranslations("labels");
  const locale = useLocale();
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap items-center gap-2">
        {team && <span className="font-semibold">{team}</span>}
        <Badge tone={TONES[outcome.status]}>{tl(`outcome.${outcome.status}`)}</Badge>
        <span className="text-sm text-slate-700">{t("since", { date: formatDay(outcome.happenedOn, locale) })}</span>
      </p>
      {outcome.note && <p className="break-words text-slate-800">{outcome.note}</p>}
      {outcome.links.length > 0 && (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={team !== undefined ? t("linksAbout", { team }) : t("linksAboutProject")}>
          {outcome.links.map((link) => (
            <li key={link} className="min-w-0">
              <a href={link} rel="noopener noreferrer nofollow" className="break-all text-indigo-800 underline">
                {link.replace(/^https?:\/\//, "").replace(/\/$/, "")}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
