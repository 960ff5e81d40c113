// Notifications' rules, as plain functions: what news an edition sends to
// chat channels and webhooks, each platform's message format, and how often a
// failed delivery is retried, and what emails people get. No database, no node
// modules (forms import it).
import { utcToZonedLocal, zonedLocalToUtc } from "../platform/time";

/** Where a webhook posts: a chat platform's incoming webhook, or any tool taking signed JSON. */
export const WEBHOOK_KINDS = ["SLACK", "MATTERMOST", "TEAMS", "GENERIC"] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];
export const WEBHOOK_KIND_LABELS: Record<WebhookKind, string> = {
  SLACK: "Slack",
  MATTERMOST: "Mattermost",
  TEAMS: "Microsoft Teams",
  GENERIC: "Another tool (signed JSON)",
};

/**
 * The news an edition sends, by the type name deliveries carry (documented in
 * docs/notifications.md: receivers depend on these names).
 */
export const NEWS_TYPES = [
  "topic.proposed",
  "phase.changed",
  "challenge.opened",
  "tournament.finished",
  "presentations.soon",
  "vote.opened",
  "vote.closed",
  "podium.revealed",
  "article.published",
] as const;
export type NewsType = (typeof NEWS_TYPES)[number];
export const NEWS_LABELS: Record<NewsType, string> = {
  "topic.proposed": "A topic is proposed",
  "phase.changed": "The edition moves to its next phase",
  "challenge.opened": "A mini-challenge opens",
  "tournament.finished": "A bot tournament is finished",
  "presentations.soon": "Presentations start in 15 minutes",
  "vote.opened": "The vote opens (with the link to vote)",
  "vote.closed": "The vote closes",
  "podium.revealed": "The whole podium is revealed",
  "article.published": "An article is published",
};
export const isNewsType = (value: string): value is NewsType => (NEWS_TYPES as readonly string[]).includes(value);

/** How long before the presentations "starting soon" goes out. */
export const SOON_MS = 15 * 60_000;
/** A scheduled piece of news older than this when noticed (the servers were down) is not sent any more. */
export const STALE_NEWS_MS = 60 * 60_000;

/** One piece of news, whatever the channel: a sentence, more text, where to read on, and the facts receivers may use. */
export type News = {
  /** unique per piece of news: with the webhook's id, the key of its delivery */
  key: string;
  /** webhook.test: the organizer's "send a test message" */
  type: NewsType | "webhook.test";
  editionId: string;
  /** one line, e.g. "0x09: voting is open" */
  title: string;
  /** a few plain-text lines, or nothing */
  text: string;
  /** the page to open */
  url: string;
  /** the machine-readable side, for GENERIC receivers */
  data: Record<string, unknown>;
  at: Date;
};

