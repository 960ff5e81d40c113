// Reads of notifications: what a domain event or the clock is news of (built
// once, then sent to every webhook that wants it), and the organizers' view of
// their webhooks and of the outbox.
import type { Db } from "../platform/db";
import type { DomainEvent } from "../platform/events";
import { siteOrigin } from "../platform/config";
import { notFound } from "../platform/errors";
import { joinMessages, msg } from "../platform/messages";
import { formatTime } from "../platform/time";
import { isLocale, localeOr, type Locale } from "../platform/locale";
import { type Actor, assertOrganizer } from "../people/rules";
import { formatEditionNumber, PHASE_LABELS, isPhase } from "../editions/rules";
import { computeResults } from "../votes/queries";
import { podiumSteps } from "../votes/rules";
import { mailIsOn } from "../platform/mail";
import { isOrganizer } from "../people/rules";
import {
  EMAIL_KIND_LABELS,
  EMAIL_KINDS,
  type EmailKind,
  type EmailMode,
  emailModeOf,
  type News,
  type NewsType,
  isNewsType,
  maskedUrl,
  SOON_MS,
  STALE_NEWS_MS,
  WEBHOOK_KIND_LABELS,
  type WebhookKind,
} from "./rules";

type EditionRow = { id: string; number: number; title: string; phase: string; timezone: string };

// News and notices are written as lib's messages (lib/platform/messages.ts): each email and chat message
// is put into its recipient's language when it is queued (commands.ts). People's own words stay as written.

/** People's words inside a notice, cut short: a digest line keeps a few of them. */
const excerpt = (text: string, max = 400) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function newsOf(
  edition: EditionRow,
  type: NewsType,
  key: string,
  at: Date,
  fields: Pick<News, "title" | "text"> & { path: string; data?: Record<string, unknown> },
): News {
  const slug = formatEditionNumber(edition.number);
  return {
    key,
    type,
    editionId: edition.id,
    title: fields.title,
    text: fields.text,
    url: `${siteOrigin()}${fields.path}`,
    data: { edition: { id: edition.id, number: edition.number, slug, title: edition.title, url: `${siteOrigin()}/editions/${slug}` }, ...fields.data },
    at,
  };
}

