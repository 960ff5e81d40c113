import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { editionPath, loadEdition, orNotFound } from "@/app/_lib/load";
import { getCurrentUser } from "@/app/_lib/session";
import { ActionButton } from "@/components/action-button";
import { KindBadge, StatusBadge } from "@/components/labels";
import { TopicModeration } from "@/components/topic-moderation";
import { TeamCreateForm } from "@/components/team-create-form";
import { Alert, ButtonLink, Card, EmptyState, PageHeader } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { renderMarkdown } from "@/lib/platform/markdown";
import { canChangeOwnTeam } from "@/lib/teams/rules";
import { canEditTopic, canModerateTopic, canShowInterest, topicIsOpen } from "@/lib/topics/rules";
import { availableInterestedPeople, teamOf } from "@/lib/teams/queries";
import { getTopic, listTopics, revivalOf, revivalTarget } from "@/lib/topics/queries";
import { ReviveButton, RevivalNote } from "@/components/revival";
import { formatInZone } from "@/lib/platform/time";
import { approveTopicAction, mergeTopicAction, rejectTopicAction, reviveTopicAction, setInterestAction } from "../actions";
import { createTeamAction } from "../../teams/actions";

type Props = { params: Promise<{ slug: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const topic = await orNotFound(getTopic(getDb(), await getCurrentUser(), id));
  return { title: topic.title };
}

export default async function TopicPage({ params }: Props) {
  const { slug, id } = await params;
  const edition = await loadEdition(slug, `/topics/${id}`);
  const user = await getCurrentUser();
  const db = getDb();
  const t = await getTranslations("topics");
  const tt = await getTranslations("topics.topic");
  const locale = await getLocale();
  const topic = await orNotFound(getTopic(db, user, id));
  if (topic.editionId !== edition.id) notFound();
  const interested = user ? topic.interests.some((i) => i.userId === user.id) : false;
  const myTeam = user ? await teamOf(db, user.id, edition.id) : null;
  const canFormTeam = !!user && !myTeam && topicIsOpen(topic) && canChangeOwnTeam(user, edition);
  const candidates = canFormTeam ? (await availableInterestedPeople(db, edition.id, topic.id)).filter((p) => p.id !== user.id) : [];
  const moderating = canModerateTopic(user, edition) && topic.status !== "MERGED";
  const mergeTargets = moderating
    ? (await listTopics(db, user, edition.id, { sort: "recent" })).filter((t) => t.id !== topic.id && topicIsOpen(t)).map((t) => ({ id: t.id, title: t.title }))
    : [];

  const [revival, reviveInto] = await Promise.all([
    revivalOf(db, topic),
    // a topic of an edition that is over may come back in the one open for proposals
    (edition.phase === "CLOSED" || edition.phase === "ARCHIVED") && topic.status === "APPROVED" ? revivalTarget(db, user) : null,
  ]);

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={<Link href={editionPath(edition.number, "/topics")}>{t("metaTitle", { hex: formatEditionNumber(edition.number) })}</Link>}
        title={topic.title}
      >
        {canEditTopic(user, topic, edition) && (
          <ButtonLink href={editionPath(edition.number, `/topics/${topic.id}/edit`)} variant="secondary">
            {tt("edit")}
          </ButtonLink>
        )}
        {reviveInto && <ReviveButton action={reviveTopicAction.bind(null, reviveInto.id, reviveInto.number, { topicId: topic.id })} into={reviveInto.number} />}
      </PageHeader>
      {revival && <RevivalNote revival={revival} />}

      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <KindBadge kind={topic.kind} />
        <StatusBadge status={topic.status} />
        <span>
          {tt.rich("proposedOn", {
            name: topic.proposer.name,
            date: formatInZone(topic.createdAt, edition.timezone, { hour: undefined, minute: undefined }, locale),
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </span>
      </div>

      {topic.status === "REJECTED" && (
        <Alert>
          {tt.rich("rejected", {
            reason: topic.rejectionReason ?? "",
            own: user?.id === topic.proposerId ? "yes" : "no",
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </Alert>
      )}
      {topic.status === "MERGED" && topic.mergedInto && (
        <Alert tone="info">
          {tt.rich("merged", {
            title: topic.mergedInto.title,
            link: (chunks) => (
              <Link href={editionPath(edition.number, `/topics/${topic.mergedInto!.id}`)} className="font-semibold underline">
                {chunks}
              </Link>
            ),
          })}
        </Alert>
      )}
      {topic.status === "PENDING" && <Alert tone="info">{tt("pending")}</Alert>}

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <h2 className="sr-only">{tt("pitch")}</h2>
          <div className="prose prose-slate max-w-none" dangerouslySetInnerHTML={{ __html: renderMarkdown(topic.pitch) }} />
        </Card>

        <div className="space-y-6">
          <Card aria-labelledby="interested-heading">
            <h2 id="interested-heading" className="text-lg font-bold">
              {tt.rich("interestedHeading", {
                count: topic.interests.length,
                num: (chunks) => <span data-testid="interest-count">{chunks}</span>,
              })}
            </h2>
            {topic.interests.length > 0 ? (
              <ul className="mt-2 flex flex-wrap gap-1.5 text-sm" aria-label={tt("interestedPeople")}>
                {topic.interests.map((i) => (
                  <li key={i.userId} className="rounded-full bg-slate-100 px-2.5 py-1">
                    {i.user.name}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-sm text-slate-600">{tt("nobody")}</p>
            )}
            {user && canShowInterest(user, topic, edition) && (
              <ActionButton
                className="mt-3"
                action={setInterestAction.bind(null, topic.id)}
                fields={{ interested: String(!interested) }}
                pressed={interested}
                variant={interested ? "primary" : "secondary"}
                pendingText={t("saving")}
              >
                {interested ? t("interested") : t("showInterest")}
              </ActionButton>
            )}
            {!user && (
              <p className="mt-3 text-sm">
                {tt.rich("signIn", {
                  link: (chunks) => (
                    <Link
                      href={`/signin?callbackUrl=${encodeURIComponent(editionPath(edition.number, `/topics/${topic.id}`))}`}
                      className="font-semibold text-indigo-800 underline"
                    >
                      {chunks}
                    </Link>
                  ),
                })}
              </p>
            )}
          </Card>

          <Card aria-labelledby="teams-heading">
            <h2 id="teams-heading" className="text-lg font-bold">
              {tt("teamsHeading")}
            </h2>
            {topic.teams.length === 0 ? (
              <EmptyState>{tt("noTeam")}</EmptyState>
            ) : (
              <ul className="mt-2 space-y-2">
                {topic.teams.map((team) => (
                  <li key={team.id}>
                    <Link href={editionPath(edition.number, `/teams/${team.id}`)} className="font-semibold text-indigo-900 underline-offset-2 hover:underline">
                      {team.name}
                    </Link>
                    <span className="block text-sm text-slate-700">{team.members.map((m) => m.user.name).join(", ")}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>

      {canFormTeam && (
        <Card aria-labelledby="form-team">
          <h2 id="form-team" className="mb-3 text-lg font-bold">
            {tt("formTeam")}
          </h2>
          <TeamCreateForm
            action={createTeamAction.bind(null, edition.id, edition.number)}
            topicId={topic.id}
            candidates={candidates}
            maxTeamSize={edition.maxTeamSize}
          />
        </Card>
      )}

      {moderating && (
        <TopicModeration
          status={topic.status}
          approve={approveTopicAction.bind(null, topic.id)}
          reject={rejectTopicAction.bind(null, topic.id)}
          merge={mergeTopicAction.bind(null, topic.id, edition.number)}
          mergeTargets={mergeTargets}
        />
      )}
    </div>
  );
}
