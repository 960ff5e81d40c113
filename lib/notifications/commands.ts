// Writes of notifications: organizers' webhooks (their secret shown once), a
// test message, retrying and redelivering from the outbox; the news that
// events and the clock make, queued once per webhook; people's emails, sent
// at once or kept for their daily digest; and their email settings.
import { randomUUID } from "node:crypto";
import type { Db } from "../platform/db";
import type { DomainEvent } from "../platform/events";
import { authSecret, siteOrigin } from "../platform/config";
import { invalid, isUniqueViolation, notFound } from "../platform/errors";
import { msg } from "../platform/messages";
import { translate } from "../platform/i18n";
import { localeOr } from "../platform/locale";
import { mailIsOn } from "../platform/mail";
import { invalidAllowEntry, outboundPolicy, urlRefusal } from "../platform/outbound";
import { type Actor, assertOrganizer, requireActor } from "../people/rules";
import { formatEditionNumber } from "../editions/rules";
import { enqueue, requeue } from "./outbox";
import { digestMail, type DigestLine, type MailLinks, noticeMail } from "./emails";
import { type Notice, newsOfEvent, noticesOfEvent, noticesOfScheduledNews, recipientsOf, scheduledNews, webhooksFor } from "./queries";
import { chatBody, digestDueAt, EMAIL_KINDS, emailModeOf, type EmailKind, genericBody, isEmailKind, type News, RETRY_FOR_MS, type WebhookKind } from "./rules";
import type { EmailSettingsInput, WebhookInput, WebhookSettingsInput } from "./schemas";
import { newWebhookSecret, readUnsubscribeToken, unsubscribeToken } from "./signing";

/** The address's problem under the operator's and the organizer's rules, as a form error. */
function checkUrl(url: string, allowInternal: boolean) {
  const policy = outboundPolicy(allowInternal);
  const badEntry = invalidAllowEntry(policy.allow ?? []);
  if (badEntry) throw invalid(msg("notifications.allowListInvalid", { entry: badEntry }));
  const refusal = urlRefusal(url, policy);
  if (refusal) throw invalid(refusal, "url");
}

/** Adds a webhook; a GENERIC one gets its signing secret, returned this once. */
export async function createWebhook(db: Db, actor: Actor | null, editionId: string, input: WebhookInput) {
  const me = assertOrganizer(actor, msg("notifications.doing.addWebhooks"));
  const edition = await db.edition.findUnique({ where: { id: editionId } });
  if (!edition) throw notFound(msg("notifications.editionNotFound"));
  checkUrl(input.url, input.allowInternal);
  const secret = input.kind === "GENERIC" ? newWebhookSecret() : null;
  const hook = await db.webhook.create({
    data: {
      editionId,
      kind: input.kind,
      name: input.name,
      url: input.url,
      events: JSON.stringify(input.events),
      allowInternal: input.allowInternal,
      locale: input.locale,
      secret,
      createdById: me.id,
    },
  });
  return { id: hook.id, secret };
}

async function hookOrNotFound(db: Db, actor: Actor | null, webhookId: string, doing: string) {
  assertOrganizer(actor, doing);
  const hook = await db.webhook.findUnique({ where: { id: webhookId }, include: { edition: true } });
  if (!hook) throw notFound(msg("notifications.webhookNotFound"));
  return hook;
}

/** Deletes a webhook; its deliveries stay in the outbox's log, and those still queued fail as "deleted". */
export async function deleteWebhook(db: Db, actor: Actor | null, webhookId: string) {
  const hook = await hookOrNotFound(db, actor, webhookId, msg("notifications.doing.deleteWebhooks"));
  await db.webhook.delete({ where: { id: hook.id } });
  return hook;
}

/** Renames a webhook, or changes its news or its language; messages already queued keep what they say. */
export async function updateWebhook(db: Db, actor: Actor | null, webhookId: string, input: WebhookSettingsInput) {
  const hook = await hookOrNotFound(db, actor, webhookId, msg("notifications.doing.changeWebhooks"));
  return db.webhook.update({
    where: { id: hook.id },
    data: { name: input.name, events: JSON.stringify(input.events), locale: input.locale },
  });
}