/** What the event is news of, if anything. Draft editions make no news: only organizers see them. */
export async function newsOfEvent(db: Db, event: DomainEvent): Promise<News | null> {
  const edition = await db.edition.findUnique({ where: { id: event.editionId }, select: { id: true, number: true, title: true, phase: true, timezone: true } });
  if (!edition || edition.phase === "DRAFT") return null;
  const slug = formatEditionNumber(edition.number);
  const at = new Date(event.at ?? Date.now());
  const eventKey = event.id ?? `${event.type}:${at.getTime()}`;
  switch (event.type) {
    case "topics.changed": {
      if (!event.proposed) return null;
      const topic = await db.topic.findUnique({ where: { id: event.proposed }, include: { proposer: { select: { name: true } } } });
      if (!topic) return null;
      return newsOf(edition, "topic.proposed", `topic.proposed:${topic.id}`, at, {
        title: msg("notifications.news.topicProposed.title", { slug, topic: topic.title }),
        text: msg("notifications.news.topicProposed.text", { name: topic.proposer.name }),
        path: `/editions/${slug}/topics/${topic.id}`,
        data: { topic: { id: topic.id, title: topic.title, kind: topic.kind, proposer: topic.proposer.name } },
      });
    }
    case "phase.changed": {
      if (!isPhase(event.phase) || event.phase === "DRAFT") return null;
      return newsOf(edition, "phase.changed", `phase.changed:${eventKey}`, at, {
        title: msg("notifications.news.phaseChanged.title", { slug, edition: edition.title, phase: event.phase }),
        text: msg(`labels.phaseDescription.${event.phase}`),
        path: `/editions/${slug}`,
        data: { phase: event.phase, label: PHASE_LABELS[event.phase] },
      });
    }
    case "vote.opened":
      return newsOf(edition, "vote.opened", `vote.opened:${eventKey}`, at, {
        title: msg("notifications.news.voteOpened.title", { slug }),
        text: msg("notifications.news.voteOpened.text", { url: `${siteOrigin()}/vote` }),
        path: "/vote",
        data: { voteUrl: `${siteOrigin()}/vote` },
      });
    case "vote.closed":
      return newsOf(edition, "vote.closed", `vote.closed:${eventKey}`, at, {
        title: msg("notifications.news.voteClosed.title", { slug }),
        text: msg("notifications.news.voteClosed.text"),
        path: `/editions/${slug}`,
      });
    case "podium.revealed": {
      const vote = await db.vote.findUnique({ where: { editionId: edition.id } });
      if (!vote || vote.status !== "CLOSED") return null;
      const results = await computeResults(db, edition.id);
      const steps = podiumSteps(results);
      // news once the whole podium is shown on stage, never ahead of it
      if (steps.length === 0 || vote.revealed < steps.length) return null;
      const podium = results.ranking.filter((team) => team.place <= 3).map((team) => ({ place: team.place, team: team.name, points: team.total }));
      return newsOf(edition, "podium.revealed", `podium.revealed:${edition.id}:${vote.closedAt?.getTime() ?? 0}`, at, {
        title: msg("notifications.news.podium.title", { slug }),
        text: joinMessages(podium.map((p) => msg("notifications.news.podium.line", { place: p.place, team: p.team, points: p.points }))),
        path: `/editions/${slug}`,
        data: { podium },
      });
    }
    case "article.published": {
      const [page] = event.pages;
      const article = page && (await db.publishedArticle.findUnique({ where: { slug: page.slug } }));
      if (!article) return null;
      // first publication only: a revision is not news
      return newsOf(edition, "article.published", `article.published:${article.articleId}`, at, {
        title: msg("notifications.news.articlePublished.title", { article: article.title }),
        text: joinMessages(
          [article.teamName ? msg("notifications.news.articlePublished.by", { team: article.teamName }) : "", excerpt(article.summary)].filter(Boolean),
          " ",
        ),
        path: `/articles/${article.slug}`,
        data: { article: { id: article.articleId, slug: article.slug, title: article.title, team: article.teamName, summary: article.summary } },
      });
    }
    case "challenges.changed": {
      if (!event.opened) return null;
      const challenge = await db.challenge.findUnique({ where: { id: event.opened } });
      return challenge && challengeOpened(edition, { ...challenge, opensAt: at }, `challenge.opened:${challenge.id}:${eventKey}`, at);
    }
    case "tournament.progressed": {
      if (event.progress.status !== "DONE") return null;
      const tournament = await db.tournament.findUnique({ where: { id: event.progress.tournamentId }, include: { challenge: true } });
      if (!tournament) return null;
      return newsOf(edition, "tournament.finished", `tournament.finished:${tournament.id}`, at, {
        title: msg("notifications.news.tournamentFinished.title", { slug, challenge: tournament.challenge.title }),
        text: msg("notifications.news.tournamentFinished.text", { matches: tournament.total }),
        path: `/editions/${slug}/challenges/${tournament.challengeId}`,
        data: { challenge: { id: tournament.challengeId, title: tournament.challenge.title }, matches: tournament.total },
      });
    }
    default:
      return null;
  }
}

/**
 * News the clock makes: challenges opening at their time, presentations about
 * to start. Keys are unique per occurrence, so asking again (every instance
 * does, every half minute) queues nothing twice; news older than an hour (the
 * servers were down) is not sent late.
 */
