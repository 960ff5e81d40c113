// An article in a list: cover, title, summary (or the search's matching
// passage), byline, edition, reading time, tags.
import { getLocale, getTranslations } from "next-intl/server";
import Link from "@/components/link";
import type { PublicCard } from "@/app/_lib/public-data";
import { formatEditionNumber } from "@/lib/editions/rules";
import { TOPIC_KIND_LABELS, type TopicKind } from "@/lib/topics/rules";
import { formatDate } from "@/lib/platform/time";
import type { Locale } from "@/lib/platform/locale";

/**
 * "17 January 2020", the day in UTC: an imported article's date is its front
 * matter's day at midnight UTC, which any zone west of Greenwich would show as
 * the day before (the cards don't carry their edition's zone).
 */
export const formatArticleDate = (iso: string, locale: Locale = "en") => formatDate(new Date(iso), "UTC", locale);

export async function Byline({ authors }: { authors: PublicCard["authors"] }) {
  const t = await getTranslations("articles.card");
  return (
    <>
      {authors.map((a, i) => (
        <span key={a.key}>
          {i > 0 && (i === authors.length - 1 ? ` ${t("and")} ` : ", ")}
          <Link href={`/articles?author=${a.key}`} className="underline decoration-slate-400 underline-offset-2 hover:decoration-2">
            {a.name}
          </Link>
        </span>
      ))}
    </>
  );
}

export async function ArticleCard({ article, headingLevel = 3 }: { article: PublicCard; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  const [t, tl, locale] = await Promise.all([getTranslations("articles.card"), getTranslations("labels"), getLocale()]);
  return (
    <article className="flex flex-col overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      {article.coverFile && (
        // a decorative repeat of the article's cover: the title says what it is
        // eslint-disable-next-line @next/next/no-img-element
        <img src={`/uploads/${article.coverFile}`} alt="" loading="lazy" decoding="async" className="aspect-[16/9] w-full object-cover" />
      )}
      <div className="flex flex-1 flex-col gap-2 p-4">
        <p className="text-xs font-semibold text-indigo-800">
          <span className="font-mono">{formatEditionNumber(article.editionNumber)}</span>
          {article.topicKind && ` · ${article.topicKind in TOPIC_KIND_LABELS ? tl(`topicKind.${article.topicKind as TopicKind}`) : article.topicKind}`}
          {article.teamName && ` · ${article.teamName}`}
        </p>
        <Heading className="text-lg font-bold leading-snug">
          <Link href={`/articles/${article.slug}`} className="hover:underline">
            {article.title}
          </Link>
        </Heading>
        {article.snippet ? (
          <p
            className="text-sm text-slate-700 [&_mark]:rounded [&_mark]:bg-amber-200 [&_mark]:px-0.5 [&_mark]:text-slate-900"
            dangerouslySetInnerHTML={{ __html: article.snippet }}
          />
        ) : (
          <p className="text-sm text-slate-700">{article.summary}</p>
        )}
        <p className="mt-auto pt-2 text-sm text-slate-600">
          {t.rich("byline", {
            authors: () => <Byline authors={article.authors} />,
            when: (chunks) => <time dateTime={article.publishedAt}>{chunks}</time>,
            date: formatArticleDate(article.publishedAt, locale),
            minutes: article.readingMinutes,
          })}
        </p>
        <TagList tags={article.tags} />
      </div>
    </article>
  );
}

export function ArticleGrid({ articles, headingLevel }: { articles: PublicCard[]; headingLevel?: 2 | 3 }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {articles.map((a) => (
        <li key={a.articleId} className="flex">
          <ArticleCard article={a} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}

/** An article's tags, each a link to the articles that share it. */
export async function TagList({ tags, className = "" }: { tags: string[]; className?: string }) {
  if (tags.length === 0) return null;
  const t = await getTranslations("articles.card");
  return (
    <ul className={`flex flex-wrap gap-1.5 ${className}`} aria-label={t("tags")}>
      {tags.map((tag) => (
        <li key={tag}>
          <Link href={`/articles?tag=${tag}`} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800 hover:bg-slate-200">
            #{tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}
