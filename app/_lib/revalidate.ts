// Cached public pages expire when a domain event says what changed: the one
// subscriber of app/_lib/subscribers.ts applies expiryFor's answer here.
import "server-only";
import { revalidatePath, revalidateTag } from "next/cache";
import { editionArticleSlugs } from "@/lib/articles/queries";
import { editionNumberOf } from "@/lib/editions/queries";
import { getDb } from "@/lib/platform/db";
import type { DomainEvent } from "@/lib/platform/events";
import { CACHE_TAGS, changesCachedPages, expiryFor } from "./cache-expiry";

/** Expired at once, not served stale once more: the next reader sees the change. */
const NOW = { expire: 0 };

export async function expireCachedPages(event: DomainEvent) {
  if (!changesCachedPages(event)) return; // a ballot's count mustn't cost a query
  const db = getDb();
  // an article's event carries the pages it changed; the others name their edition by id
  const number = "pages" in event ? null : await editionNumberOf(db, event.editionId);
  const { tags, paths, articlesOf } = expiryFor(event, number);
  // what changed for sure first: a failing lookup of the articles mustn't leave the rest stale
  for (const tag of tags) revalidateTag(tag, NOW);
  for (const { path, type } of paths) revalidatePath(path, type);
  // the lists' tag is among `tags` whenever `articlesOf` is given: only the article pages remain
  for (const slug of await editionArticleSlugs(db, articlesOf)) revalidateTag(CACHE_TAGS.article(slug), NOW);
}
