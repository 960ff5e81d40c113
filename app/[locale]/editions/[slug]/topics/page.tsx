import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { editionPath, loadEdition } from "@/app/_lib/load";
import { getCurrentUser } from "@/app/_lib/session";
import { ActionButton } from "@/components/action-button";
import { KindBadge, StatusBadge } from "@/components/labels";
import { ButtonLink, EmptyState, PageHeader, cx } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { TOPIC_KINDS, canProposeTopic, canShowInterest } from "@/lib/topics/rules";
import { formatEditionNumber } from "@/lib/editions/rules";
import { markdownExcerpt } from "@/lib/platform/markdown";
import { topicListQuerySchema } from "@/lib/topics/schemas";
import { listTopics } from "@/lib/topics/queries";
import { setInterestAction } from "./actions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const edition = await loadEdition((await params).slug);
  const t = await getTranslations("topics");
  return { title: t("metaTitle", { hex: formatEditionNumber(edition.number) }) };
}

export default async function TopicsPage({ params, searchParams }: Props) {
  const edition = await loadEdition((await params).slug, "/topics");
  const query = topicListQuerySchema.parse(await searchParams);
  const user = await getCurrentUser();
  const t = await getTranslations("topics");
  const te = await getTranslations("editions");
  const tl = await getTranslations("labels");
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
      <PageHeader eyebrow={<Link href={editionPath(edition.number)}>{te("eyebrow", { hex: formatEditionNumber(edition.number) })}</Link>} title={t("title")}>
        {canProposeTopic(user, edition) && <ButtonLink href={`${base}/new`}>{t("propose")}</ButtonLink>}
      </PageHeader>

      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <nav aria-label={t("filterByKind")} className="flex flex-wrap gap-2">
          <Link href={href(undefined, query.sort)} className={chip(!query.kind)} aria-current={!query.kind ? "page" : undefined}>
            {t("allKinds")}
          </Link>
          {TOPIC_KINDS.map((kind) => (
            <Link key={kind} href={href(kind, query.sort)} className={chip(query.kind === kind)} aria-current={query.kind === kind ? "page" : undefined}>
              {tl(`topicKind.${kind}`)}
            </Link>
          ))}
        </nav>
        <nav aria-label={t("sort")} className="flex items-center gap-2 text-sm">
          <span className="text-slate-700">{t("sortBy")}</span>
          <Link href={href(query.kind, "interest")} className={chip(query.sort === "interest")} aria-current={query.sort === "interest" ? "page" : undefined}>
            {t("sortInterest")}
          </Link>
          <Link href={href(query.kind, "recent")} className={chip(query.sort === "recent")} aria-current={query.sort === "recent" ? "page" : undefined}>
            {t("sortRecent")}
          </Link>
        </nav>
      </div>

      {topics.length === 0 ? (
        <EmptyState>{query.kind ? t("emptyKind") : t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label={t("listLabel")}>
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
                  <p className="mt-1 text-sm text-slate-600">{t("proposedBy", { name: topic.proposer.name })}</p>
                  <p className="mt-2 text-slate-800">{markdownExcerpt(topic.pitch)}</p>
                  {topic.teams.length > 0 && (
                    <p className="mt-2 text-sm text-slate-700">{t("teams", { names: topic.teams.map((team) => team.name).join(", ") })}</p>
                  )}
                </div>
                <div className="flex shrink-0 flex-col items-start gap-2 sm:items-end">
                  <p className="text-sm font-semibold text-slate-800" data-testid="interest-count">
                    {t("interestedCount", { count: topic.interestCount })}
                  </p>
                  {user && canShowInterest(user, topic, edition) && (
                    <ActionButton
                      action={setInterestAction.bind(null, topic.id)}
                      fields={{ interested: String(!topic.interested) }}
                      pressed={topic.interested}
                      variant={topic.interested ? "primary" : "secondary"}
                      pendingText={t("saving")}
                      label={t("interestLabel", { title: topic.title })}
                    >
                      {topic.interested ? t("interested") : t("showInterest")}
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
