// Articles: the teams' write-ups, and the organizers' own (a retrospective,
// a backfilled edition). Authors write a working copy (autosaved, versioned so
// two co-authors never overwrite each other silently), submit it for review;
// organizers comment, request changes, publish or unpublish. Publishing
// renders the Markdown once and copies the article into PublishedArticle,
// which is all the public pages and the search ever read: editing a published
// article changes nothing public until it is published again ("updated on").
import { announce } from "../platform/events";
import type { REVIEW_ACTIONS } from "./schemas";
import { renderArticle } from "./markdown";
import { indexArticle, unindexArticle } from "./search";
import { dbKind, type Db, type Tx } from "../platform/db";
import { canSeeEdition } from "../editions/rules";
import { conflict, forbidden, invalid, isUniqueViolation, notFound } from "../platform/errors";
import { assertOrganizer, isOrganizer, requireActor, type Actor } from "../people/rules";
import { authorKey, MAX_TAGS, normalizeTag, parseTags, slugify, teamArticlesOpen } from "./rules";
import { formatTime } from "../platform/time";
import { msg } from "../platform/messages";
import { assertCanEdit, loadArticle, imageSizes } from "./queries";

export type NewArticle = { editionId: string; teamId: string | null; title: string };

/**
 * Starts an article. A team's article has the team's members as co-authors
 * (the one starting it first); an organizer's has the organizer.
 */
export async function createArticle(db: Db, actor: Actor | null, input: NewArticle, options: { importKey?: string } = {}) {
  const me = requireActor(actor);
  const edition = await db.edition.findUnique({ where: { id: input.editionId } });
  if (!edition || !canSeeEdition(me, edition)) throw notFound(msg("articles.start.editionNotFound"));
  const membership = await db.teamMember.findUnique({ where: { editionId_userId: { editionId: edition.id, userId: me.id } } });
  assertCanStart(me, edition, input.teamId, membership);
  const team = input.teamId
    ? await db.team.findUnique({ where: { id: input.teamId }, include: { members: { include: { user: true }, orderBy: { joinedAt: "asc" } } } })
    : null;
  if (input.teamId && (!team || team.editionId !== edition.id)) throw notFound(msg("articles.start.teamNotInEdition"));
  const members = team?.members.map((m) => m.user) ?? [];
  const authors = [...members.filter((u) => u.id === me.id), ...members.filter((u) => u.id !== me.id)];
  if (authors.length === 0) authors.push(await db.user.findUniqueOrThrow({ where: { id: me.id } }));
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await db.article.create({
        data: {
          editionId: edition.id,
          teamId: team?.id ?? null,
          topicId: team?.topicId ?? null,
          slug: await freeSlug(db, input.title),
          title: input.title,
          createdById: me.id,
          importKey: options.importKey ?? null,
          authors: { create: authors.map((u, position) => ({ userId: u.id, name: u.name, position })) },
        },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // two articles took the same slug at once: find the next one
    }
  }
  throw conflict(msg("articles.start.slugRace"));
}

export type ArticleDraft = { title: string; slug?: string; summary: string; body: string; tags: string[]; coverFile: string | null; coverAlt: string };

/**
 * Saves the working copy (the editor's autosave). `version` is the one the
 * editor started from: if a co-author saved meanwhile, nothing is written and
 * the caller hears who and when, to merge by hand rather than lose either.
 */
