// /articles/<slug> — a published article: cover, title, byline, edition,
// dates ("updated on"), reading time, tags, its table of contents and the
// text, rendered once when it was published. Cached as a whole page: rendered
// on its first visit, then served as is until it is published again, updated
// or unpublished (its data's cache tags expire the page too:
// app/_lib/revalidate.ts). No client JavaScript of its own; printable;
// OpenGraph and Twitter cards with the cover; one canonical URL.
import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { configuredOrigin } from "@/app/_lib/origin";
import { cachedArticle } from "@/app/_lib/public-data";
import { ArticleGrid, Byline, formatArticleDate, TagList } from "@/components/articles/article-card";
import { formatEditionNumber } from "@/lib/editions/rules";
import { TOPIC_KIND_LABELS, type TopicKind } from "@/lib/topics/rules";
import { isLocale } from "@/lib/platform/locale";

type Props = { params: Promise<{ locale: string; slug: string }> };

// None at build time (the build has no database): each article's page is
// rendered on its first visit and kept (incremental static regeneration).
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale: asked, slug } = await params;
  const locale = isLocale(asked) ? asked : "en";
  // the page's language is its address's, set before any translation: the page stays static (no request is read)
  setRequestLocale(locale);
  const article = await cachedArticle(slug);
  if (!article) {
    const t = await getTranslations({ locale, namespace: "articles" });
    return { title: t("article.notFound") };
  }
  const origin = configuredOrigin(); // a cached page has no request to read the host from
  const cover = article.coverFile ? [{ url: `${origin}/uploads/${article.coverFile}`, alt: article.coverAlt || article.title }] : undefined;
  return {
    title: article.title,
    description: article.summary,
    authors: article.authors.map((a) => ({ name: a.name, url: `${origin}/articles?author=${a.key}` })),
    keywords: article.tags,
    alternates: { canonical: `${origin}/articles/${article.slug}` },
    openGraph: {
      type: "article",
      url: `${origin}/articles/${article.slug}`,
      title: article.title,
      description: article.summary,
      siteName: "Hexathon",
      publishedTime: article.publishedAt,
      modifiedTime: article.revisedAt ?? article.publishedAt,
      authors: article.authors.map((a) => a.name),
      tags: article.tags,
      images: cover,
    },
    twitter: { card: cover ? "summary_large_image" : "summary", title: article.title, description: article.summary, images: cover?.map((c) => c.url) },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { locale: asked, slug } = await params;
  const locale = isLocale(asked) ? asked : "en";
  // the page's language is its address's, set before any translation: the page stays static (no request is read)
  setRequestLocale(locale);
  const [t, tl] = await Promise.all([getTranslations({ locale, namespace: "articles" }), getTranslations({ locale, namespace: "labels" })]);
  const article = await cachedArticle(slug);
  if (!article) notFound();
  const edition = formatEditionNumber(article.editionNumber);
  const revisedAt = article.revisedAt;
  return (
    <article className="article mx-auto max-w-3xl space-y-6" data-testid="article">
      <header className="space-y-3">
        <p className="text-sm font-semibold text-indigo-800">
          <Link href={`/editions/${edition}`} className="font-mono hover:underline">
            {edition}
          </Link>
          {article.topicKind && ` · ${article.topicKind in TOPIC_KIND_LABELS ? tl(`topicKind.${article.topicKind as TopicKind}`) : article.topicKind}`}
          {article.teamName && ` · ${article.teamName}`}
        </p>
        <h1 className="text-3xl font-bold tracking-tight text-balance sm:text-4xl">{article.title}</h1>
        <p className="text-lg text-slate-700">{article.summary}</p>
        <p className="text-sm text-slate-700">{t.rich("article.by", { authors: () => <Byline authors={article.authors} /> })}</p>
        <p className="flex flex-wrap gap-x-3 text-sm text-slate-600">
          <span>
            {t.rich("article.published", {
              when: (chunks) => <time dateTime={article.publishedAt}>{chunks}</time>,
              date: formatArticleDate(article.publishedAt, locale),
            })}
          </span>
          {revisedAt && (
            <span>
              {t.rich("article.updated", {
                when: (chunks) => <time dateTime={revisedAt}>{chunks}</time>,
                date: formatArticleDate(revisedAt, locale),
              })}
            </span>
          )}
          <span>{t("article.readingTime", { minutes: article.readingMinutes })}</span>
        </p>
        <TagList tags={article.tags} className="print:hidden" />
      </header>

      {article.coverFile && (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={`/uploads/${article.coverFile}`} alt={article.coverAlt} className="w-full rounded-xl" fetchPriority="high" />
      )}

      {article.toc.length > 2 && (
        <nav aria-labelledby="toc-heading" className="rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200 print:hidden">
          <h2 id="toc-heading" className="text-sm font-bold uppercase tracking-wide text-slate-700">
            {t("article.contents")}
          </h2>
          <ol className="mt-2 space-y-1 text-sm">
            {article.toc.map((entry) => (
              <li key={entry.id} className={entry.depth === 3 ? "ml-4" : ""}>
                <a href={`#${entry.id}`} className="text-indigo-800 hover:underline">
                  {entry.text}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      )}

      <div className="prose prose-slate max-w-none prose-headings:scroll-mt-4 prose-pre:bg-slate-900" dangerouslySetInnerHTML={{ __html: article.html }} />

      {article.more.length > 0 && (
        <section aria-labelledby="more-heading" className="space-y-3 border-t border-slate-200 pt-6 print:hidden">
          <h2 id="more-heading" className="text-xl font-bold">
            {t("article.moreFrom", { edition })}
          </h2>
          <ArticleGrid articles={article.more} />
        </section>
      )}
    </article>
  );
}
