// Organizers forget a person who left the company: they choose, per article,
// whether its byline keeps the name; everything else personal goes, what the
// person cast and did stays counted (lib/people/portability.ts).
import type { Metadata } from "next";
import Link from "@/components/link";
import { requireUser } from "@/app/_lib/session";
import { getDb } from "@/app/_lib/db";
import { Alert, NotAllowed, PageHeader } from "@/components/ui";
import { ForgetForm } from "@/components/forget-form";
import { isOrganizer } from "@/lib/people/rules";
import { forgetPreview } from "@/lib/people/portability";
import { DomainError } from "@/lib/platform/errors";
import { forgetPersonAction } from "./actions";

export const metadata: Metadata = { title: "Forget a person", robots: { index: false } };

export default async function ForgetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/people/${id}/forget`);
  if (!isOrganizer(user)) return <NotAllowed title="Forget a person">Only organizers can forget people.</NotAllowed>;
  let person: Awaited<ReturnType<typeof forgetPreview>> | null = null;
  let problem: string | null = null;
  try {
    person = await forgetPreview(getDb(), user, id.slice(0, 64));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problem = error.message;
  }
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader eyebrow={<Link href="/people">People</Link>} title={person ? `Forget ${person.name}` : "Forget a person"} />
      {!person ? (
        <Alert>{problem}</Alert>
      ) : (
        <>
          <p className="text-slate-700">
            For someone who left the company: their name, address, department and sign-in go, and so do the emails queued for them and every record that names
            them. What they did stays counted, as &ldquo;A former colleague&rdquo;: {person._count.topics} topics proposed, {person._count.memberships} team
            places, {person._count.judgments} judgments, and their ballots. This can&rsquo;t be undone.
          </p>
          {person.id === user.id ? (
            <Alert>You can&rsquo;t forget yourself: ask another organizer.</Alert>
          ) : (
            <ForgetForm
              action={forgetPersonAction.bind(null, person.id)}
              name={person.name}
              email={person.email}
              articles={person.authorships.map((a) => ({ id: a.article.id, title: a.article.title, byline: a.name }))}
            />
          )}
        </>
      )}
    </div>
  );
}
