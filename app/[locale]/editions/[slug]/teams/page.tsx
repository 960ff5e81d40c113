import type { Metadata } from "next";
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

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const edition = await loadEdition((await params).slug);
  return { title: `Teams of ${formatEditionNumber(edition.number)}` };
}

export default async function TeamsPage({ params }: Props) {
  const edition = await loadEdition((await params).slug, "/teams");
  const user = await getCurrentUser();
  const db = getDb();
  const [teams, myTeam] = await Promise.all([listTeams(db, edition.id), user ? teamOf(db, user.id, edition.id) : null]);
  const open = canChangeOwnTeam(user, edition);

  return (
    <div>
      <PageHeader eyebrow={<Link href={editionPath(edition.number)}>Edition {formatEditionNumber(edition.number)}</Link>} title="Teams" />
      {user && !open && (
        <div className="mb-4">
          <Alert tone="info">{explainTeamsLocked(edition).message}</Alert>
        </div>
      )}
      {open && !myTeam && (
        <p className="mb-4 text-slate-700">
          Join a team below, or form a new one from a{" "}
          <Link href={editionPath(edition.number, "/topics")} className="font-semibold text-indigo-800 underline">
            topic&apos;s page
          </Link>
          .
        </p>
      )}
      {teams.length === 0 ? (
        <EmptyState>No team has formed yet.</EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {teams.map((team) => (
            <li key={team.id}>
              <TeamCard team={team} editionNumber={edition.number} maxTeamSize={edition.maxTeamSize}>
                {open && myTeam?.id === team.id && (
                  <ActionButton
                    action={leaveTeamAction.bind(null, team.id)}
                    pendingText="Leaving…"
                    label={`Leave ${team.name}`}
                    confirm={leaveQuestion(team.name, team.memberCount)}
                  >
                    Leave team
                  </ActionButton>
                )}
                {open && !myTeam && (
                  <ActionButton action={joinTeamAction.bind(null, team.id)} variant="primary" pendingText="Joining…" label={`Join ${team.name}`}>
                    {team.memberCount >= edition.maxTeamSize ? "Full — try anyway" : "Join team"}
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
