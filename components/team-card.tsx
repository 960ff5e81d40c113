import Link from "@/components/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { formatEditionNumber } from "@/lib/editions/rules";
import type { Question } from "./confirm-submit";
import { KindBadge } from "./labels";

/** The messages of the question below, from `getTranslations("teams.leaveQuestion")` (or `useTranslations`). */
type LeaveTranslator = ReturnType<typeof useTranslations<"teams.leaveQuestion">>;

/** What a member is asked before leaving their team (a plain function: server pages hand it to the button, with their translator). */
export function leaveQuestion(teamName: string, memberCount: number, t: LeaveTranslator): Question {
  return {
    title: t("title", { name: teamName }),
    details: memberCount <= 1 ? t("alone") : t("others"),
    confirm: t("confirm"),
    danger: true,
  };
}

type TeamSummary = {
  id: string;
  name: string;
  memberCount: number;
  topic: { id: string; title: string; kind: string } | null;
  members: { user: { id: string; name: string } }[];
};

export function TeamCard({
  team,
  editionNumber,
  maxTeamSize,
  children,
}: {
  team: TeamSummary;
  editionNumber: number;
  maxTeamSize: number;
  children?: ReactNode;
}) {
  const t = useTranslations("teams.card");
  const base = `/editions/${formatEditionNumber(editionNumber)}`;
  return (
    <article className="h-full rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-labelledby={`team-${team.id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`team-${team.id}`} className="text-lg font-bold">
          <Link href={`${base}/teams/${team.id}`} className="text-indigo-900 hover:underline">
            {team.name}
          </Link>
        </h3>
        <span className="text-sm text-slate-600">{t("people", { count: team.memberCount, max: maxTeamSize })}</span>
      </div>
      {team.topic && (
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
          <Link href={`${base}/topics/${team.topic.id}`} className="text-slate-800 underline-offset-2 hover:underline">
            {team.topic.title}
          </Link>
          <KindBadge kind={team.topic.kind} />
        </p>
      )}
      <p className="mt-2 text-sm text-slate-700">
        <span className="sr-only">{t("members")} </span>
        {team.members.map((m) => m.user.name).join(", ")}
      </p>
      {children && <div className="mt-3">{children}</div>}
    </article>
  );
}
