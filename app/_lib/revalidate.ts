import "server-only";
import { revalidatePath, revalidateTag } from "next/cache";
import { formatEditionNumber } from "@/lib/domain";

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
  /** every list of published articles: /articles, the home page, the edition pages, the feed, the sitemap */
  articles: "articles",
  article: (slug: string) => `article:${slug}`,
  /** the editions with their winners: /editions, the edition pages */
  editions: "editions",
};

/** An article was published, republished or unpublished: its page and every list it may be in. */
export function revalidateArticle(article: { slug: string; editionNumber: number }) {
  revalidateTag(CACHE_TAGS.articles, NOW);
  revalidateTag(CACHE_TAGS.article(article.slug), NOW);
  revalidatePath(`/editions/${formatEditionNumber(article.editionNumber)}`, "page");
}

/** Winners were announced (the podium revealed, a jury prize awarded). */
export function revalidateWinners(number: number) {
  revalidateTag(CACHE_TAGS.editions, NOW);
  revalidatePath(`/editions/${formatEditionNumber(number)}`, "page");
}
