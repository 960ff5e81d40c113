// /articles — every published article, newest first: filters (edition, kind
// of topic, author, tag), full-text search with highlighted passages, pages.
// Open to everyone; a plain GET form, so it works without JavaScript.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { cachedArticleList, cachedFacets } from "@/app/_lib/public-data";
import { ArticleGrid } from "@/components/articles/article-card";
import { EmptyState, PageHeader } from "@/components/ui";
import { formatEditionNumber } from "@/lib/editions/rules";
import { articleQuerySchema } from "@/lib/articles/schemas";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = articleQuerySchema.parse(flatten(await searchParams));
  const t = await getTranslations("articles");
  return {
    title: query.q ? t("metaTitleSearch", { query: query.q }) : t("metaTitle"),
    description: t("metaDescription"),
    alternates: { canonical: "/articles", types: { "application/atom+xml": "/feed.xml" } },
    // one canonical list; filtered and searched pages aren't worth indexing on their own
    robots: Object.keys(query).length > 0 ? { index: false, follow: true } : undefined,
  };
}

const flatten = (params: Record<string, string | string[] | undefined>) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

function pageHref(query: Record<string, string | number | undefined>, page: number) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, page: page > 1 ? page : undefined })) if (v !== undefined && String(v) !== "") params.set(k, String(v));
  const qs = params.toString();
  return qs ? `/articles?${qs}` : "/articles";
}

const field = "mt-1 block w-full rounded-lg bg-white px-3 py-2 text-base ring-1 ring-slate-300 focus:ring-2 focus:ring-indigo-600";

export default async function ArticlesPage({ searchParams }: Props) {
  const query = articleQuerySchema.parse(flatten(await searchParams));
  const [list, facets, t, tl] = await Promise.all([cachedArticleList(query), cachedFacets(), getTranslations("articles.list"), getTranslations("labels")]);
  const linkQuery = {
    q: query.q,
    edition: query.edition ? formatEditionNumber(query.edition) : undefined,
    kind: query.kind,
    tag: query.tag,
    author: query.author,
  };
  const authorName = facets.authors.find((a) => a.key === query.author)?.name ?? query.author;
  const filtered = Object.values(linkQuery).some(Boolean);

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} eyebrow={<Link href="/editions">{t("everyEdition")}</Link>}>
        <a href="/feed.xml" className="text-sm font-semibold text-indigo-800 underline">
          {t("atomFeed")}
        </a>
      </PageHeader>

      <form
        action="/articles"
        method="get"
        role="search"
        aria-label={t("searchLabel")}
        className="grid gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-6"
      >
        <label className="text-sm font-semibold sm:col-span-2 lg:col-span-2">
          {t("search")}
          <input type="search" name="q" defaultValue={query.q} placeholder={t("searchPlaceholder")} className={field} />
        </label>
        <FilterSelect
          name="edition"
          label={t("edition")}
          all={t("all")}
          value={linkQuery.edition}
          options={facets.editions.map((e) => ({ value: formatEditionNumber(e.number), label: `${formatEditionNumber(e.number)} (${e.count})` }))}
        />
        <FilterSelect
          name="kind"
          label={t("kind")}
          all={t("all")}
          value={query.kind}
          options={facets.kinds.map((k) => ({ value: k, label: tl(`topicKind.${k}`) }))}
        />
        <FilterSelect
          name="author"
          label={t("author")}
          all={t("all")}
          value={query.author}
          options={facets.authors.map((a) => ({ value: a.key, label: `${a.name} (${a.count})` }))}
        />
        <FilterSelect
          name="tag"
          label={t("tag")}
          all={t("all")}
          value={query.tag}
          options={facets.tags.map((tag) => ({ value: tag.tag, label: `#${tag.tag} (${tag.count})` }))}
        />
        <div className="flex flex-wrap items-end gap-3 sm:col-span-2 lg:col-span-6">
          <button
            type="submit"
            className="inline-flex min-h-11 items-center rounded-lg bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800"
          >
            {t("submit")}
          </button>
          {filtered && (
            <Link href="/articles" className="text-sm font-semibold text-indigo-800 underline">
              {t("clearFilters")}
            </Link>
          )}
        </div>
      </form>

      <p className="text-sm text-slate-700" aria-live="polite" data-testid="article-count">
        {list.total === 0
          ? t("noMatch")
          : t("count", {
              total: list.total,
              withQuery: query.q ? "yes" : "no",
              query: query.q ?? "",
              withAuthor: query.author ? "yes" : "no",
              author: authorName ?? "",
              withTag: query.tag ? "yes" : "no",
              tag: query.tag ?? "",
              withEdition: query.edition ? "yes" : "no",
              edition: query.edition ? formatEditionNumber(query.edition) : "",
              paged: list.pages > 1 ? "yes" : "no",
              page: list.page,
              pages: list.pages,
            })}
      </p>

      {list.items.length > 0 ? (
        <ArticleGrid articles={list.items} headingLevel={2} />
      ) : (
        <EmptyState>{filtered ? t("emptyFiltered") : t("emptyNone")}</EmptyState>
      )}

      {list.pages > 1 && (
        <nav aria-label={t("pages")} className="flex flex-wrap items-center justify-center gap-2">
          {list.page > 1 && (
            <Link href={pageHref(linkQuery, list.page - 1)} rel="prev" className="rounded-lg px-3 py-2 font-semibold text-indigo-800 ring-1 ring-slate-300">
              ← {t("newer")}
            </Link>
          )}
          {Array.from({ length: list.pages }, (_, i) => i + 1)
            .filter((p) => p === 1 || p === list.pages || Math.abs(p - list.page) <= 2)
            .map((p, i, shown) => (
              <span key={p} className="flex items-center gap-2">
                {i > 0 && p - shown[i - 1] > 1 && <span aria-hidden="true">…</span>}
                <Link
                  href={pageHref(linkQuery, p)}
                  aria-current={p === list.page ? "page" : undefined}
                  className={`min-w-11 rounded-lg px-3 py-2 text-center font-semibold ring-1 ring-slate-300 ${p === list.page ? "bg-indigo-700 text-white" : "text-indigo-800"}`}
                >
                  <span className="sr-only">{t("page")} </span>
                  {p}
                </Link>
              </span>
            ))}
          {list.page < list.pages && (
            <Link href={pageHref(linkQuery, list.page + 1)} rel="next" className="rounded-lg px-3 py-2 font-semibold text-indigo-800 ring-1 ring-slate-300">
              {t("older")} →
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}

/** One of the list's filters: "All" (`all`, in the reader's language), then the choices; a value that isn't among them (a followed link) is kept. */
function FilterSelect({
  name,
  label,
  all,
  value,
  options,
}: {
  name: string;
  label: string;
  all: string;
  value: string | undefined;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="text-sm font-semibold">
      {label}
      <select name={name} defaultValue={value ?? ""} className={field}>
        <option value="">{all}</option>
        {value && !options.some((o) => o.value === value) && <option value={value}>{value}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
