// Cached public pages expire when a domain event says what changed: the one
// subscriber of app/_lib/subscribers.ts applies expiryFor's answer here.
//
// Inside a request (an action, a route), Next's revalidateTag and
// revalidatePath expire the tags as the response goes out and refresh the
// acting browser's page. An event heard outside a request (another
// instance's, or a tournament finishing in the background) has no request to
// ride on, so the same tags are also expired in this process's cache at once,
// as Next does at the end of a request: the incremental cache's revalidateTag,
// with a path's implicit tag. The two-instance tests hold it.
import "server-only";
import { revalidatePath, revalidateTag } from "next/cache";
import { articleIndex, editionArticleSlugs } from "@/lib/articles/queries";
import { editionNumberOf } from "@/lib/editions/queries";
import { getDb } from "@/lib/platform/db";
import { LOCALES } from "@/lib/platform/locale";
import { currentPageStore } from "@/lib/platform/page-store";
import type { DomainEvent, Subscriber } from "@/lib/platform/events";
import { CACHE_TAGS, changesCachedPages, expiryFor, type Expiry } from "./cache-expiry";

/** Expired at once, not served stale once more: the next reader sees the change. */
const NOW = { expire: 0 };

type Path = Expiry["paths"][number];
type IncrementalCache = { revalidateTag(tags: string[], durations?: { expire?: number }): Promise<void> };

/** The tag Next gives the pages under a path (revalidatePath's), e.g. "_N_T_/editions/0x09/layout". */
export function pathTag({ path, type }: Path): string {
  const base = `_N_T_${path.replace(/\/+$/, "") || "/"}`;
  return `${base}${base.endsWith("/") ? "" : "/"}${type}`;
}

/** Next renders each page once per language, under app/[locale]/: "/editions/0x09" is "/en/editions/0x09" and "/fr/editions/0x09". */
const inEveryLocale = (paths: Path[]): Path[] =>
  paths.flatMap(({ path, type }) => LOCALES.map((locale) => ({ type, path: `/${locale}${path === "/" ? "" : path}` })));

async function expire(tags: string[], paths: Path[]) {
  const rendered = inEveryLocale(paths);
  try {
    for (const tag of tags) revalidateTag(tag, NOW);
    for (const { path, type } of rendered) revalidatePath(path, type);
  } catch (error) {
    if (!/static generation store missing/.test((error as Error).message)) throw error;
  }
  // Next's cache of this process exists once it has served a request; before that, nothing is cached in memory
  const cache = (globalThis as { __incrementalCache?: IncrementalCache }).__incrementalCache;
  await cache?.revalidateTag([...tags, ...rendered.map(pathTag)], NOW);
  // then the pages served before Next: a reader asking in between gets Next's fresh page, and it is kept
  currentPageStore()?.expire(tags, paths);
}

export const expireCachedPages: Subscriber = async (event: DomainEvent) => {
  if (!changesCachedPages(event)) return; // a ballot's count mustn't cost a query
  const db = getDb();
  // an article's event carries the pages it changed; the others name their edition by id
  const number = "pages" in event ? null : await editionNumberOf(db, event.editionId);
  const { tags, paths, articlesOf } = expiryFor(event, number);
  // what changed for sure first: a failing lookup of the articles mustn't leave the rest stale
  await expire(tags, paths);
  // the lists' tag is among `tags` whenever `articlesOf` is given: only the article pages remain
  await expire((await editionArticleSlugs(db, articlesOf)).map(CACHE_TAGS.article), []);
};

/** Events from the other instances may have been missed: every public page and its data expire. */
expireCachedPages.missed = async () => {
  const slugs = (await articleIndex(getDb())).map((a) => CACHE_TAGS.article(a.slug));
  await expire([CACHE_TAGS.articles, CACHE_TAGS.editions, CACHE_TAGS.currentEdition, ...slugs], [{ path: "/", type: "layout" }]);
};
