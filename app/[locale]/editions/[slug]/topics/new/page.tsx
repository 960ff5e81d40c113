import type { Metadata } from "next";
import Link from "@/components/link";
import { editionPath, loadEdition } from "@/app/_lib/load";
import { requireUser } from "@/app/_lib/session";
import { TopicForm } from "@/components/topic-form";
import { Alert, Card, PageHeader } from "@/components/ui";
import { formatEditionNumber } from "@/lib/editions/rules";
import { canProposeTopic, explainTopicProposalsClosed } from "@/lib/topics/rules";
import { proposeTopicAction } from "../actions";

export const metadata: Metadata = { title: "Propose a topic" };

export default async function NewTopicPage({ params }: { params: Promise<{ slug: string }> }) {
  const edition = await loadEdition((await params).slug, "/topics/new");
  const user = await requireUser(editionPath(edition.number, "/topics/new"));
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader eyebrow={<Link href={editionPath(edition.number)}>Edition {formatEditionNumber(edition.number)}</Link>} title="Propose a topic" />
      {canProposeTopic(user, edition) ? (
        <Card>
          <TopicForm action={proposeTopicAction.bind(null, edition.id, edition.number)} submitLabel="Propose topic" />
        </Card>
      ) : (
        <Alert>{explainTopicProposalsClosed(edition).message}</Alert>
      )}
    </div>
  );
}
