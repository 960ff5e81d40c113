// The outbox: every email and webhook delivery is a row first, then sent by
// whichever instance takes its lease, so a mail server or a chat that is down
// loses nothing, and an instance dying mid-send only delays a message (its
// lease runs out and another instance sends it). A message is sent at least
// once; receivers see the same id on a repeat (webhook-id, Message-ID) and can
// drop it — the unique key makes sure the same news is never queued twice.
import { randomUUID } from "node:crypto";
import type { Db } from "../platform/db";
import { isUniqueViolation } from "../platform/errors";
import { INSTANCE } from "../platform/instance";
import { log } from "../platform/log";
import { mailConfig, sendMail, type Mail } from "../platform/mail";
import { metrics } from "../platform/metrics";
import { OutboundRefused, outboundPolicy, postOutbound } from "../platform/outbound";
import { delivered, goneForGood, RETRY_FOR_MS, retryDelayMs } from "./rules";
import { signatureHeaders } from "./signing";

/** How long an instance holds a message it is sending: longer than the 10 s a receiver may take. */
const LEASE_MS = 60_000;
/** Messages sent at once by one instance: a receiver that hangs holds one of them, not the queue. */
const PARALLEL = 8;

export type QueuedMessage = {
  id?: string;
  key: string;
  channel: "EMAIL" | "WEBHOOK";
  editionId?: string | null;
  webhookId?: string | null;
  recipient: string;
  kind: string;
  summary: string;
  body: string;
  now?: Date;
};

/** Writes the message unless one with its key exists; true when written. */
export async function enqueue(db: Db, message: QueuedMessage): Promise<boolean> {
  const now = message.now ?? new Date();
  try {
    await db.outboxMessage.create({
      data: {
        id: message.id ?? randomUUID(),
        key: message.key,
        channel: message.channel,
        editionId: message.editionId ?? null,
        webhookId: message.webhookId ?? null,
        recipient: message.recipient,
        kind: message.kind,
        summary: message.summary.slice(0, 300),
        body: message.body,
        nextAttemptAt: now,
        expiresAt: new Date(now.getTime() + RETRY_FOR_MS),
      },
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false; // queued already (another instance, a repeat): once is enough
    throw error;
  }
}

export type DrainOptions = {
  now?: Date;
  /** the instance sending (tests play several) */
  owner?: string;
  limit?: number;
};

export type DrainResult = { sent: number; retry: number; failed: number };

/** Sends the messages that are due and that no other instance holds. */
export async function drainOutbox(db: Db, { now = new Date(), owner = INSTANCE, limit = 50 }: DrainOptions = {}): Promise<DrainResult> {
  const free = { OR: [{ leaseOwner: null }, { leaseUntil: { lt: now } }] };
  const due = await db.outboxMessage.findMany({
    where: { status: "QUEUED", nextAttemptAt: { lte: now }, ...free },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true },
  });
  const result: DrainResult = { sent: 0, retry: 0, failed: 0 };
  const queue = [...due];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      // taken only if still queued and free: two instances draining at once send it once
      const claimed = await db.outboxMessage.updateMany({
        where: { id: next.id, status: "QUEUED", ...free },
        data: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + LEASE_MS) },
      });
      if (claimed.count === 1) result[await attempt(db, next.id, owner, now)]++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, due.length) }, worker));
  metrics().outboxQueued.set(await db.outboxMessage.count({ where: { status: "QUEUED" } }));
  return result;
}

type Outcome = { ok: boolean; permanent: boolean; statusCode: number | null; response: string; durationMs: number };

