import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { editionPath, loadEdition, orNotFound } from "@/app/_lib/load";
import { getCurrentUser } from "@/app/_lib/session";
import { ActionButton } from "@/components/action-button";
import { KindBadge } from "@/components/labels";
import { MovePersonForm, OutcomeForm, RenameTeamForm } from "@/components/team-forms";
import { OutcomeNote } from "@/components/outcome-note";
import { leaveQuestion } from "@/components/team-card";
import { Card, PageHeader } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { canChangeOwnTeam, canEditTeam, canMovePeople, canRecordOutcome, OUTCOME_STATUSES } from "@/lib/teams/rules";
import { getTeam, teamOf, teamOutcome } from "@/lib/teams/queries";
import { revivalTarget } from "@/lib/topics/queries";
import { ReviveButton } from "@/components/revival";
import { reviveTopicAction } from "../../topics/actions";
import { listPeople } from "@/lib/people/queries";
import { joinTeamAction, leaveTeamAction, movePersonAction, recordOutcomeAction, renameTeamAction } from "../actions";

type Props = { params: Promise<{ slug: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const team = await orNotFound(getTeam(getDb(), await getCurrentUser(), (await params).id));
  return { title: team.name };
}

export default async function TeamPage({ params }: Props) {
  const { slug, id } = await params;
  const edition = await loadEdition(slug, `/teams/${id}`);
  const user = await getCurrentUser();
  const db = getDb();
  const team = await orNotFound(getTeam(db, user, id));
  if (team.editionId !== edition.id) notFound();
  const isMember = !!user && team.members.some((m) => m.userId === user.id);
  const myTeam = user && !isMember ? await teamOf(db, user.id, edition.id) : null;
  const open = canChangeOwnTeam(user, edition);
  const organizing = canMovePeople(user, edition);
  const people = organizing ? await listPeople(db, user) : [];
  const [outcome, reviveInto] = await Promise.all([
    teamOutcome(db, team),
    // a project of an edition that is over may come back as a proposal of the one open now
    edition.phase === "CLOSED" || edition.phase === "ARCHIVED" ? revivalTarget(db, user) : null,
  ]);
  const telling = canRecordOutcome(user, isMember, edition);
  const t = await getTranslations("teams");
  const tt = await getTranslations("teams.team");
  const tq = await getTranslations("teams.leaveQuestion");
  const to = await getTranslations("outcome");
  const tl = await getTranslations("labels");

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={<Link href={editionPath(edition.number, "/teams")}>{t("metaTitle", { hex: formatEditionNumber(edition.number) })}</Link>}
        title={team.name}
      >
        {open && isMember && (
          <ActionButton action={leaveTeamAction.bind(null, team.id)} pendingText={t("leaving")} confirm={leaveQuestion(team.name, team.members.length, tq)}>
            {t("leave")}
          </ActionButton>
        )}
        {open && !isMember && !myTeam && (
          <ActionButton action={joinTeamAction.bind(null, team.id)} variant="primary" pendingText={t("joining")}>
            {t("join")}
          </ActionButton>
        )}
        {reviveInto && <ReviveButton action={reviveTopicAction.bind(null, reviveInto.id, reviveInto.number, { teamId: team.id })} into={reviveInto.number} />}
      </PageHeader>

      {team.topic && (
        <p className="flex flex-wrap items-center gap-2">
          {tt.rich("workingOn", {
            title: team.topic.title,
            link: (chunks) => (
              <Link href={editionPath(edition.number, `/topics/${team.topic!.id}`)} className="font-semibold text-indigo-800 underline">
                {chunks}
              </Link>
            ),
          })}
          <KindBadge kind={team.topic.kind} />
        </p>
      )}

      <Card aria-labelledby="members">
        <h2 id="members" className="text-lg font-bold">
          {tt("members")}{" "}
          <span className="text-base font-normal text-slate-600">
            ({team.memberCount} / {edition.maxTeamSize})
          </span>
        </h2>
        <ul className="mt-3 divide-y divide-slate-100">
          {team.members.map((m) => (
            <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                {m.user.name}
                {m.userId === user?.id && <span className="ml-2 text-sm text-slate-600">{tt("you")}</span>}
              </span>
              {organizing && (
                <ActionButton
                  action={movePersonAction.bind(null, edition.id)}
                  fields={{ userId: m.userId, teamId: "" }}
                  variant="ghost"
                  pendingText={tt("removing")}
                  label={tt("takeOutLabel", { name: m.user.name })}
                >
                  {tt("takeOut")}
                </ActionButton>
              )}
            </li>
          ))}
        </ul>
      </Card>

      {(outcome || telling) && (
        <Card aria-labelledby="outcome" className="space-y-4">
          <h2 id="outcome" className="text-lg font-bold">
            {to("heading")}
          </h2>
          {outcome ? <OutcomeNote outcome={outcome} /> : <p className="text-slate-700">{to("notTold")}</p>}
          {telling && (
            <OutcomeForm
              action={recordOutcomeAction.bind(null, team.id)}
              statuses={OUTCOME_STATUSES.map((status) => ({ value: status, label: tl(`outcome.${status}`) }))}
              initial={outcome && { status: outcome.status, happenedOn: outcome.happenedOn, note: outcome.note, links: outcome.links.join("\n") }}
            />
          )}
        </Card>
      )}

      {canEditTeam(user, isMember, edition) && (
        <Card aria-labelledby="rename">
          <h2 id="rename" className="mb-3 text-lg font-bold">
            {tt("rename")}
          </h2>
          <RenameTeamForm action={renameTeamAction.bind(null, team.id)} name={team.name} />
        </Card>
      )}

      {organizing && (
        <Card aria-labelledby="move" className="border-l-4 border-amber-400">
          <h2 id="move" className="mb-3 text-lg font-bold">
            {tt.rich("move", { small: (chunks) => <span className="text-sm font-normal text-slate-600">{chunks}</span> })}
          </h2>
          <MovePersonForm
            action={movePersonAction.bind(null, edition.id)}
            teamId={team.id}
            people={people.filter((p) => !team.members.some((m) => m.userId === p.id)).map((p) => ({ id: p.id, name: `${p.name} (${p.email})` }))}
          />
        </Card>
      )}
    </div>
  );
}
