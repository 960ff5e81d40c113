// What readers browse, without an account: the published articles (lists
// with filters, full-text search and pages; one article), and the editions
// with their winners, read from the public side only (PublishedArticle), so
// nothing unpublished or half-edited ever shows there; and, for their authors,
// the working copies they may edit and preview.
import { searchArticles } from "./search";
import { type TocEntry, renderArticle, UPLOAD_PATH, type ImageSize } from "./markdown";
import type { Db, Tx } from "../platform/db";
import { TOPIC_KINDS, type TopicKind } from "../topics/rules";
import { notFound, forbidden } from "../platform/errors";
import { msg } from "../platform/messages";
import { listJuryPrizes } from "../prizes/queries";
import { announcedPrizes } from "../votes/queries";
import { isOrganizer, requireActor, type Actor } from "../people/rules";
import { parseTags, ArticleWithAuthors, canEditArticle, teamArticlesOpen } from "./rules";
import { formatEditionNumber } from "../editions/rules";
import { listEditions } from "../editions/queries";

export const ARTICLES_PER_PAGE = 12;

export type ArticleFilters = { edition?: number; kind?: TopicKind; author?: string; tag?: string; q?: string; page?: number };

export type ArticleCard = {
  articleId: string;
  slug: string;
  title: string;
  summary: string;
  coverFile: string | null;
  coverAlt: string;
  editionNumber: number;
  teamName: string | null;
  topicKind: string | null;
  authors: { key: string; name: string }[];
  tags: string[];
  readingMinutes: number;
  publishedAt: Date;
  revisedAt: Date | null;
  /** with a search: the best matching passage, as HTML with <mark> */
  snippet?: string;
};

/** A page of published articles, newest first, or best match first with a search. */
export async function listArticles(db: Db, filters: ArticleFilters): Promise<{ items: ArticleCard[]; total: number; page: number; pages: number }> {
  const page = Math.max(1, filters.page ?? 1);
  const skip = (page - 1) * ARTICLES_PER_PAGE;
  const where = whereOf(filters);
  const filtered = Object.keys(where).length > 0;
  if (filters.q?.trim()) {
    // the other filters first (indexed), then the search among them
    const among = filtered ? (await db.publishedArticle.findMany({ where, select: { articleId: true } })).map((a) => a.articleId) : undefined;
    const { hits, total } = await searchArticles(db, filters.q, { limit: ARTICLES_PER_PAGE, offset: skip, among });
    const rows = await db.publishedArticle.findMany({ where: { articleId: { in: hits.map((h) => h.articleId) } }, select: cardSelect });
    const byId = new Map(rows.map((r) => [r.articleId, r]));
    const items = hits.flatMap((h) => {
      const row = byId.get(h.articleId);
      return row ? [{ ...toCard(row), snippet: h.snippet }] : [];
    });
    return { items, total, page, pages: Math.max(1, Math.ceil(total / ARTICLES_PER_PAGE)) };
  }
  const [rows, total] = await Promise.all([
    db.publishedArticle.findMany({ where, orderBy: [{ publishedAt: "desc" }, { articleId: "desc" }], skip, take: ARTICLES_PER_PAGE, select: cardSelect }),
    db.publishedArticle.count({ where }),
  ]);
  return { items: rows.map(toCard), total, page, pages: Math.max(1, Math.ceil(total / ARTICLES_PER_PAGE)) };
}

/** What the filters offer: editions and topic kinds with articles, the most used tags, the most published authors. */
export async function articleFacets(db: Db) {
  const [editions, kinds, tags, authors] = await Promise.all([
    db.publishedArticle.groupBy({ by: ["editionNumber"], _count: { _all: true }, orderBy: { editionNumber: "desc" } }),
    db.publishedArticle.groupBy({ by: ["topicKind"], _count: { _all: true } }),
    db.publishedTag.groupBy({ by: ["tag"], _count: { _all: true }, orderBy: [{ _count: { tag: "desc" } }, { tag: "asc" }], take: 40 }),
    db.publishedAuthor.groupBy({ by: ["key", "name"], _count: { _all: true }, orderBy: [{ _count: { key: "desc" } }, { name: "asc" }], take: 60 }),
  ]);
  return {
    editions: editions.map((e) => ({ number: e.editionNumber, count: e._count._all })),
    kinds: TOPIC_KINDS.filter((k) => kinds.some((x) => x.topicKind === k)),
    tags: tags.map((t) => ({ tag: t.tag, count: t._count._all })),
    authors: authors.map((a) => ({ key: a.key, name: a.name, count: a._count._all })),
  };
}