export async function scheduledNews(db: Db, now: Date): Promise<News[]> {
  const news: News[] = [];
  const since = new Date(now.getTime() - STALE_NEWS_MS);
  const challenges = await db.challenge.findMany({
    where: { opensAt: { gt: since, lte: now }, closesAt: { gt: now }, manualState: null, edition: { phase: { notIn: ["DRAFT", "ARCHIVED"] } } },
    include: { edition: true },
  });
  for (const challenge of challenges) {
    news.push(challengeOpened(challenge.edition, challenge, `challenge.opened:${challenge.id}:${challenge.opensAt.getTime()}`, challenge.opensAt));
  }
  const editions = await db.edition.findMany({
    where: {
      presentationsStartAt: { gt: new Date(now.getTime() + SOON_MS - STALE_NEWS_MS), lte: new Date(now.getTime() + SOON_MS) },
      phase: { notIn: ["DRAFT", "CLOSED", "ARCHIVED"] },
    },
  });
  for (const edition of editions) {
    if (edition.presentationsStartAt <= now) continue;
    const slug = formatEditionNumber(edition.number);
    news.push(
      newsOf(edition, "presentations.soon", `presentations.soon:${edition.id}:${edition.presentationsStartAt.getTime()}`, now, {
        // 24-hour times read the same in every language Hexathon speaks
        title: msg("notifications.news.presentationsSoon.title", { slug, time: formatTime(edition.presentationsStartAt, edition.timezone) }),
        text: msg("notifications.news.presentationsSoon.text"),
        path: `/editions/${slug}/live`,
        data: { startsAt: edition.presentationsStartAt },
      }),
    );
  }
  return news;
}

type OpenedChallenge = { id: string; title: string; kind: string; opensAt: Date; closesAt: Date };

function challengeOpened(edition: EditionRow, challenge: OpenedChallenge, key: string, at: Date): News {
  const slug = formatEditionNumber(edition.number);
  return newsOf(edition, "challenge.opened", key, at, {
    title: msg("notifications.news.challengeOpened.title", { slug, challenge: challenge.title }),
    // one opened by hand after its planned end stays open until closed by hand: no time to give
    text:
      challenge.closesAt > at
        ? msg("notifications.news.challengeOpened.until", { time: formatTime(challenge.closesAt, edition.timezone) })
        : msg("notifications.news.challengeOpened.go"),
    path: `/editions/${slug}/challenges/${challenge.id}`,
    data: { challenge: { id: challenge.id, title: challenge.title, kind: challenge.kind, opensAt: challenge.opensAt, closesAt: challenge.closesAt } },
  });
}

/** The webhooks that want this news: active ones of its edition whose list names it. */
export async function webhooksFor(db: Db, news: News) {
  const hooks = await db.webhook.findMany({ where: { editionId: news.editionId, active: true } });
  return hooks.filter((hook) => (parseEvents(hook.events) as string[]).includes(news.type));
}

export function parseEvents(json: string): NewsType[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is NewsType => typeof v === "string" && isNewsType(v)) : [];
  } catch {
    return [];
  }
}

/** The organizers' page: the edition's webhooks, and its outbox with each message's attempts. */
export async function notificationsAdmin(db: Db, actor: Actor | null, editionId: string) {
  assertOrganizer(actor, msg("notifications.doing.seeNotifications"));
  const edition = await db.edition.findUnique({ where: { id: editionId } });
  if (!edition) throw notFound(msg("notifications.editionNotFound"));
  const [hooks, messages, counts] = await Promise.all([
    db.webhook.findMany({ where: { editionId }, orderBy: { createdAt: "asc" } }),
    db.outboxMessage.findMany({
      where: { editionId },
      orderBy: { createdAt: "desc" },
      take: 50,
      include: { attemptLog: { orderBy: { at: "desc" }, take: 10 }, webhook: { select: { name: true } } },
    }),
    db.outboxMessage.groupBy({ by: ["status"], where: { editionId }, _count: { _all: true } }),
  ]);
  return {
    webhooks: hooks.map((hook) => ({
      id: hook.id,
      kind: hook.kind as WebhookKind,
      kindLabel: WEBHOOK_KIND_LABELS[hook.kind as WebhookKind] ?? hook.kind,
      name: hook.name,
      url: maskedUrl(hook.url),
      events: parseEvents(hook.events),
      allowInternal: hook.allowInternal,
      /** null: the instance's language */
      locale: isLocale(hook.locale) ? hook.locale : null,
      active: hook.active,
      createdAt: hook.createdAt,
    })),
    messages: messages.map((message) => ({
      id: message.id,
      channel: message.channel,
      to: message.channel === "WEBHOOK" ? (message.webhook?.name ?? "a deleted webhook") : message.recipient,
      kind: message.kind,
      summary: message.summary,
      status: message.status,
      attempts: message.attempts,
      nextAttemptAt: message.status === "QUEUED" ? message.nextAttemptAt : null,
      lastError: message.lastError,
      sentAt: message.sentAt,
      createdAt: message.createdAt,
      log: message.attemptLog.map((attempt) => ({
        at: attempt.at,
        ok: attempt.ok,
        statusCode: attempt.statusCode,
        durationMs: attempt.durationMs,
        response: attempt.response,
      })),
    })),
    counts: Object.fromEntries(counts.map((row) => [row.status, row._count._all])) as Record<string, number>,
  };
}

