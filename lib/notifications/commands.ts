// Writes of notifications: organizers' webhooks (their secret shown once), a
// test message, retrying and redelivering from the outbox; and the news that
// events and the clock make, queued once per webhook.
import { randomUUID } from "node:crypto";
import type { Db } from "../platform/db";
import type { DomainEvent } from "../platform/events";
import { siteOrigin } from "../platform/config";
import { invalid, notFound } from "../platform/errors";
import { invalidAllowEntry, outboundPolicy, urlRefusal } from "../platform/outbound";
import { type Actor, assertOrganizer } from "../people/rules";
import { formatEditionNumber } from "../editions/rules";
import { enqueue, requeue } from "./outbox";
import { newsOfEvent, scheduledNews, webhooksFor } from "./queries";
import { chatBody, genericBody, type News, type WebhookKind } from "./rules";
import type { WebhookInput } from "./schemas";
import { newWebhookSecret } from "./signing";

/** The address's problem under the operator's and the organizer's rules, as a form error. */
function checkUrl(url: string, allowInternal: boolean) {
  const policy = outboundPolicy(allowInternal);
  const badEntry = invalidAllowEntry(policy.allow ?? []);
  if (badEntry) throw invalid(`The server's HEXATHON_WEBHOOK_ALLOW has "${badEntry}", which is not an address or a CIDR: ask its operator.`);
  const refusal = urlRefusal(url, policy);
  if (refusal) throw invalid(refusal, "url");
}

/** Adds a webhook; a GENERIC one gets its signing secret, returned this once. */
export async function createWebhook(db: Db, actor: Actor | null, editionId: string, input: WebhookInput) {
  const me = assertOrganizer(actor, "add webhooks");
  const edition = await db.edition.findUnique({ where: { id: editionId } });
  if (!edition) throw notFound("That edition doesn't exist.");
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
      secret,
      createdById: me.id,
    },
  });
  return { id: hook.id, secret };
}

async function hookOrNotFound(db: Db, actor: Actor | null, webhookId: string, doing: string) {
  assertOrganizer(actor, doing);
  const hook = await db.webhook.findUnique({ where: { id: webhookId }, include: { edition: true } });
  if (!hook) throw notFound("That webhook doesn't exist (any more).");
  return hook;
}

/** Deletes a webhook; its deliveries stay in the outbox's log, and those still queued fail as "deleted". */
export async function deleteWebhook(db: Db, actor: Actor | null, webhookId: string) {
  const hook = await hookOrNotFound(db, actor, webhookId, "delete webhooks");
  await db.webhook.delete({ where: { id: hook.id } });
  return hook;
}

/** Pauses or resumes a webhook: a paused one gets no new deliveries. */
export async function setWebhookActive(db: Db, actor: Actor | null, webhookId: string, active: boolean) {
  const hook = await hookOrNotFound(db, actor, webhookId, "pause webhooks");
  return db.webhook.update({ where: { id: hook.id }, data: { active } });
}

/** Queues a test message to one webhook, through the outbox like any other (its log shows the answer). */
export async function sendTestMessage(db: Db, actor: Actor | null, webhookId: string, now = new Date()) {
  const hook = await hookOrNotFound(db, actor, webhookId, "test webhooks");
  const slug = formatEditionNumber(hook.edition.number);
  const news: News = {
    key: `test:${randomUUID()}`,
    type: "webhook.test",
    editionId: hook.editionId,
    title: `Hexathon ${slug}: a test message`,
    text: `If you read this, “${hook.name}” works: ${slug}'s news will arrive here.`,
    url: `${siteOrigin()}/editions/${slug}`,
    data: { test: true },
    at: now,
  };
  await queueDelivery(db, hook, news, now);
}

/** Puts a message back in the queue: a failed one retried, or a delivered webhook message sent again. */
export async function retryMessage(db: Db, actor: Actor | null, messageId: string) {
  assertOrganizer(actor, "retry messages");
  const message = await db.outboxMessage.findUnique({ where: { id: messageId } });
  if (!message) throw notFound("That message doesn't exist.");
  if (message.status === "QUEUED") throw invalid("That message is queued already: it goes out at its next attempt.");
  if (message.status === "SENT" && message.channel !== "WEBHOOK") throw invalid("That email was sent already.");
  await requeue(db, message.id);
  return message;
}

type Hook = { id: string; kind: string; url: string; editionId: string };

function queueDelivery(db: Db, hook: Hook, news: News, now: Date) {
  const id = randomUUID();
  const body = hook.kind === "GENERIC" ? genericBody(news, id) : chatBody(hook.kind as Exclude<WebhookKind, "GENERIC">, news);
  return enqueue(db, {
    id,
    key: `webhook:${hook.id}:${news.key}`,
    channel: "WEBHOOK",
    editionId: hook.editionId,
    webhookId: hook.id,
    recipient: hook.url,
    kind: news.type,
    summary: news.title,
    body: JSON.stringify(body),
    now,
  });
}

async function queueNews(db: Db, news: News, now: Date): Promise<number> {
  let queued = 0;
  for (const hook of await webhooksFor(db, news)) if (await queueDelivery(db, hook, news, now)) queued++;
  return queued;
}

/** What an event is news of, queued for every webhook that wants it (the start-up subscribes it to events). */
export async function queueNewsOfEvent(db: Db, event: DomainEvent, now = new Date()): Promise<number> {
  const news = await newsOfEvent(db, event);
  return news ? queueNews(db, news, now) : 0;
}

/** The clock's news (challenges opening, presentations soon), queued once whichever instance asks first. */
export async function queueScheduledNews(db: Db, now = new Date()): Promise<number> {
  let queued = 0;
  for (const news of await scheduledNews(db, now)) queued += await queueNews(db, news, now);
  return queued;
}