/** The body each platform's incoming webhook understands; `open` labels the link (in the channel's language). */
export function chatBody(kind: Exclude<WebhookKind, "GENERIC">, news: Pick<News, "title" | "text" | "url">, open = "Open in Hexathon"): unknown {
  switch (kind) {
    case "SLACK": {
      // Slack's mrkdwn: &, < and > are the only characters to escape; <url|label> is a link
      const slack = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      const text = `*${slack(news.title)}*${news.text ? `\n${slack(news.text)}` : ""}\n<${news.url}|${slack(open)}>`;
      return { text: `${news.title} ${news.url}`, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
    }
    case "MATTERMOST":
      return { text: `#### ${markdown(news.title)}${news.text ? `\n${markdown(news.text)}` : ""}\n[${markdown(open)}](${news.url})` };
    case "TEAMS":
      // Teams' Workflows ("When a Teams webhook request is received") posts Adaptive Cards; its old connectors are retired
      return {
        type: "message",
        attachments: [
          {
            contentType: "application/vnd.microsoft.card.adaptive",
            contentUrl: null,
            content: {
              $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
              type: "AdaptiveCard",
              version: "1.4",
              body: [
                { type: "TextBlock", text: markdown(news.title), weight: "Bolder", size: "Medium", wrap: true },
                ...(news.text ? [{ type: "TextBlock", text: markdown(news.text), wrap: true }] : []),
              ],
              actions: [{ type: "Action.OpenUrl", title: open, url: news.url }],
            },
          },
        ],
      };
  }
}

/** People's words (a topic's title) shown as they are, not as Markdown. */
function markdown(s: string): string {
  return s.replace(/([\\`*_{}[\]()#+\-.!|>~<])/g, "\\$1");
}

/** The body a GENERIC receiver gets: documented in docs/notifications.md. */
export function genericBody(news: News, deliveryId: string) {
  return { id: deliveryId, type: news.type, time: news.at.toISOString(), data: { ...news.data, title: news.title, url: news.url } };
}

/**
 * How long to wait after the n-th failed attempt (1-based): 30 s, doubling, at
 * most an hour: about 30 attempts in the day a delivery is retried.
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

/** How long a message is retried before it is given up: a day. */
export const RETRY_FOR_MS = 24 * 60 * 60_000;

/** Whether an HTTP answer means the receiver took the message (2xx), or is gone for good (410: stop retrying). */
export const delivered = (status: number) => status >= 200 && status < 300;
export const goneForGood = (status: number) => status === 410;

/** The URL as the outbox shows it: chat webhooks carry their secret in the path, so only the host and the path's start. */
export function maskedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const first = parsed.pathname.split("/").filter(Boolean)[0];
    return `${parsed.protocol}//${parsed.host}${first ? `/${first}/…` : "/"}`;
  } catch {
    return "(not a web address)";
  }
}

export const OUTBOX_STATUS_LABELS: Record<string, string> = { QUEUED: "Queued", SENT: "Sent", FAILED: "Failed" };

/**
 * What a person may hear of by email, each chosen in their settings: at once,
 * in a daily digest, or not at all. The first seven concern the person
 * (their topic, their team, their article, or what waits for organizers'
 * review); the last two the edition they take part in.
 */
export const EMAIL_KINDS = [
  "topic.interest",
  "topic.reviewed",
  "team.changed",
  "topic.review",
  "article.review",
  "article.changes",
  "article.published",
  "phase.changed",
  "presentations.soon",
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];
export const isEmailKind = (value: string): value is EmailKind => (EMAIL_KINDS as readonly string[]).includes(value);

export const EMAIL_MODES = ["NOW", "DIGEST", "OFF"] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];
export const EMAIL_MODE_LABELS: Record<EmailMode, string> = { NOW: "At once", DIGEST: "In the daily digest", OFF: "Never" };

export const EMAIL_KIND_LABELS: Record<EmailKind, { label: string; hint: string; default: EmailMode; organizersOnly?: true }> = {
  "topic.interest": { label: "Interest in my topics", hint: "Someone shows interest in a topic you proposed.", default: "DIGEST" },
  "topic.reviewed": { label: "My topics reviewed", hint: "A topic you proposed is approved, rejected or merged.", default: "NOW" },
  "team.changed": { label: "My team", hint: "Someone joins or leaves your team, or renames it.", default: "NOW" },
  "topic.review": { label: "Topics to review", hint: "Someone proposes a topic: it waits for an organizer's approval.", default: "NOW", organizersOnly: true },
  "article.review": { label: "Articles to review", hint: "A team asks the organizers to publish its article.", default: "NOW", organizersOnly: true },
  "article.changes": { label: "Changes asked for my articles", hint: "The organizers send your team's article back with comments.", default: "NOW" },
  "article.published": { label: "My articles published", hint: "Your team's article is on the public pages.", default: "NOW" },
  "phase.changed": {
    label: "The edition's next phase",
    hint: "An edition you take part in opens proposals, starts hacking, opens the vote…",
    default: "DIGEST",
  },
  "presentations.soon": { label: "Presentations starting", hint: "15 minutes before the presentations of an edition you take part in.", default: "NOW" },
};

/** A person's mode for a kind: their choice, else the kind's default. */
export function emailModeOf(kind: EmailKind, chosen: ReadonlyMap<string, string> | undefined): EmailMode {
  const mode = chosen?.get(kind);
  return mode === "NOW" || mode === "DIGEST" || mode === "OFF" ? mode : EMAIL_KIND_LABELS[kind].default;
}

/** The hour (local, in the edition's time zone) the daily digest goes out. */
export const DIGEST_HOUR = 8;

/** When the digest holding a notification of `at` goes out: the next DIGEST_HOUR:00 in `tz` after it. */
export function digestDueAt(at: Date, tz: string): Date {
  const day = utcToZonedLocal(at, tz).slice(0, 10);
  const hour = `T${String(DIGEST_HOUR).padStart(2, "0")}:00`;
  const today = zonedLocalToUtc(`${day}${hour}`, tz);
  if (today && today > at) return today;
  // noon UTC of the local day, plus a day, is always the next local day
  const next = new Date(Date.parse(`${day}T12:00:00Z`) + 24 * 60 * 60_000).toISOString().slice(0, 10);
  return zonedLocalToUtc(`${next}${hour}`, tz) ?? new Date(at.getTime() + 24 * 60 * 60_000);
}
