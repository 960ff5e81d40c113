// The public pages' data, cached across requests (Next's data cache) and
// expired by tag when a domain event says it changed (app/_lib/cache-expiry.ts): a
// reader's page costs no database query until an article, a prize or an
// edition changes. The cache stores JSON, so dates travel as ISO strings.
import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_cache } from "next/cache";
import {
  articleFacets,
  articleIndex,
  editionWinners,
  feedArticles,
  latestArticles,
  listArticles,
  publishedArticle,
  type ArticleCard,
  type ArticleFilters,
} from "@/lib/articles/queries";
import { getDb } from "@/lib/platform/db";
import { currentEdition } from "@/lib/editions/queries";
import { listJuryPrizes } from "@/lib/prizes/queries";
import { announcedPrizes } from "@/lib/votes/queries";
import { DomainError } from "@/lib/platform/errors";
import { CACHE_TAGS } from "./cache-expiry";

// Next keeps this cache on disk between restarts, but a restarted server may
// face another database (the demo reseeds, the browser tests start fresh):
// each server process keys its entries anew.
const g = globalThis as unknown as { hexathonCacheEpoch?: string };
const EPOCH = (g.hexathonCacheEpoch ??= randomUUID());

type Jsonified<T> = T extends Date ? string : T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;
const json = <T>(value: T) => JSON.parse(JSON.stringify(value)) as Jsonified<T>;

export type PublicCard = Jsonified<ArticleCard>;

export const cachedArticleList = unstable_cache(async (filters: ArticleFilters) => json(await listArticles(getDb(), filters)), ["article-list", EPOCH], {
  tags: [CACHE_TAGS.articles],
});

export const cachedFacets = unstable_cache(async () => json(await articleFacets(getDb())), ["article-facets", EPOCH], { tags: [CACHE_TAGS.articles] });

/** The feed's latest articles in full. */
export const cachedFeed = unstable_cache(async (take: number) => json(await feedArticles(getDb(), take)), ["article-feed", EPOCH], {
  tags: [CACHE_TAGS.articles],
});

/** Every article's address and dates: the sitemap (a crawler's visit costs no scan of the archive). */
export const cachedArticleIndex = unstable_cache(async () => json(await articleIndex(getDb())), ["article-index", EPOCH], { tags: [CACHE_TAGS.articles] });

export const cachedLatest = unstable_cache(async (take: number) => json(await latestArticles(getDb(), take)), ["article-latest", EPOCH], {
  tags: [CACHE_TAGS.articles],
});

/**
 * One article's page data, or null when it isn't published (not cached: a 404
 * shouldn't outlive a publication). Tagged with its own tag only: the page is
 * stored whole, and a publication expires exactly the pages it shows on
 * (article.published and article.unpublished in app/_lib/cache-expiry.ts).
 */
export async function cachedArticle(slug: string) {
  const load = unstable_cache(async () => json(await publishedArticle(getDb(), slug)), ["article", slug, EPOCH], { tags: [CACHE_TAGS.article(slug)] });
  try {
    return await load();
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

export const cachedWinners = unstable_cache(async (editionId: string) => editionWinners(getDb(), editionId), ["edition-winners", EPOCH], {
  tags: [CACHE_TAGS.editions],
});

/** An edition page's prizes: the revealed podium, the public's favourite, the jury prizes awarded (expired when a prize is announced). */
export const cachedEditionPrizes = unstable_cache(
  async (editionId: string) => {
    const db = getDb();
    const [announced, jury] = await Promise.all([announcedPrizes(db, editionId), listJuryPrizes(db, null, editionId)]);
    return json({ announced, jury: jury.map((p) => ({ id: p.id, name: p.name, team: p.team })) });
  },
  ["edition-prizes", EPOCH],
  { tags: [CACHE_TAGS.editions] },
);

/**
 * The edition every visitor's header links to: the current one
 * (lib/editions/rules.ts: the live one, else the newest forming, else the
 * newest finished). Expired when an edition's phase, number or dates change
 * (the events edition.created, edition.updated, phase.changed, vote.opened and
 * vote.closed in app/_lib/cache-expiry.ts).
 */
export const cachedPublicEditionNumber = unstable_cache(async () => (await currentEdition(getDb(), null))?.number ?? null, ["public-edition", EPOCH], {
  tags: [CACHE_TAGS.currentEdition],
});