export async function saveArticle(db: Db, actor: Actor | null, id: string, draft: ArticleDraft, version: number) {
  const article = await loadArticle(db, id);
  assertCanEdit(actor, article);
  const tags = [...new Set(draft.tags.map(normalizeTag).filter(Boolean))];
  if (tags.length > MAX_TAGS) throw invalid(msg("articles.draft.tooManyTags", { max: MAX_TAGS }), "tags");
  if (draft.coverFile && !(await db.upload.findUnique({ where: { file: draft.coverFile } })))
    throw invalid(msg("articles.draft.coverNotUploaded"), "coverFile");
  const published = await db.publishedArticle.findUnique({ where: { articleId: id }, select: { slug: true } });
  let slug = article.slug;
  if (draft.slug !== undefined && draft.slug !== article.slug) {
    if (published) throw invalid(msg("articles.draft.slugKept"), "slug");
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(draft.slug) || draft.slug.length < 3) throw invalid(msg("articles.draft.slugFormat"), "slug");
    const taken = await db.article.findUnique({ where: { slug: draft.slug }, select: { id: true } });
    if (taken && taken.id !== id) throw conflict(msg("articles.draft.slugTaken"), "slug");
    slug = draft.slug;
  }
  // control characters have no place in prose, and two of them delimit search highlights
  const clean = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
  const data = {
    title: clean(draft.title),
    slug,
    summary: clean(draft.summary),
    body: clean(draft.body),
    tags: JSON.stringify(tags),
    coverFile: draft.coverFile,
    coverAlt: draft.coverAlt,
    version: { increment: 1 },
    // a published article edited: the change waits for review
    ...(article.status === "PUBLISHED" && { pendingChanges: true }),
  };
  const saved = await db.article.updateMany({ where: { id, version }, data }).catch((error) => {
    if (isUniqueViolation(error)) throw conflict(msg("articles.draft.slugTaken"), "slug");
    throw error;
  });
  if (saved.count === 0) {
    const current = await db.article.findUniqueOrThrow({ where: { id }, select: { version: true, updatedAt: true, edition: { select: { timezone: true } } } });
    // the time on the edition's 24-hour clock, the same in every language
    throw conflict(
      msg("articles.draft.coAuthorSaved", {
        version: current.version,
        time: formatTime(current.updatedAt, current.edition.timezone, { seconds: true }),
      }),
    );
  }
  return db.article.findUniqueOrThrow({ where: { id }, select: { id: true, version: true, updatedAt: true, status: true, pendingChanges: true, slug: true } });
}

export type AuthorInput = { userId: string } | { name: string };

/** Sets the authors, in order: people with an account, or guests by name. At least one. */
export async function setAuthors(db: Db, actor: Actor | null, id: string, authors: AuthorInput[]) {
  const article = await loadArticle(db, id);
  assertCanEdit(actor, article);
  if (authors.length === 0) throw invalid(msg("articles.authors.atLeastOne"), "authors");
  if (authors.length > 20) throw invalid(msg("articles.authors.tooMany"), "authors");
  const userIds = authors.flatMap((a) => ("userId" in a ? [a.userId] : []));
  if (new Set(userIds).size !== userIds.length) throw invalid(msg("articles.authors.twice"), "authors");
  const users = new Map((await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u]));
  const rows = authors.map((a, position) => {
    if ("userId" in a) {
      const user = users.get(a.userId);
      if (!user) throw invalid(msg("articles.authors.noAccount"), "authors");
      return { articleId: id, userId: user.id, name: user.name, position };
    }
    const name = a.name.trim();
    if (name.length < 2 || name.length > 80) throw invalid(msg("articles.authors.nameLength"), "authors");
    return { articleId: id, userId: null, name, position };
  });
  await db.$transaction(async (tx) => {
    await tx.articleAuthor.deleteMany({ where: { articleId: id } });
    await tx.articleAuthor.createMany({ data: rows });
    if (article.status === "PUBLISHED") await tx.article.update({ where: { id }, data: { pendingChanges: true } });
  });
  return rows;
}

/** Authors ask the organizers to publish (a new article, or changes to a published one). */
export async function submitForReview(db: Db, actor: Actor | null, id: string) {
  const article = await loadArticle(db, id);
  const me = assertCanEdit(actor, article);
  if (article.status === "IN_REVIEW") throw invalid(msg("articles.review.inReviewAlready"));
  if (article.status === "PUBLISHED" && !article.pendingChanges) throw invalid(msg("articles.review.nothingChanged"));
  assertPublishable(article);
  await db.article.update({ where: { id }, data: { status: "IN_REVIEW" } });
  await addEvent(db, id, me, "SUBMITTED");
  await announce({ type: "article.review", editionId: article.editionId, articleId: id, step: "SUBMITTED", actorId: me.id });
}

/** A comment in the review's conversation, by an author or an organizer. */
export async function commentOnArticle(db: Db, actor: Actor | null, id: string, body: string) {
  const article = await loadArticle(db, id);
  const me = assertCanEdit(actor, article);
  return addEvent(db, id, me, "COMMENT", body);
}