/** Who a notice is for: named people, everyone taking part in its edition, or the organizers. */
export type Audience = { userIds: string[] } | "participants" | "organizers";

/** One notification for email, before it is sent at once or kept for each person's digest. */
export type Notice = {
  kind: EmailKind;
  /** unique per notification: with the person's id, the key of their email or digest line */
  key: string;
  editionId: string;
  timezone: string;
  audience: Audience;
  /** who caused it: they don't hear of what they did themselves */
  actorId?: string;
  title: string;
  text: string;
  url: string;
};

/** The email notifications an event makes. Draft editions make none: only organizers see them. */
export async function noticesOfEvent(db: Db, event: DomainEvent, news: News | null): Promise<Notice[]> {
  const edition = await db.edition.findUnique({ where: { id: event.editionId }, select: { id: true, number: true, title: true, phase: true, timezone: true } });
  if (!edition || edition.phase === "DRAFT") return [];
  const slug = formatEditionNumber(edition.number);
  const base = { editionId: edition.id, timezone: edition.timezone };
  const eventKey = event.id ?? `${event.type}:${event.at ?? Date.now()}`;
  switch (event.type) {
    case "topics.changed": {
      const notices: Notice[] = [];
      if (event.proposed) {
        const topic = await db.topic.findUnique({ where: { id: event.proposed }, include: { proposer: { select: { name: true } } } });
        // organizers' own topics need no review
        if (topic?.status === "PENDING")
          notices.push({
            ...base,
            kind: "topic.review",
            key: `topic.review:${topic.id}`,
            audience: "organizers",
            actorId: topic.proposerId,
            title: msg("notifications.notice.topicReview.title", { slug, topic: topic.title }),
            text: msg("notifications.notice.topicReview.text", { name: topic.proposer.name }),
            url: `${siteOrigin()}/editions/${slug}/topics/${topic.id}`,
          });
      }
      if (event.interest) {
        const { topicId, userId } = event.interest;
        const [topic, person] = await Promise.all([
          db.topic.findUnique({ where: { id: topicId }, include: { _count: { select: { interests: true } } } }),
          db.user.findUnique({ where: { id: userId }, select: { name: true } }),
        ]);
        if (topic && person) {
          const count = topic._count.interests;
          notices.push({
            ...base,
            kind: "topic.interest",
            // once per person and topic: withdrawing and showing interest again is no news
            key: `topic.interest:${topicId}:${userId}`,
            audience: { userIds: [topic.proposerId] },
            actorId: userId,
            title: msg("notifications.notice.topicInterest.title", { name: person.name, topic: topic.title }),
            text: msg("notifications.notice.topicInterest.text", { count }),
            url: `${siteOrigin()}/editions/${slug}/topics/${topic.id}`,
          });
        }
      }
      if (event.reviewed) {
        const topic = await db.topic.findUnique({ where: { id: event.reviewed.topicId }, include: { mergedInto: { select: { title: true, id: true } } } });
        if (topic && topic.status !== "PENDING") {
          const values = { topic: topic.title };
          const [title, text] =
            topic.status === "APPROVED"
              ? [msg("notifications.notice.topicApproved.title", values), msg("notifications.notice.topicApproved.text")]
              : topic.status === "REJECTED"
                ? [
                    msg("notifications.notice.topicRejected.title", values),
                    joinMessages(
                      [
                        ...(topic.rejectionReason ? [msg("notifications.notice.topicRejected.said", { reason: excerpt(topic.rejectionReason) })] : []),
                        msg("notifications.notice.topicRejected.text"),
                      ],
                      "\n\n",
                    ),
                  ]
                : [
                    msg("notifications.notice.topicMerged.title", values),
                    msg("notifications.notice.topicMerged.text", { into: topic.mergedInto?.title ?? msg("notifications.notice.topicMerged.anotherTopic") }),
                  ];
          notices.push({
            ...base,
            kind: "topic.reviewed",
            key: `topic.reviewed:${topic.id}:${eventKey}`,
            audience: { userIds: [topic.proposerId] },
            actorId: event.reviewed.actorId,
            title,
            text,
            url: `${siteOrigin()}/editions/${slug}/topics/${topic.status === "MERGED" && topic.mergedInto ? topic.mergedInto.id : topic.id}`,
          });
        }
      }
      return notices;
    }
    case "teams.changed": {
      const change = event.change;
      if (!change) return [];
      const [teams, people] = await Promise.all([
        db.team.findMany({ where: { id: { in: change.teamIds } }, include: { members: { select: { userId: true } } } }),
        db.user.findMany({ where: { id: { in: [change.actorId, ...change.personIds] } }, select: { id: true, name: true } }),
      ]);
      const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? msg("notifications.notice.team.someone");
      const actor = nameOf(change.actorId);
      const persons = joinMessages(change.personIds.map(nameOf), ", ");
      return teams.map((team): Notice => {
        const values = { actor, persons, team: team.name };
        const what = change.what === "moved" ? (team.members.some((m) => change.personIds.includes(m.userId)) ? "movedIn" : "movedOut") : change.what;
        const title = msg(`notifications.notice.team.${what}`, values);
        // the people moved out hear it too: they are no longer among the members
        const moved = change.what === "moved" ? change.personIds : [];
        return {
          ...base,
          kind: "team.changed",
          key: `team.changed:${team.id}:${eventKey}`,
          audience: { userIds: [...new Set([...team.members.map((m) => m.userId), ...moved])] },
          actorId: change.actorId,
          title,
          text: msg("notifications.notice.team.members", { team: team.name, count: team.members.length }),
          url: `${siteOrigin()}/editions/${slug}/teams/${team.id}`,
        };
      });
    }
    case "article.review": {
      const article = await db.article.findUnique({ where: { id: event.articleId }, include: { authors: { select: { userId: true } } } });
      if (!article) return [];
      if (event.step === "SUBMITTED") {
        return [
          {
            ...base,
            kind: "article.review",
            key: `article.review:${article.id}:${eventKey}`,
            audience: "organizers",
            actorId: event.actorId,
            title: msg("notifications.notice.articleReview.title", { article: article.title }),
            text: msg("notifications.notice.articleReview.text"),
            url: `${siteOrigin()}/write/${article.id}`,
          },
        ];
      }
      const comment = await db.articleEvent.findFirst({ where: { articleId: article.id, kind: "CHANGES_REQUESTED" }, orderBy: { createdAt: "desc" } });
      return [
        {
          ...base,
          kind: "article.changes",
          key: `article.changes:${article.id}:${eventKey}`,
          audience: { userIds: article.authors.flatMap((a) => (a.userId ? [a.userId] : [])) },
          actorId: event.actorId,
          title: msg("notifications.notice.articleChanges.title", { article: article.title }),
          text: comment?.body
            ? msg("notifications.notice.articleChanges.wrote", { name: comment.actorName, comment: excerpt(comment.body) })
            : msg("notifications.notice.articleChanges.text"),
          url: `${siteOrigin()}/write/${article.id}`,
        },
      ];
    }
    case "article.published": {
      if (!news || news.type !== "article.published") return [];
      const articleId = (news.data.article as { id?: string } | undefined)?.id;
      const authors = articleId ? await db.articleAuthor.findMany({ where: { articleId }, select: { userId: true } }) : [];
      return [
        {
          ...base,
          kind: "article.published",
          key: news.key,
          audience: { userIds: authors.flatMap((a) => (a.userId ? [a.userId] : [])) },
          title: msg("notifications.notice.articlePublished.title", { article: String((news.data.article as { title?: string }).title ?? "") }),
          text: msg("notifications.notice.articlePublished.text"),
          url: news.url,
        },
      ];
    }
    case "phase.changed":
      if (!news || edition.phase === "ARCHIVED") return [];
      return [{ ...base, kind: "phase.changed", key: news.key, audience: "participants", title: news.title, text: news.text, url: news.url }];
    default:
      return [];
  }
}

