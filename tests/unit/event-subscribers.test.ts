// Every domain event changes something a page shows: a cached public page,
// whose tag or path it must expire, or an open screen, whose live feed it must
// reach; or it is news for notifications alone, and says so. A new event
// without an answer fails here (and TypeScript refuses expiryFor without a
// case for it).
import { describe, expect, it } from "vitest";
import { CACHE_TAGS, changesCachedPages, expiryFor, storedPageTags } from "@/app/_lib/cache-expiry";
import { liveFeedFor } from "@/app/_lib/live-updates";
import { EVENT_TYPES, NOTIFICATION_EVENTS, type DomainEvent } from "@/lib/platform/events";

const eventOf = (type: (typeof EVENT_TYPES)[number]): DomainEvent => {
  switch (type) {
    case "article.published":
    case "article.unpublished":
      return {
        type,
        editionId: "e9",
        pages: [
          { slug: "heatmaps", editionNumber: 9 },
          { slug: "heatmaps-old", editionNumber: 8 },
        ],
      };
    case "tournament.progressed":
      return { type, editionId: "e9", progress: { tournamentId: "t1", status: "RUNNING", done: 3, total: 10, etaMs: 7000 } };
    case "phase.changed":
      return { type, editionId: "e9", phase: "VOTING" };
    case "article.review":
      return { type, editionId: "e9", articleId: "a1", step: "SUBMITTED", actorId: "u1" };
    default:
      return { type, editionId: "e9" } as DomainEvent;
  }
};

describe("cache expiry", () => {
  it.each(EVENT_TYPES.filter((type) => changesCachedPages(eventOf(type))))("%s expires the public pages that show it", (type) => {
    const expiry = expiryFor(eventOf(type), 9);
    expect(expiry.tags.length).toBeGreaterThan(0);
    expect(expiry.paths.length + expiry.articlesOf.length).toBeGreaterThan(0);
    // revalidate.ts expires only the article pages of `articlesOf`: the lists must be among the tags
    if (expiry.articlesOf.length) expect(expiry.tags).toContain(CACHE_TAGS.articles);
  });

  const screensOnly = EVENT_TYPES.filter((type) => !changesCachedPages(eventOf(type)) && !NOTIFICATION_EVENTS.includes(type));
  it.each(screensOnly)("%s, which no cached page shows, reaches the open screens", (type) => {
    expect(liveFeedFor(eventOf(type))).not.toBeNull();
    expect(expiryFor(eventOf(type), 9)).toEqual({ tags: [], paths: [], articlesOf: [] });
  });

  it.each([...NOTIFICATION_EVENTS])("%s, news for notifications alone, changes no page", (type) => {
    expect(liveFeedFor(eventOf(type))).toBeNull();
    expect(changesCachedPages(eventOf(type))).toBe(false);
  });

  it("the vote's changes reach every projector and phone, a ballot's count at most four times a second", () => {
    for (const type of ["vote.opened", "vote.closed", "podium.revealed", "ballots.voided"] as const) {
      expect(liveFeedFor(eventOf(type))).toEqual({ feed: "vote", burst: false });
    }
    expect(liveFeedFor(eventOf("ballot.cast"))).toEqual({ feed: "vote", burst: true });
    expect(liveFeedFor(eventOf("challenges.changed"))).toEqual({ feed: "leaderboard", burst: true });
    expect(liveFeedFor(eventOf("topics.changed"))).toBeNull();
  });

  it("an edition's news expires its pages and the editions' data", () => {
    for (const type of [
      "topics.changed",
      "teams.changed",
      "challenges.changed",
      "prizes.changed",
      "agenda.changed",
      "podium.revealed",
      "ballots.voided",
    ] as const) {
      const expiry = expiryFor(eventOf(type), 9);
      expect(expiry.paths).toContainEqual({ path: "/editions/0x09", type: "layout" });
      expect(expiry.tags).toContain(CACHE_TAGS.editions);
    }
  });

  it("whatever may change the current edition expires every page's header", () => {
    for (const type of ["edition.created", "edition.updated", "phase.changed", "vote.opened", "vote.closed"] as const) {
      expect(expiryFor(eventOf(type), 9).tags).toContain(CACHE_TAGS.currentEdition);
    }
    expect(expiryFor(eventOf("topics.changed"), 9).tags).not.toContain(CACHE_TAGS.currentEdition);
  });

  it("a renumbered edition expires its articles' pages, which name it", () => {
    expect(expiryFor(eventOf("edition.updated"), 9).articlesOf).toEqual([9]);
  });

  it("a publication expires the article at each address, both editions' pages and every list, nothing else", () => {
    const expiry = expiryFor(eventOf("article.published"), 9);
    expect(expiry.tags).toEqual([CACHE_TAGS.articles, CACHE_TAGS.article("heatmaps"), CACHE_TAGS.article("heatmaps-old")]);
    expect(expiry.paths).toEqual([
      { path: "/editions/0x09", type: "page" },
      { path: "/editions/0x08", type: "page" },
    ]);
    expect(expiry.articlesOf).toEqual([9, 8]);
  });

  it("an edition that is gone still expires the lists and the header", () => {
    const expiry = expiryFor(eventOf("phase.changed"), null);
    expect(expiry.tags).toEqual(expect.arrayContaining([CACHE_TAGS.currentEdition, CACHE_TAGS.editions]));
  });

  it("a page stored whole is an article's, tagged as its article and the header (what expires it in Next's cache too)", () => {
    expect(storedPageTags("/articles/été-2026")).toEqual([CACHE_TAGS.article("été-2026"), CACHE_TAGS.currentEdition]);
    for (const other of ["/articles", "/articles/", "/articles/a/b", "/editions/0x09", "/"]) expect(storedPageTags(other)).toBeNull();
    // whatever changes an article's page names it by one of those tags
    const published = expiryFor(eventOf("article.published"), null);
    for (const { slug } of (eventOf("article.published") as unknown as { pages: { slug: string }[] }).pages)
      expect(published.tags).toContain(storedPageTags(`/articles/${slug}`)![0]);
    expect(expiryFor(eventOf("phase.changed"), 9).tags).toContain(storedPageTags("/articles/x")![1]);
  });
});
