import "server-only";
import { revalidatePath, revalidateTag } from "next/cache";
import { editionArticleSlugs } from "@/lib/articles/queries";
import type { Db } from "@/lib/platform/db";
import { formatEditionNumber } from "@/lib/editions/rules";

/** Everything under /editions/<hex> shows the same topics and teams: refresh it all after a change. */
export function revalidateEdition(number: number) {
  revalidatePath(`/editions/${formatEditionNumber(number)}`, "layout");
  revalidatePath("/", "page");
  revalidateTag(CACHE_TAGS.editions, NOW);
}

/** Expired at once, not served stale once more: the next reader sees the change. */
const NOW = { expire: 0 };

/** The tags of the public pages' cached data (app/_lib/public-data.ts). */
export const CACHE_TAGS = {
  /** every list of published articles: /articles, the home page, the edition pages, the feed, the sitemap (not the article pages) */
  articles: "articles",
  /** one article's stored page and its data */
  article: (slug: string) => `article:${slug}`,
  /** the editions with their winners: /editions, the edition pages */
  editions: "editions",
  /** the edition the header links to, on every page (stored article pages too) */
  currentEdition: "current-edition",
};

/** An edition's phase, number or dates changed: the header's link to the current edition (lib/editions/rules.ts) may change, on every page. */
export function revalidateCurrentEdition() {
  revalidateTag(CACHE_TAGS.currentEdition, NOW);
}

/**
 * An article was published, republished or unpublished (`changed`: where it is
 * now and where it was): its page at each address, those editions' pages, and
 * their articles' pages (their "More from") and every list. Nothing else: the
 * other editions' article pages stay stored.
 */
export async function revalidateArticle(db: Db, changed: { slug: string; editionNumber: number }[]) {
  const editionNumbers = [...new Set(changed.map((c) => c.editionNumber))];
  // what changed for sure first: a failing lookup of the neighbours mustn't leave the article's own page stale
  for (const { slug } of changed) revalidateTag(CACHE_TAGS.article(slug), NOW);
  for (const number of editionNumbers) revalidatePath(`/editions/${formatEditionNumber(number)}`, "page");
  await revalidateEditionArticles(db, editionNumbers);
}

/** These editions' articles changed, or the editions did (renumbered): every list, and each of their articles' pages. */
export async function revalidateEditionArticles(db: Db, editionNumbers: number[]) {
  revalidateTag(CACHE_TAGS.articles, NOW);
  for (const slug of await editionArticleSlugs(db, editionNumbers)) revalidateTag(CACHE_TAGS.article(slug), NOW);
}

/** Winners were announced (the podium revealed, a jury prize awarded). */
export function revalidateWinners(number: number) {
  revalidateTag(CACHE_TAGS.editions, NOW);
  revalidatePath(`/editions/${formatEditionNumber(number)}`, "page");
}