/** The clock's email notifications: presentations starting soon, for those taking part. */
export function noticesOfScheduledNews(news: News, timezone: string): Notice[] {
  if (news.type !== "presentations.soon") return [];
  return [
    {
      kind: "presentations.soon",
      key: news.key,
      editionId: news.editionId,
      timezone,
      audience: "participants",
      title: news.title,
      text: news.text,
      url: news.url,
    },
  ];
}

/** The people taking part in an edition: those who proposed a topic, showed interest in one, or are in a team. */
async function participants(db: Db, editionId: string): Promise<string[]> {
  const [proposers, interested, members] = await Promise.all([
    db.topic.findMany({ where: { editionId }, select: { proposerId: true }, distinct: ["proposerId"] }),
    db.interest.findMany({ where: { topic: { editionId } }, select: { userId: true }, distinct: ["userId"] }),
    db.teamMember.findMany({ where: { editionId }, select: { userId: true } }),
  ]);
  return [...new Set([...proposers.map((t) => t.proposerId), ...interested.map((i) => i.userId), ...members.map((m) => m.userId)])];
}

export type Recipient = { id: string; email: string; mode: EmailMode; locale: Locale };

/**
 * Who gets a notice, and how: people of its audience who may sign in (an
 * address proven, not a judge's guest account), except whoever caused it,
 * each with their mode for its kind and their language. Edition-wide news also reaches anyone who
 * turned its kind on without taking part.
 */