/** Pauses or resumes a webhook: a paused one gets no new deliveries. */
export async function setWebhookActive(db: Db, actor: Actor | null, webhookId: string, active: boolean) {
  const hook = await hookOrNotFound(db, actor, webhookId, msg("notifications.doing.pauseWebhooks"));
  return db.webhook.update({ where: { id: hook.id }, data: { active } });
}

/** Queues a test message to one webhook, through the outbox like any other (its log shows the answer). */
export async function sendTestMessage(db: Db, actor: Actor | null, webhookId: string, now = new Date()) {
  const hook = await hookOrNotFound(db, actor, webhookId, msg("notifications.doing.testWebhooks"));
  const slug = formatEditionNumber(hook.edition.number);
  const news: News = {
    key: `test:${randomUUID()}`,
    type: "webhook.test",
    editionId: hook.editionId,
    title: msg("notifications.news.test.title", { slug }),
    text: msg("notifications.news.test.text", { slug, name: hook.name }),
    url: `${siteOrigin()}/editions/${slug}`,
    data: { test: true },
    at: now,
  };
  await queueDelivery(db, hook, news, now);
}

/** Puts a message back in the queue: a failed one retried, or a delivered webhook message sent again. */
export async function retryMessage(db: Db, actor: Actor | null, messageId: string) {
  assertOrganizer(actor, msg("notifications.doing.retryMessages"));
  const message = await db.outboxMessage.findUnique({ where: { id: messageId } });
  if (!message) throw notFound(msg("notifications.messageNotFound"));
  if (message.status === "QUEUED") throw invalid(msg("notifications.retry.queuedAlready"));
  if (message.status === "SENT" && message.channel !== "WEBHOOK") throw invalid(msg("notifications.retry.emailSentAlready"));
  await requeue(db, message.id);
  return message;
}

type Hook = { id: string; kind: string; url: string; editionId: string; locale: string | null };

function queueDelivery(db: Db, hook: Hook, news: News, now: Date) {
  const id = randomUUID();
  // a channel is read by many: it hears the news in the language the organizer chose for it, else the instance's
  const locale = localeOr(hook.locale);
  const said = { ...news, title: translate(news.title, locale), text: translate(news.text, locale) };
  const body =
    hook.kind === "GENERIC"
      ? genericBody(said, id)
      : chatBody(hook.kind as Exclude<WebhookKind, "GENERIC">, said, translate(msg("notifications.news.open"), locale));
  return enqueue(db, {
    id,
    key: `webhook:${hook.id}:${news.key}`,
    channel: "WEBHOOK",
    editionId: hook.editionId,
    webhookId: hook.id,
    recipient: hook.url,
    kind: news.type,
    summary: said.title,
    body: JSON.stringify(body),
    now,
  });
}

async function queueNews(db: Db, news: News, now: Date): Promise<number> {
  let queued = 0;
  for (const hook of await webhooksFor(db, news)) if (await queueDelivery(db, hook, news, now)) queued++;
  return queued;
}

/**
 * What an event is news of, queued for every webhook that wants it, and the
 * emails it makes (the start-up subscribes it to events). Returns how many
 * messages went into the outbox.
 */
export async function queueNewsOfEvent(db: Db, event: DomainEvent, now = new Date()): Promise<number> {
  if (!mayBeNews(event)) return 0;
  const news = await newsOfEvent(db, event);
  let queued = news ? await queueNews(db, news, now) : 0;
  for (const notice of await noticesOfEvent(db, event, news)) queued += await queueNotice(db, notice, now);
  return queued;
}

/**
 * Whether an event may be news for a webhook or an email. Most are not (a
 * ballot cast, the timer, a score): they are dropped here without a query,
 * since every event waits for its subscribers.
 */
