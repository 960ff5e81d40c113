// /write — the articles a person writes (organizers: all of them, those in
// review first), and starting a new one.
import type { Metadata } from "next";
import Link from "@/components/link";
import { requireUser } from "@/app/_lib/session";
import { StartArticleForm } from "@/components/articles/start-article-form";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui";
import { ARTICLE_STATUS_LABELS, type ArticleStatus } from "@/lib/articles/rules";
import { articleStartChoices, myArticles } from "@/lib/articles/queries";
import { formatEditionNumber } from "@/lib/editions/rules";
import { isOrganizer } from "@/lib/people/rules";
import { getDb } from "@/app/_lib/db";

export const metadata: Metadata = { title: "Write", robots: { index: false } };

export default async function WritePage() {
  const user = await requireUser("/write");
  const db = getDb();
  const [articles, choices] = await Promise.all([myArticles(db, user), articleStartChoices(db, user)]);

  return (
    <div className="space-y-6">
      <PageHeader title="Write" eyebrow={<Link href="/articles">Articles</Link>} />
      <Card aria-labelledby="start-heading">
        <h2 id="start-heading" className="mb-3 text-lg font-bold">
          Start an article
        </h2>
        {choices.length > 0 ? (
          <StartArticleForm choices={choices} />
        ) : (
          <p className="text-slate-700">Teams write about what they built once hacking has started: join a team first.</p>
        )}
      </Card>
      <section aria-labelledby="mine-heading" className="space-y-3">
        <h2 id="mine-heading" className="text-xl font-bold">
          {isOrganizer(user) ? "Every article" : "Your articles"}
        </h2>
        {articles.length === 0 ? (
          <EmptyState>Nothing yet.</EmptyState>
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
                  {ARTICLE_STATUS_LABELS[a.status as ArticleStatus]}
                </Badge>
                {a.pendingChanges && <span className="text-sm text-slate-600">changes not yet published</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
