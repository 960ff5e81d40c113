// Which cached public pages each domain event makes stale: a plain function,
// so a unit test can hold every event to an answer. revalidate.ts applies it.
import type { DomainEvent } from "@/lib/platform/events";
import { formatEditionNumber } from "@/lib/editions/rules";
import { isStoredPage } from "@/lib/platform/content-security-policy";

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

/**
 * The tags of a page stored whole (lib/platform/page-store.ts), from its
 * decoded path: an article's page shows its article and the header's link to
 * the current edition. Null for every other page.
 */
export function storedPageTags(path: string): string[] | null {
  if (!isStoredPage(path)) return null;
  const slug = path.split("/")[2];
  return [CACHE_TAGS.article(slug), CACHE_TAGS.currentEdition];
}

export type Expiry = {
  tags: string[];
  paths: { path: string; type: "page" | "layout" }[];
  /** editions whose every article page shows what changed ("More from", the edition's name) */
  articlesOf: number[];
};

/** Everything under /editions/<hex> shows the same topics, teams, challenges and prizes. */
const editionPages = (number: number): Expiry => ({
  tags: [CACHE_TAGS.editions],
  paths: [
    { path: `/editions/${formatEditionNumber(number)}`, type: "layout" },
    { path: "/", type: "page" },
  ],
  articlesOf: [],
});

const join = (...parts: Expiry[]): Expiry => ({
  tags: [...new Set(parts.flatMap((p) => p.tags))],
  paths: parts.flatMap((p) => p.paths),
  articlesOf: [...new Set(parts.flatMap((p) => p.articlesOf))],
});

/** The header's link to the current edition (lib/editions/rules.ts) may change, on every page. */
const currentEdition: Expiry = { tags: [CACHE_TAGS.currentEdition], paths: [], articlesOf: [] };

const NOTHING: Expiry = { tags: [], paths: [], articlesOf: [] };

/** Events that only open screens show (app/_lib/live-updates.ts): no cached page changes, nothing is looked up. */
export function changesCachedPages(event: DomainEvent): boolean {
  return (
    event.type !== "stage.changed" &&
    event.type !== "ballot.cast" &&
    event.type !== "tournament.progressed" &&
    event.type !== "judging.changed" &&
    event.type !== "article.review"
  );
}

/**
 * What `event` makes stale. `editionNumber` is the number of the edition it
 * concerns, as it is now (null: the edition is gone).
 */
export function expiryFor(event: DomainEvent, editionNumber: number | null): Expiry {
  if (event.type === "article.published" || event.type === "article.unpublished") {
    // where the article is now and where it was: its page at each address, those editions' pages and
    // their articles' pages (their "More from"), every list; the other editions' article pages stay stored
    const numbers = [...new Set(event.pages.map((p) => p.editionNumber))];
    return {
      tags: [CACHE_TAGS.articles, ...event.pages.map((p) => CACHE_TAGS.article(p.slug))],
      paths: numbers.map((n) => ({ path: `/editions/${formatEditionNumber(n)}`, type: "page" as const })),
      articlesOf: numbers,
    };
  }
  if (!changesCachedPages(event)) return NOTHING;
  if (editionNumber === null) return join(currentEdition, { tags: [CACHE_TAGS.editions], paths: [{ path: "/", type: "page" }], articlesOf: [] });
  const edition = editionPages(editionNumber);
  switch (event.type) {
    case "edition.created":
    case "phase.changed":
    case "vote.opened":
    case "vote.closed":
      // the phase decides which edition is current
      return join(edition, currentEdition);
    case "edition.updated":
      // its number or dates may change the current edition, and its articles' pages name it
      return join(edition, currentEdition, { tags: [CACHE_TAGS.articles], paths: [], articlesOf: [editionNumber] });
    case "agenda.changed":
    case "topics.changed":
    case "teams.changed":
    case "challenges.changed":
    case "prizes.changed":
    case "podium.revealed":
    case "ballots.voided":
    case "judging.published":
      return edition;
    case "stage.changed":
    case "ballot.cast":
    case "tournament.progressed":
    case "judging.changed":
    case "article.review":
      return NOTHING;
  }
}
