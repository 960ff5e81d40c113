import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { editionPath, loadEdition } from "@/app/_lib/load";
import { requireUser } from "@/app/_lib/session";
import { TopicForm } from "@/components/topic-form";
import { Alert, Card, PageHeader } from "@/components/ui";
import { formatEditionNumber } from "@/lib/editions/rules";
import { canProposeTopic, explainTopicProposalsClosed } from "@/lib/topics/rules";
import { proposeTopicAction } from "../actions";
import { translator } from "@/app/_lib/translate";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("topics.new");
  return { title: t("metaTitle") };
}

export default async function NewTopicPage({ params }: { params: Promise<{ slug: string }> }) {
  const say = await translator();
  const edition = await loadEdition((await params).slug, "/topics/new");
  const user = await requireUser(editionPath(edition.number, "/topics/new"));
  const t = await getTranslations("topics.new");
  const te = await getTranslations("editions");
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader eyebrow={<Link href={editionPath(edition.number)}>{te("eyebrow", { hex: formatEditionNumber(edition.number) })}</Link>} title={t("title")} />
      {canProposeTopic(user, edition) ? (
        <Card>
          <TopicForm action={proposeTopicAction.bind(null, edition.id, edition.number)} submitLabel={t("submit")} />
        </Card>
      ) : (
        <Alert>{say(explainTopicProposalsClosed(edition).message)}</Alert>
      )}
    </div>
  );
}
