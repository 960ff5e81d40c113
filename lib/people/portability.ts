// A person's data: all of it in one download for them, and forgetting them
// when they leave the company. Forgetting keeps what counted (their ballots,
// judgments, team places, topics) under "A former colleague", and removes
// every trace of their name and address: the account's fields, the system's
// own records that name them (audit trails, sign-in failures, emails queued
// to them, chat messages that named them), and, per article as the organizer
// chooses, their byline.
import type { Db } from "../platform/db";
import { forbidden, invalid, notFound } from "../platform/errors";
import { msg } from "../platform/messages";
import { announce, type ArticlePage } from "../platform/events";
import { authorKey } from "../articles/rules";
import { formatEditionNumber } from "../editions/rules";
import { type Actor, assertOrganizer, requireActor } from "./rules";

export const FORMER_COLLEAGUE = "A former colleague";

/** Everything Hexathon keeps about the signed-in person, for them to take away (JSON). */
export async function myData(db: Db, actor: Actor | null) {
  const me = requireActor(actor);
  const user = await db.user.findUniqueOrThrow({
    where: { id: me.id },
    include: {
      topics: { include: { edition: { select: { number: true } } }, orderBy: { createdAt: "asc" } },
      interests: { include: { topic: { select: { title: true, edition: { select: { number: true } } } } }, orderBy: { createdAt: "asc" } },
      memberships: { include: { team: { select: { name: true, edition: { select: { number: true } } } } }, orderBy: { joinedAt: "asc" } },
      authorships: { include: { article: { include: { edition: { select: { number: true } }, published: { select: { slug: true } } } } } },
      emailSettings: true,
      judgments: { include: { track: { select: { name: true, edition: { select: { number: true } } } } }, orderBy: { createdAt: "asc" } },
    },
  });
  const ballots = await db.ballot.findMany({
    where: { userId: me.id },
    include: { edition: { select: { number: true } }, picks: { include: { team: { select: { name: true } } }, orderBy: { rank: "asc" } } },
  });
  const edition = (e: { number: number }) => formatEditionNumber(e.number);
  return {
    exportedAt: new Date().toISOString(),
    profile: {
      name: user.name,
      email: user.email,
      role: user.role,
      department: user.department,
      manager: user.managerEmail,
      signsInWithPassword: !!user.passwordHash,
      createdAt: user.createdAt,
    },
    topicsProposed: user.topics.map((t) => ({
      edition: edition(t.edition),
      title: t.title,
      pitch: t.pitch,
      kind: t.kind,
      status: t.status,
      createdAt: t.createdAt,
    })),
    interests: user.interests.map((i) => ({ edition: edition(i.topic.edition), topic: i.topic.title, since: i.createdAt })),
    teams: user.memberships.map((m) => ({ edition: edition(m.team.edition), team: m.team.name, joinedAt: m.joinedAt })),
    // ballots of votes that required signing in (anonymous ballots belong to a device, not a person)
    ballots: ballots.map((b) => ({
      edition: edition(b.edition),
      castAt: b.createdAt,
      voided: b.voidId !== null,
      picks: b.picks.map((p) => ({ rank: p.rank, team: p.team.name })),
    })),
    articles: user.authorships.map((a) => ({
      edition: edition(a.article.edition),
      title: a.article.title,
      byline: a.name,
      status: a.article.status,
      published: a.article.published ? `/articles/${a.article.published.slug}` : null,
      summary: a.article.summary,
      text: a.article.body,
    })),
    judgments: user.judgments.map((j) => ({
      edition: edition(j.track.edition),
      track: j.track.name,
      kind: j.kind,
      notes: j.notes,
      starred: j.starred,
      at: j.createdAt,
      withdrawn: j.withdrawnAt !== null,
    })),
    emailSettings: Object.fromEntries(user.emailSettings.map((s) => [s.kind, s.mode])),
  };
}

/** What forgetting a person involves, for the organizer who decides: their articles, each with its byline. */
export async function forgetPreview(db: Db, actor: Actor | null, userId: string) {
  assertOrganizer(actor, msg("people.doing.forgetPeople"));
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      forgottenAt: true,
      _count: { select: { topics: true, memberships: true, judgments: true } },
      authorships: { select: { id: true, name: true, article: { select: { id: true, title: true, status: true } } } },
    },
  });
  if (!user || user.forgottenAt) throw notFound(msg("people.forget.notFound"));
  return user;
}

/** Per article the person wrote: keep their name as the byline, or show "A former colleague". */
export type BylineChoice = Record<string, "KEEP" | "FORMER">;

/**
 * Forgets a person who left: an organizer's decision, for someone other than
 * themselves. Every article they co-wrote needs a byline choice.
 */