/** One try at sending a message this instance holds; records the attempt and what comes next. */
async function attempt(db: Db, id: string, owner: string, now: Date): Promise<keyof DrainResult> {
  const message = await db.outboxMessage.findUniqueOrThrow({ where: { id }, include: { webhook: true } });
  const outcome = await send(message).catch((error: Error): Outcome => ({
    ok: false,
    permanent: error instanceof OutboundRefused,
    statusCode: null,
    response: error.message,
    durationMs: 0,
  }));
  const attempts = message.attempts + 1;
  const retryAt = new Date(now.getTime() + retryDelayMs(attempts));
  const next: keyof DrainResult = outcome.ok ? "sent" : outcome.permanent || retryAt > message.expiresAt ? "failed" : "retry";
  await db.$transaction([
    db.outboxAttempt.create({
      data: { messageId: id, ok: outcome.ok, statusCode: outcome.statusCode, durationMs: outcome.durationMs, response: outcome.response.slice(0, 500) },
    }),
    db.outboxMessage.updateMany({
      where: { id, leaseOwner: owner },
      data: {
        attempts,
        status: next === "sent" ? "SENT" : next === "failed" ? "FAILED" : "QUEUED",
        sentAt: outcome.ok ? new Date() : undefined,
        lastError: outcome.ok ? null : outcome.response.slice(0, 500),
        nextAttemptAt: next === "retry" ? retryAt : undefined,
        leaseOwner: null,
        leaseUntil: null,
      },
    }),
  ]);
  metrics().outbox.inc({ channel: message.channel, outcome: next });
  if (next === "failed") log().warn({ messageId: id, kind: message.kind, error: outcome.response }, "outbox: a message was given up");
  return next;
}

type Sendable = {
  id: string;
  channel: string;
  recipient: string;
  body: string;
  webhook: { url: string; kind: string; secret: string | null; allowInternal: boolean } | null;
};

async function send(message: Sendable): Promise<Outcome> {
  if (message.channel === "EMAIL") return sendEmail(message);
  if (!message.webhook) return { ok: false, permanent: true, statusCode: null, response: "The webhook was deleted.", durationMs: 0 };
  const { url, kind, secret, allowInternal } = message.webhook;
  const headers = kind === "GENERIC" && secret ? signatureHeaders(secret, message.id, message.body) : {};
  const answer = await postOutbound(url, message.body, headers, outboundPolicy(allowInternal));
  const ok = delivered(answer.status);
  return {
    ok,
    permanent: goneForGood(answer.status),
    statusCode: answer.status,
    response: ok ? answer.body.trim().slice(0, 200) : `HTTP ${answer.status}${answer.body.trim() ? `: ${answer.body.trim()}` : ""}`,
    durationMs: answer.durationMs,
  };
}

async function sendEmail(message: Sendable): Promise<Outcome> {
  const config = mailConfig();
  if (!config) return { ok: false, permanent: false, statusCode: null, response: "Email is off: SMTP_URL is not set.", durationMs: 0 };
  const mail = JSON.parse(message.body) as Mail;
  const started = performance.now();
  try {
    // the same Message-ID on a repeat: mail servers and clients recognize it
    await sendMail({ ...mail, to: message.recipient, messageId: `<${message.id}@${new URL(config.url).hostname || "hexathon"}>` }, config);
    return { ok: true, permanent: false, statusCode: 250, response: "Accepted by the mail server.", durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    const smtp = error as Error & { responseCode?: number; response?: string };
    return {
      ok: false,
      // 5xx: the server refuses this message for good (no such mailbox); 4xx and no answer: try again
      permanent: (smtp.responseCode ?? 0) >= 500,
      statusCode: smtp.responseCode ?? null,
      response: smtp.response ?? smtp.message,
      durationMs: Math.round(performance.now() - started),
    };
  }
}

/** Back in the queue now: a failed message an organizer retries, or a sent webhook delivery redelivered. */
export async function requeue(db: Db, id: string, now = new Date()) {
  return db.outboxMessage.updateMany({
    where: { id },
    data: { status: "QUEUED", nextAttemptAt: now, expiresAt: new Date(now.getTime() + RETRY_FOR_MS), leaseOwner: null, leaseUntil: null },
  });
}

const WORKER = Symbol.for("hexathon.outboxWorker");
type Worker = { kick: () => void };

/**
 * This process's sender: drains the outbox when kicked (news just queued) and
 * every few seconds (retries falling due, messages another instance left).
 * One drain at a time here; a kick during a drain runs another after it.
 */
export function outboxWorker(db: Db, everyMs = 5_000): Worker {
  const holder = globalThis as { [WORKER]?: Worker };
  if (holder[WORKER]) return holder[WORKER];
  let running = false;
  let again = false;
  const run = async () => {
    if (running) return void (again = true);
    running = true;
    try {
      do {
        again = false;
        await drainOutbox(db);
      } while (again);
    } catch (error) {
      log().error({ err: error }, "outbox: could not send the queued messages");
    } finally {
      running = false;
    }
  };
  setInterval(run, everyMs).unref();
  return (holder[WORKER] = { kick: () => void run() });
}