function mayBeNews(event: DomainEvent): boolean {
  switch (event.type) {
    case "topics.changed":
      return !!(event.proposed || event.interest || event.reviewed);
    case "teams.changed":
      return !!event.change;
    case "challenges.changed":
      return !!event.opened;
    case "tournament.progressed":
      return event.progress.status === "DONE";
    case "phase.changed":
    case "vote.opened":
    case "vote.closed":
    case "podium.revealed":
    case "article.published":
    case "article.review":
      return true;
    default:
      return false;
  }
}

/** The clock's news (challenges opening, presentations soon), queued once whichever instance asks first; and the digests due. */
export async function queueScheduledNews(db: Db, now = new Date()): Promise<number> {
  let queued = 0;
  for (const news of await scheduledNews(db, now)) {
    queued += await queueNews(db, news, now);
    const edition = await db.edition.findUnique({ where: { id: news.editionId }, select: { timezone: true } });
    for (const notice of noticesOfScheduledNews(news, edition?.timezone ?? "UTC")) queued += await queueNotice(db, notice, now);
  }
  return queued + (await queueDueDigests(db, now));
}

/** The links at the foot of a person's email: their settings, and an unsubscribe link for `scope`. */
function mailLinks(userId: string, scope: string): MailLinks {
  return { settingsUrl: `${siteOrigin()}/account#email`, unsubscribeUrl: `${siteOrigin()}/unsubscribe/${unsubscribeToken(authSecret(), userId, scope)}` };
}

/**
 * A notice for each person it concerns: an email in the outbox for those who
 * want it at once, a line kept for the digest of those who want it daily.
 * Keys make a repeat (another instance, a retried event) queue nothing more.
 * Without SMTP_URL nothing is kept: there is nobody to send it.
 */
