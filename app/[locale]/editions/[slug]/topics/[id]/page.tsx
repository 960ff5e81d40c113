import type { Metadata } from "next";
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
      <PageHeader eyebrow={<Link href={editionPath(edition.number, "/topics")}>Topics of {formatEditionNumber(edition.number)}</Link>} title={topic.title}>
        {canEditTopic(user, topic, edition) && (
          <ButtonLink href={editionPath(edition.number, `/topics/${topic.id}/edit`)} variant="secondary">
            Edit topic
          </ButtonLink>
        )}
        {reviveInto && <ReviveButton action={reviveTopicAction.bind(null, reviveInto.id, reviveInto.number, { topicId: topic.id })} into={reviveInto.number} />}
      </PageHeader>
      {revival && <RevivalNote revival={revival} />}

      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <KindBadge kind={topic.kind} />
        <StatusBadge status={topic.status} />
        <span>
          Proposed by <strong>{topic.proposer.name}</strong> on {formatInZone(topic.createdAt, edition.timezone, { hour: undefined, minute: undefined })}
        </span>
      </div>

      {topic.status === "REJECTED" && (
        <Alert>
          <strong>This topic was rejected.</strong> Reason: {topic.rejectionReason}
          {user?.id === topic.proposerId && " You can edit it to address the reason; it then goes back to review."}
        </Alert>
      )}
      {topic.status === "MERGED" && topic.mergedInto && (
        <Alert tone="info">
          This topic was merged into{" "}
          <Link href={editionPath(edition.number, `/topics/${topic.mergedInto.id}`)} className="font-semibold underline">
            {topic.mergedInto.title}
          </Link>
          .
        </Alert>
      )}
      {topic.status === "PENDING" && <Alert tone="info">This topic is awaiting review by the organizers. You can already show interest.</Alert>}

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <h2 className="sr-only">Pitch</h2>
          <div className="prose prose-slate max-w-none" dangerouslySetInnerHTML={{ __html: renderMarkdown(topic.pitch) }} />
        </Card>

        <div className="space-y-6">
          <Card aria-labelledby="interested-heading">
            <h2 id="interested-heading" className="text-lg font-bold">
              <span data-testid="interest-count">{topic.interests.length}</span> interested
            </h2>
            {topic.interests.length > 0 ? (
              <ul className="mt-2 flex flex-wrap gap-1.5 text-sm" aria-label="Interested people">
                {topic.interests.map((i) => (
                  <li key={i.userId} className="rounded-full bg-slate-100 px-2.5 py-1">
                    {i.user.name}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-sm text-slate-600">Nobody yet.</p>
            )}
            {user && canShowInterest(user, topic, edition) && (
              <ActionButton
                className="mt-3"
                action={setInterestAction.bind(null, topic.id)}
                fields={{ interested: String(!interested) }}
                pressed={interested}
                variant={interested ? "primary" : "secondary"}
                pendingText="Saving…"
              >
                {interested ? "✓ Interested" : "I'm interested"}
              </ActionButton>
            )}
            {!user && (
              <p className="mt-3 text-sm">
                <Link
                  href={`/signin?callbackUrl=${encodeURIComponent(editionPath(edition.number, `/topics/${topic.id}`))}`}
                  className="font-semibold text-indigo-800 underline"
                >
                  Sign in
                </Link>{" "}
                to show interest.
              </p>
            )}
          </Card>

          <Card aria-labelledby="teams-heading">
            <h2 id="teams-heading" className="text-lg font-bold">
              Teams on this topic
            </h2>
            {topic.teams.length === 0 ? (
              <EmptyState>No team yet.</EmptyState>
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
            Form a team around this topic
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