export async function latestArticles(db: Db, take = 6) {
  return (await db.publishedArticle.findMany({ orderBy: [{ publishedAt: "desc" }, { articleId: "desc" }], take, select: cardSelect })).map(toCard);
}

/** One published article, with what its page shows around it. */
export async function publishedArticle(db: Db, slug: string) {
  const row = await db.publishedArticle.findUnique({ where: { slug }, select: { ...cardSelect, html: true, toc: true, editionId: true, topicTitle: true } });
  if (!row) throw notFound(msg("articles.access.notPublished"));
  const { html, toc, editionId, topicTitle, ...card } = row;
  const more = await db.publishedArticle.findMany({
    where: { editionNumber: row.editionNumber, articleId: { not: row.articleId } },
    orderBy: { publishedAt: "desc" },
    take: 3,
    select: cardSelect,
  });
  return { ...toCard(card), html, toc: JSON.parse(toc) as TocEntry[], editionId, topicTitle, more: more.map(toCard) };
}

/**
 * The addresses of the published articles of these editions: the article
 * pages a publication in one of them changes (each shows its edition's latest
 * others under "More from 0x…").
 */
export async function editionArticleSlugs(db: Db, editionNumbers: number[]): Promise<string[]> {
  if (editionNumbers.length === 0) return [];
  const rows = await db.publishedArticle.findMany({ where: { editionNumber: { in: [...new Set(editionNumbers)] } }, select: { slug: true } });
  return rows.map((r) => r.slug);
}

/** Every published article's address and dates: the sitemap (no text: it lists them all). */
export async function articleIndex(db: Db) {
  return db.publishedArticle.findMany({ orderBy: { publishedAt: "desc" }, select: { slug: true, publishedAt: true, revisedAt: true } });
}

/** The latest articles in full: the Atom feed. */
export async function feedArticles(db: Db, take: number) {
  return db.publishedArticle.findMany({
    orderBy: [{ publishedAt: "desc" }, { articleId: "desc" }],
    take,
    select: { slug: true, title: true, summary: true, html: true, authors: true, editionNumber: true, publishedAt: true, revisedAt: true },
  });
}

export type EditionWinners = {
  /** `tied`: the place is shared ("=2nd") */
  podium: { place: number; name: string; tied: boolean }[];
  favourite: string | null;
  prizes: { name: string; team: string }[];
};

/** The winners an edition shows once they're announced: the podium, the public's favourite, the jury prizes awarded. */
export async function editionWinners(db: Db, editionId: string): Promise<EditionWinners> {
  const [announced, prizes] = await Promise.all([announcedPrizes(db, editionId), listJuryPrizes(db, null, editionId)]);
  return {
    podium: announced?.podium.map((p) => ({ place: p.place, name: p.name, tied: p.tied })) ?? [],
    favourite: announced?.publicFavourite?.name ?? null,
    prizes: prizes.filter((p) => p.team).map((p) => ({ name: p.name, team: p.team!.name })),
  };
}

const cardSelect = {
  articleId: true,
  slug: true,
  title: true,
  summary: true,
  coverFile: true,
  coverAlt: true,
  editionNumber: true,
  teamName: true,
  topicKind: true,
  authors: true,
  readingMinutes: true,
  publishedAt: true,
  revisedAt: true,
  tags: { select: { tag: true }, orderBy: { tag: "asc" as const } },
};
const toCard = ({ authors, tags, ...row }: CardRow): ArticleCard => ({ ...row, authors: JSON.parse(authors), tags: tags.map((t) => t.tag) });

function whereOf(f: ArticleFilters) {
  return {
    ...(f.edition !== undefined && { editionNumber: f.edition }),
    ...(f.kind && { topicKind: f.kind }),
    ...(f.tag && { tags: { some: { tag: f.tag } } }),
    ...(f.author && { bylines: { some: { key: f.author } } }),
  };
}

type CardRow = { authors: string; tags: { tag: string }[] } & Omit<ArticleCard, "authors" | "tags" | "snippet">;