/** Organizers send it back to its authors, saying what to change. */
export async function requestChanges(db: Db, actor: Actor | null, id: string, comment: string) {
  const me = assertOrganizer(actor, msg("articles.doing.review"));
  const article = await loadArticle(db, id);
  if (article.status !== "IN_REVIEW") throw invalid(msg("articles.review.notInReview"));
  const published = await db.publishedArticle.findUnique({ where: { articleId: id }, select: { articleId: true } });
  // a published article's changes go back to its authors; the published text stays as it is
  await db.article.update({ where: { id }, data: { status: published ? "PUBLISHED" : "DRAFT" } });
  await addEvent(db, id, me, "CHANGES_REQUESTED", comment);
  await announce({ type: "article.review", editionId: article.editionId, articleId: id, step: "CHANGES_REQUESTED", actorId: me.id });
}

/**
 * Organizers publish: the working copy is rendered and copied to the public
 * side in one transaction, with its search index entry. Publishing again
 * (after changes) keeps the first publication date and shows "updated on".
 */
export async function publishArticle(db: Db, actor: Actor | null, id: string, now = new Date(), options: { publishedAt?: Date } = {}) {
  const me = assertOrganizer(actor, msg("articles.doing.publish"));
  const kind = dbKind(db);
  const article = await loadArticle(db, id);
  assertPublishable(article);
  const [edition, team, topic, previous] = await Promise.all([
    db.edition.findUniqueOrThrow({ where: { id: article.editionId } }),
    article.teamId ? db.team.findUnique({ where: { id: article.teamId }, select: { name: true } }) : null,
    article.topicId ? db.topic.findUnique({ where: { id: article.topicId }, select: { kind: true, title: true } }) : null,
    db.publishedArticle.findUnique({ where: { articleId: id }, select: { publishedAt: true, slug: true, editionNumber: true } }),
  ]);
  const rendered = renderArticle(article.body, { imageSizes: await imageSizes(db, article.body, article.coverFile) });
  const tags = parseTags(article.tags);
  const bylines = [...new Map(article.authors.map((a) => [authorKey(a.name), a.name])).entries()];
  const row = {
    slug: article.slug,
    editionId: edition.id,
    editionNumber: edition.number,
    teamName: team?.name ?? null,
    topicKind: topic?.kind ?? null,
    topicTitle: topic?.title ?? null,
    title: article.title,
    summary: article.summary,
    coverFile: article.coverFile,
    coverAlt: article.coverAlt,
    body: article.body,
    html: rendered.html,
    toc: JSON.stringify(rendered.toc),
    authors: JSON.stringify(bylines.map(([key, name]) => ({ key, name }))),
    readingMinutes: rendered.readingMinutes,
    // an import gives the original date of a backfilled article
    publishedAt: options.publishedAt ?? previous?.publishedAt ?? now,
    revisedAt: previous ? now : null,
  };
  await db.$transaction(async (tx) => {
    await tx.publishedArticle.upsert({ where: { articleId: id }, create: { articleId: id, ...row }, update: row });
    await tx.publishedTag.deleteMany({ where: { articleId: id } });
    await tx.publishedTag.createMany({ data: tags.map((tag) => ({ articleId: id, tag })) });
    await tx.publishedAuthor.deleteMany({ where: { articleId: id } });
    await tx.publishedAuthor.createMany({ data: bylines.map(([key, name]) => ({ articleId: id, key, name })) });
    await indexArticle(tx, kind, { articleId: id, title: row.title, summary: row.summary, body: row.body });
    // an autosave that landed while this was rendering isn't part of what went out: it stays pending
    const unchanged = await tx.article.updateMany({ where: { id, version: article.version }, data: { status: "PUBLISHED", pendingChanges: false } });
    if (unchanged.count === 0) await tx.article.update({ where: { id }, data: { status: "PUBLISHED", pendingChanges: true } });
  });
  await addEvent(db, id, me, "PUBLISHED");
  // where it was until now (its address or edition may have changed): those pages change too
  const before = previous && { slug: previous.slug, editionNumber: previous.editionNumber };
  await announce({
    type: "article.published",
    editionId: edition.id,
    pages: [{ slug: row.slug, editionNumber: row.editionNumber }, ...(before ? [before] : [])],
  });
  return { ...row, articleId: id, tags, previous: before };
}

