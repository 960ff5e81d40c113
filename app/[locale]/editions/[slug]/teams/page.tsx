import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { editionPath, loadEdition } from "@/app/_lib/load";
import { getCurrentUser } from "@/app/_lib/session";
import { ActionButton } from "@/components/action-button";
import { TeamCard, leaveQuestion } from "@/components/team-card";
import { Alert, EmptyState, PageHeader } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { canChangeOwnTeam, explainTeamsLocked } from "@/lib/teams/rules";
import { listTeams, teamOf } from "@/lib/teams/queries";
import { joinTeamAction, leaveTeamAction } from "./actions";
import { translator } from "@/app/_lib/translate";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const edition = await loadEdition((await params).slug);
  const t = await getTranslations("teams");
  return { title: t("metaTitle", { hex: formatEditionNumber(edition.number) }) };
}

export default async function TeamsPage({ params }: Props) {
  const say = await translator();
  const edition = await loadEdition((await params).slug, "/teams");
  const user = await getCurrentUser();
  const db = getDb();
  const [teams, myTeam] = await Promise.all([listTeams(db, edition.id), user ? teamOf(db, user.id, edition.id) : null]);
  const open = canChangeOwnTeam(user, edition);
  const t = await getTranslations("teams");
  const te = await getTranslations("editions");
  const tq = await getTranslations("teams.leaveQuestion");

  return (
    <div>
      <PageHeader eyebrow={<Link href={editionPath(edition.number)}>{te("eyebrow", { hex: formatEditionNumber(edition.number) })}</Link>} title={t("title")} />
      {user && !open && (
        <div className="mb-4">
          <Alert tone="info">{say(explainTeamsLocked(edition).message)}</Alert>
        </div>
      )}
      {open && !myTeam && (
        <p className="mb-4 text-slate-700">
          {t.rich("joinIntro", {
            link: (chunks) => (
              <Link href={editionPath(edition.number, "/topics")} className="font-semibold text-indigo-800 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      )}
      {teams.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {teams.map((team) => (
            <li key={team.id}>
              <TeamCard team={team} editionNumber={edition.number} maxTeamSize={edition.maxTeamSize}>
                {open && myTeam?.id === team.id && (
                  <ActionButton
                    action={leaveTeamAction.bind(null, team.id)}
                    pendingText={t("leaving")}
                    label={t("leaveLabel", { name: team.name })}
                    confirm={leaveQuestion(team.name, team.memberCount, tq)}
                  >
                    {t("leave")}
                  </ActionButton>
                )}
                {open && !myTeam && (
                  <ActionButton
                    action={joinTeamAction.bind(null, team.id)}
                    variant="primary"
                    pendingText={t("joining")}
                    label={t("joinLabel", { name: team.name })}
                  >
                    {team.memberCount >= edition.maxTeamSize ? t("full") : t("join")}
                  </ActionButton>
                )}
              </TeamCard>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
