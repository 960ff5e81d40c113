import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("topics.edit");
  return { title: t("metaTitle") };
}

export default async function EditTopicPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const edition = await loadEdition(slug, `/topics/${id}/edit`);
  const user = await requireUser(editionPath(edition.number, `/topics/${id}/edit`));
  const topic = await orNotFound(getTopic(getDb(), user, id));
  if (topic.editionId !== edition.id) notFound();
  const allowed = canEditTopic(user, topic, edition);
  const t = await getTranslations("topics.edit");
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader eyebrow={<Link href={editionPath(edition.number, `/topics/${id}`)}>{topic.title}</Link>} title={t("title")} />
      {allowed ? (
        <Card>
          <TopicForm action={updateTopicAction.bind(null, topic.id, edition.number)} initial={topic} submitLabel={t("submit")} />
        </Card>
      ) : (
        <Alert>{user.id !== topic.proposerId && !isOrganizer(user) ? t("notYours") : t("locked")}</Alert>
      )}
    </div>
  );
}