/** Organizers take a published article off the public pages; its authors keep the text. */
export async function unpublishArticle(db: Db, actor: Actor | null, id: string, reason = "") {
  const me = assertOrganizer(actor, msg("articles.doing.unpublish"));
  const kind = dbKind(db);
  const article = await loadArticle(db, id); // an unknown article is "not found", not "not published"
  const published = await db.publishedArticle.findUnique({ where: { articleId: id }, select: { slug: true, editionNumber: true } });
  if (!published) throw invalid(msg("articles.review.notPublished"));
  await db.$transaction(async (tx) => {
    await unindexArticle(tx, kind, id);
    await tx.publishedArticle.delete({ where: { articleId: id } });
    await tx.article.update({ where: { id }, data: { status: "DRAFT", pendingChanges: false } });
  });
  await addEvent(db, id, me, "UNPUBLISHED", reason);
  // the address readers knew (the draft's may have changed since)
  const page = { slug: published.slug, editionNumber: published.editionNumber };
  await announce({ type: "article.unpublished", editionId: article.editionId, pages: [page] });
  return page;
}

/** A draft never published can be deleted by its authors; a published one is unpublished first. */
export async function deleteArticle(db: Db, actor: Actor | null, id: string) {
  const article = await loadArticle(db, id);
  assertCanEdit(actor, article);
  if (await db.publishedArticle.findUnique({ where: { articleId: id }, select: { articleId: true } })) throw invalid(msg("articles.review.unpublishFirst"));
  await db.article.delete({ where: { id } });
}

/** Teams write once they exist and ever after (write-ups come after the event); organizers whenever. */
function assertCanStart(actor: Actor, edition: { phase: string }, teamId: string | null, membership: { teamId: string } | null) {
  if (isOrganizer(actor)) return;
  if (!teamId) throw forbidden(msg("articles.start.noTeamOrganizersOnly"));
  if (membership?.teamId !== teamId) throw forbidden(msg("articles.start.membersOnly"));
  if (!teamArticlesOpen(edition)) throw invalid(msg("articles.start.notYet"));
}

/** A free slug from the title: "my-title", else "my-title-2", "my-title-3"… */
async function freeSlug(db: Db | Tx, title: string, exceptId?: string): Promise<string> {
  const base = slugify(title) || "article";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const taken = await db.article.findUnique({ where: { slug }, select: { id: true } });
    if (!taken || taken.id === exceptId) return slug;
  }
}

async function addEvent(db: Db | Tx, articleId: string, actor: Actor, kind: string, body = "") {
  return db.articleEvent.create({ data: { articleId, actorId: actor.id, actorName: await userName(db, actor.id), kind, body } });
}

function assertPublishable(article: { title: string; summary: string; body: string }) {
  if (article.title.trim().length < 3) throw invalid(msg("articles.review.titleFirst"), "title");
  if (article.summary.trim().length < 10) throw invalid(msg("articles.review.summaryFirst"), "summary");
  if (article.body.trim().length < 50) throw invalid(msg("articles.review.tooShort"), "body");
}

async function userName(db: Db | Tx, id: string) {
  return (await db.user.findUnique({ where: { id }, select: { name: true } }))?.name ?? "Someone";
}

export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** One step of the review workflow; the article's review state after it. */
export async function reviewArticle(db: Db, actor: Actor | null, id: string, action: ReviewAction, comment = "") {
  switch (action) {
    case "submit":
      await submitForReview(db, actor, id);
      break;
    case "comment":
      await commentOnArticle(db, actor, id, comment);
      break;
    case "request-changes":
      await requestChanges(db, actor, id, comment);
      break;
    case "publish":
      await publishArticle(db, actor, id);
      break;
    case "unpublish":
      await unpublishArticle(db, actor, id, comment);
      break;
  }
  return db.article.findUnique({ where: { id }, select: { status: true, pendingChanges: true } });
}
