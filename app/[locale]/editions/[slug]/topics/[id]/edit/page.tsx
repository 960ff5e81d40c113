import type { Metadata } from "next";
import Link from "@/components/link";
import { editionPath, loadEdition, orNotFound } from "@/app/_lib/load";
import { requireUser } from "@/app/_lib/session";
import { TopicForm } from "@/components/topic-form";
import { Alert, Card, PageHeader } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { canEditTopic } from "@/lib/topics/rules";
import { isOrganizer } from "@/lib/people/rules";
import { getTopic } from "@/lib/topics/queries";
import { notFound } from "next/navigation";
import { updateTopicAction } from "../../actions";

export const metadata: Metadata = { title: "Edit topic" };

export default async function EditTopicPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const edition = await loadEdition(slug, `/topics/${id}/edit`);
  const user = await requireUser(editionPath(edition.number, `/topics/${id}/edit`));
  const topic = await orNotFound(getTopic(getDb(), user, id));
  if (topic.editionId !== edition.id) notFound();
  const allowed = canEditTopic(user, topic, edition);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader eyebrow={<Link href={editionPath(edition.number, `/topics/${id}`)}>{topic.title}</Link>} title="Edit topic" />
      {allowed ? (
        <Card>
          <TopicForm action={updateTopicAction.bind(null, topic.id, edition.number)} initial={topic} submitLabel="Save changes" />
        </Card>
      ) : (
        <Alert>
          {user.id !== topic.proposerId && !isOrganizer(user)
            ? "Only the topic's proposer or an organizer can edit it."
            : "This topic can't be edited any more: topics are locked once hacking starts."}
        </Alert>
      )}
    </div>
  );
}
