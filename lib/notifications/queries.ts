// Reads of notifications: what a domain event or the clock is news of (built
// once, then sent to every webhook that wants it), and the organizers' view of
// their webhooks and of the outbox.
import type { Db } from "../platform/db";
import type { DomainEvent } from "../platform/events";
import { siteOrigin } from "../platform/config";
import { notFound } from "../platform/errors";
import { formatTime } from "../platform/time";
import { type Actor, assertOrganizer } from "../people/rules";
import { formatEditionNumber, PHASE_DESCRIPTIONS, PHASE_LABELS, isPhase } from "../editions/rules";
import { computeResults } from "../votes/queries";
import { podiumSteps } from "../votes/rules";
import { type News, type NewsType, isNewsType, maskedUrl, SOON_MS, STALE_NEWS_MS, WEBHOOK_KIND_LABELS, type WebhookKind } from "./rules";

type EditionRow = { id: string; number: number; title: string; phase: string; timezone: string };

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
        title: `${slug}: new topic “${topic.title}”`,
        text: `Proposed by ${topic.proposer.name}. Show your interest if you'd like to work on it.`,
        path: `/editions/${slug}/topics/${topic.id}`,
        data: { topic: { id: topic.id, title: topic.title, kind: topic.kind, proposer: topic.proposer.name } },
      });
    }
    case "phase.changed": {
      if (!isPhase(event.phase) || event.phase === "DRAFT") return null;
      return newsOf(edition, "phase.changed", `phase.changed:${eventKey}`, at, {
        title: `${slug} ${edition.title}: ${PHASE_LABELS[event.phase].toLowerCase()}`,
        text: PHASE_DESCRIPTIONS[event.phase],
        path: `/editions/${slug}`,
        data: { phase: event.phase, label: PHASE_LABELS[event.phase] },
      });
    }
    case "vote.opened":
      return newsOf(edition, "vote.opened", `vote.opened:${eventKey}`, at, {
        title: `${slug}: the vote is open`,
        text: `Vote for your favourite projects on your phone: ${siteOrigin()}/vote`,
        path: "/vote",
        data: { voteUrl: `${siteOrigin()}/vote` },
      });
    case "vote.closed":
      return newsOf(edition, "vote.closed", `vote.closed:${eventKey}`, at, {
        title: `${slug}: the vote is closed`,
        text: "The results are revealed on stage.",
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
        title: `${slug}: the winners`,
        text: podium.map((p) => `${ordinal(p.place)}: ${p.team} (${p.points} points)`).join("\n"),
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
        title: `New article: ${article.title}`,
        text: [article.teamName ? `By ${article.teamName}.` : "", article.summary].filter(Boolean).join(" "),
        path: `/articles/${article.slug}`,
        data: { article: { slug: article.slug, title: article.title, team: article.teamName, summary: article.summary } },
      });
    }
    case "tournament.progressed": {
      if (event.progress.status !== "DONE") return null;
      const tournament = await db.tournament.findUnique({ where: { id: event.progress.tournamentId }, include: { challenge: true } });
      if (!tournament) return null;
      return newsOf(edition, "tournament.finished", `tournament.finished:${tournament.id}`, at, {
        title: `${slug}: the “${tournament.challenge.title}” tournament is finished`,
        text: `${tournament.total} matches played. See the standings.`,
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
    const slug = formatEditionNumber(challenge.edition.number);
    news.push(
      newsOf(challenge.edition, "challenge.opened", `challenge.opened:${challenge.id}:${challenge.opensAt.getTime()}`, challenge.opensAt, {
        title: `${slug}: “${challenge.title}” is open`,
        text: `Until ${formatTime(challenge.closesAt, challenge.edition.timezone)}. Go!`,
        path: `/editions/${slug}/challenges/${challenge.id}`,
        data: { challenge: { id: challenge.id, title: challenge.title, kind: challenge.kind, opensAt: challenge.opensAt, closesAt: challenge.closesAt } },
      }),
    );
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
        title: `${slug}: presentations start at ${formatTime(edition.presentationsStartAt, edition.timezone)}`,
        text: "Five minutes per team, then the vote. Follow them live.",
        path: `/editions/${slug}/live`,
        data: { startsAt: edition.presentationsStartAt },
      }),
    );
  }
  return news;
}

const ordinal = (place: number) => ["1st", "2nd", "3rd"][place - 1] ?? `${place}th`;

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
  assertOrganizer(actor, "see the edition's notifications");
  const edition = await db.edition.findUnique({ where: { id: editionId } });
  if (!edition) throw notFound("That edition doesn't exist.");
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