export async function forgetPerson(db: Db, actor: Actor | null, userId: string, bylines: BylineChoice) {
  const me = assertOrganizer(actor, msg("people.doing.forgetPeople"));
  if (me.id === userId) throw forbidden(msg("people.forget.notYourself"));
  const user = await forgetPreview(db, me, userId);
  if (user.role === "ORGANIZER") {
    const organizers = await db.user.count({ where: { role: "ORGANIZER", forgottenAt: null } });
    if (organizers <= 1) throw invalid(msg("people.forget.lastOrganizer"));
  }
  const missing = user.authorships.find((a) => bylines[a.article.id] !== "KEEP" && bylines[a.article.id] !== "FORMER");
  if (missing) throw invalid(msg("people.forget.chooseByline", { title: missing.article.title }));
  const { name, email } = user;
  const anonymized = user.authorships.filter((a) => bylines[a.article.id] === "FORMER").map((a) => a.article.id);
  const pages: (ArticlePage & { editionId: string })[] = [];

  await db.$transaction(async (tx) => {
    // their bylines: kept as a plain name (no account behind it), or the former colleague
    await tx.articleAuthor.updateMany({ where: { userId, articleId: { notIn: anonymized } }, data: { userId: null } });
    await tx.articleAuthor.updateMany({ where: { userId, articleId: { in: anonymized } }, data: { userId: null, name: FORMER_COLLEAGUE } });
    for (const published of await tx.publishedArticle.findMany({ where: { articleId: { in: anonymized } } })) {
      const authors = (JSON.parse(published.authors) as { key: string; name: string }[]).map((a) =>
        a.key === authorKey(name) ? { key: authorKey(FORMER_COLLEAGUE), name: FORMER_COLLEAGUE } : a,
      );
      const distinct = [...new Map(authors.map((a) => [a.key, a])).values()];
      await tx.publishedArticle.update({ where: { articleId: published.articleId }, data: { authors: JSON.stringify(distinct) } });
      await tx.publishedAuthor.deleteMany({ where: { articleId: published.articleId } });
      await tx.publishedAuthor.createMany({ data: distinct.map((a) => ({ articleId: published.articleId, key: a.key, name: a.name })) });
      pages.push({ slug: published.slug, editionNumber: published.editionNumber, editionId: published.editionId });
    }
    // the system's own records that name them
    await tx.articleEvent.updateMany({ where: { actorId: userId }, data: { actorName: FORMER_COLLEAGUE } });
    await tx.scoreAudit.updateMany({ where: { judgeId: userId }, data: { judgeName: FORMER_COLLEAGUE } });
    await tx.judgingAudit.updateMany({ where: { actorId: userId }, data: { actorName: FORMER_COLLEAGUE } });
    for (const row of await tx.judgingAudit.findMany({ where: { detail: { contains: name } }, select: { id: true, detail: true } }))
      await tx.judgingAudit.update({ where: { id: row.id }, data: { detail: row.detail.replaceAll(name, FORMER_COLLEAGUE) } });
    for (const row of await tx.judgeInvite.findMany({
      where: { OR: [{ usedById: userId }, { label: { contains: name } }] },
      select: { id: true, label: true },
    }))
      await tx.judgeInvite.update({
        where: { id: row.id },
        data: { label: row.label.includes(name) ? row.label.replaceAll(name, FORMER_COLLEAGUE) : FORMER_COLLEAGUE },
      });
    // what was sent or queued to them, or named them in a chat message
    await tx.outboxMessage.deleteMany({ where: { recipient: email } });
    for (const row of await tx.outboxMessage.findMany({
      where: { OR: [{ summary: { contains: name } }, { body: { contains: name } }] },
      select: { id: true, summary: true, body: true },
    }))
      await tx.outboxMessage.update({
        where: { id: row.id },
        data: { summary: row.summary.replaceAll(name, FORMER_COLLEAGUE), body: row.body.replaceAll(name, FORMER_COLLEAGUE) },
      });
    await tx.signInFailure.deleteMany({ where: { email } });
    await tx.rateBucket.deleteMany({ where: { key: { endsWith: `:${email}` } } });
    await tx.emailToken.deleteMany({ where: { OR: [{ userId }, { email }] } });
    await tx.session.deleteMany({ where: { userId } });
    await tx.emailSetting.deleteMany({ where: { userId } });
    await tx.digestEntry.deleteMany({ where: { userId } });
    await tx.user.updateMany({ where: { managerEmail: email }, data: { managerEmail: null } });
    // what they cast still counts, without their account behind it
    await tx.ballot.updateMany({ where: { userId }, data: { userId: null } });
    await tx.user.update({
      where: { id: userId },
      data: {
        name: FORMER_COLLEAGUE,
        email: `forgotten-${userId}@forgotten.invalid`,
        passwordHash: null,
        emailVerifiedAt: null,
        department: null,
        managerEmail: null,
        calendarKey: null,
        role: "EMPLOYEE",
        forgottenAt: new Date(),
      },
    });
  });
  for (const page of pages) await announce({ type: "article.published", editionId: page.editionId, pages: [page] });
  return { anonymizedArticles: anonymized.length };
}
