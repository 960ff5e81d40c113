import type { Metadata } from "next";
import Link from "@/components/link";
import { editionPath, loadEdition } from "@/app/_lib/load";
import { getCurrentUser } from "@/app/_lib/session";
import { ActionButton } from "@/components/action-button";
import { KindBadge, StatusBadge } from "@/components/labels";
import { ButtonLink, EmptyState, PageHeader, cx } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { TOPIC_KINDS, TOPIC_KIND_LABELS, canProposeTopic, canShowInterest } from "@/lib/topics/rules";
import { formatEditionNumber } from "@/lib/editions/rules";
import { markdownExcerpt } from "@/lib/platform/markdown";
import { topicListQuerySchema } from "@/lib/topics/schemas";
import { listTopics } from "@/lib/topics/queries";
import { setInterestAction } from "./actions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const edition = await loadEdition((await params).slug);
  return { title: `Topics of ${formatEditionNumber(edition.number)}` };
}

export default async function TopicsPage({ params, searchParams }: Props) {
  const edition = await loadEdition((await params).slug, "/topics");
  const query = topicListQuerySchema.parse(await searchParams);
  const user = await getCurrentUser();
  const topics = await listTopics(getDb(), user, edition.id, query);
  const base = editionPath(edition.number, "/topics");
  const href = (kind: string | undefined, sort: string) => {
    const qs = new URLSearchParams();
    if (kind) qs.set("kind", kind);
    if (sort !== "interest") qs.set("sort", sort);
    return qs.size ? `${base}?${qs}` : base;
  };
  const chip = (active: boolean) =>
    cx(
      "rounded-full px-3 py-1.5 text-sm font-medium ring-1",
      active ? "bg-indigo-700 text-white ring-indigo-700" : "bg-white text-slate-800 ring-slate-300 hover:bg-slate-100",
    );

  return (
    <div>
      <PageHeader eyebrow={<Link href={editionPath(edition.number)}>Edition {formatEditionNumber(edition.number)}</Link>} title="Topics">
        {canProposeTopic(user, edition) && <ButtonLink href={`${base}/new`}>Propose a topic</ButtonLink>}
      </PageHeader>

      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="Filter by kind" className="flex flex-wrap gap-2">
          <Link href={href(undefined, query.sort)} className={chip(!query.kind)} aria-current={!query.kind ? "page" : undefined}>
            All kinds
          </Link>
          {TOPIC_KINDS.map((kind) => (
            <Link key={kind} href={href(kind, query.sort)} className={chip(query.kind === kind)} aria-current={query.kind === kind ? "page" : undefined}>
              {TOPIC_KIND_LABELS[kind]}
            </Link>
          ))}
        </nav>
        <nav aria-label="Sort" className="flex items-center gap-2 text-sm">
          <span className="text-slate-700">Sort by</span>
          <Link href={href(query.kind, "interest")} className={chip(query.sort === "interest")} aria-current={query.sort === "interest" ? "page" : undefined}>
            Interest
          </Link>
          <Link href={href(query.kind, "recent")} className={chip(query.sort === "recent")} aria-current={query.sort === "recent" ? "page" : undefined}>
            Most recent
          </Link>
        </nav>
      </div>

      {topics.length === 0 ? (
        <EmptyState>{query.kind ? "No topic of this kind yet." : "No topics yet. Be the first to propose one!"}</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Topics">
          {topics.map((topic) => (
            <li key={topic.id} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <article aria-labelledby={`topic-${topic.id}`} className="flex flex-wrap gap-4 sm:flex-nowrap">
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <h2 id={`topic-${topic.id}`} className="text-lg font-bold">
                      <Link href={`${base}/${topic.id}`} className="text-indigo-900 hover:underline">
                        {topic.title}
                      </Link>
                    </h2>
                    <KindBadge kind={topic.kind} />
                    <StatusBadge status={topic.status} />
                  </div>
                  <p className="mt-1 text-sm text-slate-600">Proposed by {topic.proposer.name}</p>
                  <p className="mt-2 text-slate-800">{markdownExcerpt(topic.pitch)}</p>
                  {topic.teams.length > 0 && <p className="mt-2 text-sm text-slate-700">Teams: {topic.teams.map((t) => t.name).join(", ")}</p>}
                </div>
                <div className="flex shrink-0 flex-col items-start gap-2 sm:items-end">
                  <p className="text-sm font-semibold text-slate-800" data-testid="interest-count">
                    {topic.interestCount} interested
                  </p>
                  {user && canShowInterest(user, topic, edition) && (
                    <ActionButton
                      action={setInterestAction.bind(null, topic.id)}
                      fields={{ interested: String(!topic.interested) }}
                      pressed={topic.interested}
                      variant={topic.interested ? "primary" : "secondary"}
                      pendingText="Saving…"
                      label={`I'm interested in ${topic.title}`}
                    >
                      {topic.interested ? "✓ Interested" : "I'm interested"}
                    </ActionButton>
                  )}
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
