// /write — the articles a person writes (organizers: all of them, those in
// review first), and starting a new one.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { requireUser } from "@/app/_lib/session";
import { StartArticleForm } from "@/components/articles/start-article-form";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui";
import type { ArticleStatus } from "@/lib/articles/rules";
import { articleStartChoices, myArticles } from "@/lib/articles/queries";
import { formatEditionNumber } from "@/lib/editions/rules";
import { isOrganizer } from "@/lib/people/rules";
import { getDb } from "@/app/_lib/db";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("write.list");
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function WritePage() {
  const user = await requireUser("/write");
  const db = getDb();
  const [articles, choices, t, tl] = await Promise.all([
    myArticles(db, user),
    articleStartChoices(db, user),
    getTranslations("write.list"),
    getTranslations("labels"),
  ]);

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} eyebrow={<Link href="/articles">{t("articles")}</Link>} />
      <Card aria-labelledby="start-heading">
        <h2 id="start-heading" className="mb-3 text-lg font-bold">
          {t("startHeading")}
        </h2>
        {choices.length > 0 ? <StartArticleForm choices={choices} /> : <p className="text-slate-700">{t("noTeam")}</p>}
      </Card>
      <section aria-labelledby="mine-heading" className="space-y-3">
        <h2 id="mine-heading" className="text-xl font-bold">
          {isOrganizer(user) ? t("everyArticle") : t("yourArticles")}
        </h2>
        {articles.length === 0 ? (
          <EmptyState>{t("nothingYet")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl bg-white ring-1 ring-slate-200">
            {articles.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-3 p-4">
                <Link href={`/write/${a.id}`} className="flex-1 font-semibold text-indigo-800 hover:underline">
                  {a.title}
                </Link>
                <span className="font-mono text-sm text-slate-600">{formatEditionNumber(a.edition.number)}</span>
                {a.team && <span className="text-sm text-slate-600">{a.team.name}</span>}
                <Badge tone={a.status === "PUBLISHED" ? "green" : a.status === "IN_REVIEW" ? "amber" : "slate"}>
                  {tl(`articleStatus.${a.status as ArticleStatus}`)}
                </Badge>
                {a.pendingChanges && <span className="text-sm text-slate-600">{t("pendingChanges")}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