export async function queueNotice(db: Db, notice: Notice, now = new Date()): Promise<number> {
  if (!mailIsOn()) return 0;
  let queued = 0;
  for (const person of await recipientsOf(db, notice)) {
    if (person.mode === "NOW") {
      const mail = noticeMail(person.email, notice, mailLinks(person.id, notice.kind), person.locale);
      const written = await enqueue(db, {
        key: `email:${notice.key}:${person.id}`,
        channel: "EMAIL",
        editionId: notice.editionId,
        recipient: person.email,
        kind: notice.kind,
        summary: mail.subject,
        body: JSON.stringify(mail),
        now,
      });
      if (written) queued++;
    } else if (person.mode === "DIGEST") {
      try {
        await db.digestEntry.create({
          data: {
            key: `${notice.key}:${person.id}`,
            userId: person.id,
            editionId: notice.editionId,
            kind: notice.kind,
            // lib's messages, put into the person's language when the digest goes out
            title: notice.title,
            text: notice.text,
            url: notice.url,
            createdAt: now,
          },
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error; // kept already
      }
    }
  }
  return queued;
}

/** Entries looked at per round: a digest round catches up over several rounds after a long stop. */
const DIGEST_BATCH = 5_000;

/**
 * Each person whose digest hour has passed since their oldest waiting line
 * gets one email with all their lines. The lines are marked sent in the
 * transaction that queues the email: two instances at once queue it once.
 */
export async function queueDueDigests(db: Db, now = new Date()): Promise<number> {
  if (!mailIsOn()) return 0;
  const waiting = await db.digestEntry.findMany({ where: { sentAt: null }, orderBy: { createdAt: "asc" }, take: DIGEST_BATCH });
  if (waiting.length === 0) return 0;
  const editionIds = [...new Set(waiting.flatMap((entry) => (entry.editionId ? [entry.editionId] : [])))];
  const zones = new Map(
    (await db.edition.findMany({ where: { id: { in: editionIds } }, select: { id: true, timezone: true } })).map((e) => [e.id, e.timezone]),
  );
  const zoneOf = (entry: { editionId: string | null }) => (entry.editionId && zones.get(entry.editionId)) || "UTC";
  const byPerson = new Map<string, typeof waiting>();
  for (const entry of waiting) byPerson.set(entry.userId, [...(byPerson.get(entry.userId) ?? []), entry]);
  let queued = 0;
  for (const [userId, entries] of byPerson) {
    // the oldest line decides: once its digest hour has passed, everything waiting goes
    if (digestDueAt(entries[0].createdAt, zoneOf(entries[0])) > now) continue;
    const person = await db.user.findUnique({ where: { id: userId }, select: { email: true, emailVerifiedAt: true, locale: true } });
    const lines: DigestLine[] = entries.flatMap((entry) =>
      isEmailKind(entry.kind) ? [{ kind: entry.kind, title: entry.title, text: entry.text, url: entry.url, at: entry.createdAt, timezone: zoneOf(entry) }] : [],
    );
    const ids = entries.map((entry) => entry.id);
    try {
      await db.$transaction(async (tx) => {
        const taken = await tx.digestEntry.updateMany({ where: { id: { in: ids }, sentAt: null }, data: { sentAt: now } });
        if (taken.count !== ids.length) throw new DigestTaken();
        if (!person?.emailVerifiedAt || lines.length === 0) return;
        const mail = digestMail(person.email, lines, mailLinks(userId, "digest"), localeOr(person.locale));
        await tx.outboxMessage.create({
          data: {
            key: `digest:${entries[0].id}`,
            channel: "EMAIL",
            // shown in the outbox of the edition whose news came first
            editionId: entries[0].editionId,
            recipient: person.email,
            kind: "digest",
            summary: mail.subject,
            body: JSON.stringify(mail),
            nextAttemptAt: now,
            expiresAt: new Date(now.getTime() + RETRY_FOR_MS),
          },
        });
        queued++;
      });
    } catch (error) {
      // another instance queued this digest first: nothing to do
      if (!(error instanceof DigestTaken) && !isUniqueViolation(error)) throw error;
    }
  }
  return queued;
}

class DigestTaken extends Error {}

/** Saves a person's choice for each kind of email. */
export async function saveEmailSettings(db: Db, actor: Actor | null, input: EmailSettingsInput) {
  const me = requireActor(actor);
  const choices = Object.entries(input).filter((entry): entry is [EmailKind, "NOW" | "DIGEST" | "OFF"] => isEmailKind(entry[0]) && entry[1] !== undefined);
  await db.$transaction(
    choices.map(([kind, mode]) =>
      db.emailSetting.upsert({ where: { userId_kind: { userId: me.id, kind } }, create: { userId: me.id, kind, mode }, update: { mode } }),
    ),
  );
}

const UNSUBSCRIBE_INVALID = msg("notifications.unsubscribe.linkInvalid");

/** What an unsubscribe link would stop, for the page that confirms it (no sign-in). */
export async function unsubscribeTarget(db: Db, token: string) {
  const target = readUnsubscribeToken(authSecret(), token);
  const person = target && (await db.user.findUnique({ where: { id: target.userId }, select: { email: true } }));
  if (!target || !person || !(target.scope === "digest" || target.scope === "all" || isEmailKind(target.scope))) throw invalid(UNSUBSCRIBE_INVALID);
  return { userId: target.userId, email: person.email, scope: target.scope as EmailKind | "digest" | "all" };
}

/**
 * Stops what the link names: one kind, every kind in the digest, or all
 * emails. Needs no sign-in (the link's signature is the proof, and a mail
 * provider's one-click POST has no session); doing it twice is harmless.
 */
export async function unsubscribe(db: Db, token: string, { everything = false }: { everything?: boolean } = {}) {
  const target = await unsubscribeTarget(db, token);
  const { userId, email } = target;
  // the link proves the mailbox is theirs: its page may stop every email, not only the kind it came with
  const scope = everything ? "all" : target.scope;
  const rows = await db.emailSetting.findMany({ where: { userId } });
  const chosen = new Map(rows.map((row) => [row.kind, row.mode]));
  const kinds = scope === "all" ? [...EMAIL_KINDS] : scope === "digest" ? EMAIL_KINDS.filter((kind) => emailModeOf(kind, chosen) === "DIGEST") : [scope];
  await db.$transaction(
    kinds.map((kind) => db.emailSetting.upsert({ where: { userId_kind: { userId, kind } }, create: { userId, kind, mode: "OFF" }, update: { mode: "OFF" } })),
  );
  return { email, scope, kinds };
}