export async function recipientsOf(db: Db, notice: Notice): Promise<Recipient[]> {
  const ids = notice.audience === "participants" ? await participants(db, notice.editionId) : notice.audience === "organizers" ? null : notice.audience.userIds;
  const optedIn = notice.audience === "participants" ? { emailSettings: { some: { kind: notice.kind, mode: { in: ["NOW", "DIGEST"] } } } } : null;
  const audience = ids === null ? { role: "ORGANIZER" } : optedIn ? { OR: [{ id: { in: ids } }, optedIn] } : { id: { in: ids } };
  const people = await db.user.findMany({
    where: { AND: [audience, { emailVerifiedAt: { not: null }, guest: false }, ...(notice.actorId ? [{ id: { not: notice.actorId } }] : [])] },
    select: { id: true, email: true, locale: true, emailSettings: { where: { kind: notice.kind } } },
  });
  return people.map((person) => ({
    id: person.id,
    email: person.email,
    // the language they chose, else the instance's
    locale: localeOr(person.locale),
    mode: emailModeOf(notice.kind, new Map(person.emailSettings.map((setting) => [setting.kind, setting.mode]))),
  }));
}

/** A person's email settings: each kind they may get, with their mode, and whether this server sends email at all. */
export async function emailSettings(db: Db, actor: Actor | null) {
  if (!actor) return null;
  const rows = await db.emailSetting.findMany({ where: { userId: actor.id } });
  const chosen = new Map(rows.map((row) => [row.kind, row.mode]));
  return {
    emailOn: mailIsOn(),
    kinds: EMAIL_KINDS.filter((kind) => !EMAIL_KIND_LABELS[kind].organizersOnly || isOrganizer(actor)).map((kind) => ({
      kind,
      ...EMAIL_KIND_LABELS[kind],
      mode: emailModeOf(kind, chosen),
    })),
  };
}