/** Refuses anyone but the article's authors and organizers (before a route reads what they sent). */
export async function assertMayEditArticle(db: Db, actor: Actor | null, id: string): Promise<void> {
  assertCanEdit(actor, await loadArticle(db, id));
}

/** The working copy, for its authors and organizers, with the review's history. */
export async function articleForEditing(db: Db, actor: Actor | null, id: string) {
  const article = await loadArticle(db, id);
  assertCanEdit(actor, article);
  const [events, edition, team, published] = await Promise.all([
    db.articleEvent.findMany({ where: { articleId: id }, orderBy: { createdAt: "asc" } }),
    db.edition.findUniqueOrThrow({ where: { id: article.editionId } }),
    article.teamId ? db.team.findUnique({ where: { id: article.teamId }, select: { id: true, name: true } }) : null,
    db.publishedArticle.findUnique({ where: { articleId: id }, select: { publishedAt: true, revisedAt: true, slug: true } }),
  ]);
  return { ...article, tags: parseTags(article.tags), events, edition, team, published };
}

/** The working copy as the published page would show it: the editor's preview. */
export async function previewArticle(db: Db, actor: Actor | null, id: string, markdown: string) {
  const article = await loadArticle(db, id);
  assertCanEdit(actor, article);
  return renderArticle(markdown, { imageSizes: await imageSizes(db, markdown, null) });
}

/** The articles a person can edit (theirs; for organizers, every one waiting for review first). */
export async function myArticles(db: Db, actor: Actor | null) {
  const me = requireActor(actor);
  const where = isOrganizer(me) ? {} : { authors: { some: { userId: me.id } } };
  const articles = await db.article.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }],
    take: 200,
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      pendingChanges: true,
      updatedAt: true,
      edition: { select: { number: true } },
      team: { select: { name: true } },
    },
  });
  const rank = (a: (typeof articles)[number]) => (a.status === "IN_REVIEW" ? 0 : 1);
  return isOrganizer(me) ? [...articles].sort((a, b) => rank(a) - rank(b)) : articles;
}

export function assertCanEdit(actor: Actor | null, article: ArticleWithAuthors) {
  const me = requireActor(actor);
  if (!canEditArticle(me, article)) throw forbidden(msg("articles.access.notYours"));
  return me;
}

export async function loadArticle(db: Db | Tx, id: string) {
  const article = await db.article.findUnique({ where: { id }, include: withAuthors });
  if (!article) throw notFound(msg("articles.access.notFound"));
  return article;
}

export async function imageSizes(db: Db | Tx, markdown: string, cover: string | null): Promise<Map<string, ImageSize>> {
  const files = new Set<string>(cover ? [cover] : []);
  for (const match of markdown.matchAll(/\((\/uploads\/[a-f0-9]{16,64}\.[a-z]+)/g)) {
    const file = UPLOAD_PATH.exec(match[1])?.[1];
    if (file) files.add(file);
  }
  if (files.size === 0) return new Map();
  const uploads = await db.upload.findMany({ where: { file: { in: [...files] } }, select: { file: true, width: true, height: true } });
  return new Map(uploads.map((u) => [u.file, { width: u.width, height: u.height }]));
}

const withAuthors = { authors: { orderBy: { position: "asc" as const } } };

export type ArticleStart = { editionId: string; teamId: string | null; label: string };

/** What the reader may start an article for: their team's, in each edition it may be written; organizers also one of no team. */
export async function articleStartChoices(db: Db, actor: Actor | null): Promise<ArticleStart[]> {
  const me = requireActor(actor);
  const [editions, memberships] = await Promise.all([
    listEditions(db, me),
    db.teamMember.findMany({ where: { userId: me.id }, include: { team: { select: { id: true, name: true } } } }),
  ]);
  const teamOf = new Map(memberships.map((m) => [m.editionId, m.team]));
  return editions.flatMap((e) => {
    const team = teamOf.get(e.id);
    const hex = formatEditionNumber(e.number);
    const mine = team && teamArticlesOpen(e) ? [{ editionId: e.id, teamId: team.id, label: `${hex}: ${team.name}` }] : [];
    return isOrganizer(me) ? [...mine, { editionId: e.id, teamId: null, label: `${hex}: no team (organizers)` }] : mine;
  });
}
