// /write/<id> — an article's workspace, for its authors and organizers.
import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/app/_lib/session";
import { ArticleWorkspace } from "@/components/articles/article-workspace";
import { NotAllowed, PageHeader } from "@/components/ui";
import type { ArticleStatus } from "@/lib/articles/rules";
import { articleForEditing } from "@/lib/articles/queries";
import { getDb } from "@/app/_lib/db";
import { DomainError } from "@/lib/platform/errors";
import { formatEditionNumber } from "@/lib/editions/rules";
import { isOrganizer } from "@/lib/people/rules";
import { formatInZone } from "@/lib/platform/time";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("write.page");
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function WriteArticlePage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/write/${id}`);
  const [t, locale] = await Promise.all([getTranslations("write.page"), getLocale()]);
  let article;
  try {
    article = await articleForEditing(getDb(), user, id);
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    if (error instanceof DomainError && error.code === "FORBIDDEN") return <NotAllowed title={t("notYours")}>{t("notYoursBody")}</NotAllowed>;
    throw error;
  }
  return (
    <div className="space-y-4">
      <PageHeader
        title={article.title}
        eyebrow={
          <>
            <Link href="/write">{t("write")}</Link> · <span className="font-mono">{formatEditionNumber(article.edition.number)}</span>
            {article.team && ` · ${article.team.name}`}
          </>
        }
      />
      <ArticleWorkspace
        article={{
          id: article.id,
          title: article.title,
          slug: article.slug,
          summary: article.summary,
          body: article.body,
          tags: article.tags,
          coverFile: article.coverFile,
          coverAlt: article.coverAlt,
          version: article.version,
          status: article.status as ArticleStatus,
          pendingChanges: article.pendingChanges,
          published: article.published ? { slug: article.published.slug } : null,
        }}
        timezone={article.edition.timezone}
        authors={article.authors.map((a) => ({ userId: a.userId, name: a.name }))}
        events={article.events.map((e) => ({
          id: e.id,
          actorName: e.actorName,
          kind: e.kind,
          body: e.body,
          createdAt: e.createdAt.toISOString(),
          at: formatInZone(e.createdAt, article.edition.timezone, undefined, locale),
        }))}
        organizer={isOrganizer(user)}
      />
    </div>
  );
}
