import type { Metadata } from "next";
import { Suspense } from "react";
import Link from "@/components/link";
import { editionPath, loadForOrganizer } from "@/app/_lib/load";
import { ActionButton } from "@/components/action-button";
import { WebhookForm } from "@/components/notifications/webhook-form";
import { Alert, Badge, Card, EmptyState, PageHeader } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { notificationsAdmin } from "@/lib/notifications/queries";
import { EMAIL_KIND_LABELS, NEWS_LABELS, OUTBOX_STATUS_LABELS, isEmailKind, isNewsType } from "@/lib/notifications/rules";
import { checkMail } from "@/lib/platform/mail";
import { formatInZone } from "@/lib/platform/time";
import { createWebhookAction, deleteWebhookAction, retryMessageAction, setWebhookActiveAction, testWebhookAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

const STATUS_TONES = { QUEUED: "amber", SENT: "green", FAILED: "red" } as const;

const kindLabel = (kind: string) =>
  isNewsType(kind)
    ? NEWS_LABELS[kind]
    : isEmailKind(kind)
      ? `Email: ${EMAIL_KIND_LABELS[kind].label.toLowerCase()}`
      : kind === "digest"
        ? "Email: daily digest"
        : kind === "webhook.test"
          ? "Test message"
          : kind;

/** The mail server as sending would find it (connects, greets, signs in): a wrong SMTP_URL shows here, not as a crash. */
async function MailServerStatus() {
  const check = await checkMail();
  if (check.state === "off")
    return (
      <p className="text-slate-700">
        Email is off: the server&rsquo;s operator hasn&rsquo;t set <code>SMTP_URL</code>. Chat channels and webhooks work without it.
      </p>
    );
  if (check.state === "ok")
    return (
      <p role="status" className="text-green-800">
        The mail server at <span className="font-mono">{check.server}</span> answers and accepts Hexathon&rsquo;s sign-in: emails go out.
      </p>
    );
  return (
    <Alert>
      Emails can&rsquo;t go out:{" "}
      {check.server ? (
        <>
          the mail server at <span className="font-mono">{check.server}</span> answered{" "}
        </>
      ) : (
        "the configuration says "
      )}
      &ldquo;{check.problem}&rdquo;. They wait in the outbox; ask the server&rsquo;s operator to check <code>SMTP_URL</code>.
    </Alert>
  );
}

export default async function NotificationsPage({ params }: { params: Promise<{ slug: string }> }) {
  const page = await loadForOrganizer((await params).slug, "/notifications");
  if (!page) return null; // the layout says why
  const { edition, user } = page;
  const hex = formatEditionNumber(edition.number);
  const { webhooks, messages, counts } = await notificationsAdmin(getDb(), user, edition.id);
  const at = (date: Date) => formatInZone(date, edition.timezone);
  return (
    <div className="space-y-6">
      <PageHeader eyebrow={<Link href={editionPath(edition.number)}>Edition {hex}</Link>} title="Notifications" />
      <p className="text-slate-700">
        {hex}&rsquo;s news in your chat channels and other tools. Everything goes through the outbox below: when a receiver is down, its messages wait and are
        retried for a day.
      </p>

      <section aria-labelledby="email" className="space-y-3">
        <h2 id="email" className="text-xl font-bold">
          Email
        </h2>
        <Suspense fallback={<p className="text-slate-700">Checking the mail server…</p>}>
          <MailServerStatus />
        </Suspense>
        <p className="text-sm text-slate-700">People choose their emails in their account&rsquo;s settings; the ones sent for {hex} are in the outbox below.</p>
      </section>

      <section aria-labelledby="webhooks" className="space-y-3">
        <h2 id="webhooks" className="text-xl font-bold">
          Chat channels and webhooks
        </h2>
        {webhooks.length === 0 ? (
          <EmptyState>None yet: add one below.</EmptyState>
        ) : (
          <ul className="space-y-3">
            {webhooks.map((hook) => (
              <li key={hook.id}>
                <Card aria-labelledby={`hook-${hook.id}`} className="space-y-2">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0">
                      <h3 id={`hook-${hook.id}`} className="font-bold break-words">
                        {hook.name} {!hook.active && <Badge tone="amber">Paused</Badge>}
                      </h3>
                      <p className="text-sm break-all text-slate-700">
                        {hook.kindLabel} · <span className="font-mono">{hook.url}</span>
                        {hook.allowInternal && " · internal server"}
                      </p>
                      <p className="text-sm text-slate-700">{hook.events.map((type) => NEWS_LABELS[type]).join(" · ")}</p>
                    </div>
                    <div className="flex flex-wrap gap-2">
                      <ActionButton
                        action={testWebhookAction.bind(null, hook.id)}
                        pendingText="Queuing…"
                        showSuccess
                        label={`Send a test message to ${hook.name}`}
                      >
                        Send a test message
                      </ActionButton>
                      <ActionButton action={setWebhookActiveAction.bind(null, hook.id, !hook.active)} variant="ghost" pendingText="…">
                        {hook.active ? "Pause" : "Resume"}
                      </ActionButton>
                      <ActionButton
                        action={deleteWebhookAction.bind(null, hook.id)}
                        variant="ghost"
                        pendingText="Deleting…"
                        label={`Delete ${hook.name}`}
                        confirm={{
                          title: `Delete “${hook.name}”?`,
                          details: "It receives nothing more; its deliveries stay in the log.",
                          confirm: "Delete",
                          danger: true,
                        }}
                      >
                        Delete
                      </ActionButton>
                    </div>
                  </div>
                </Card>
              </li>
            ))}
          </ul>
        )}
        <Card aria-labelledby="new-webhook" className="space-y-3">
          <h3 id="new-webhook" className="text-lg font-semibold">
            Add a chat channel or webhook
          </h3>
          <WebhookForm action={createWebhookAction.bind(null, edition.id)} />
        </Card>
      </section>

      <section aria-labelledby="outbox" className="space-y-3">
        <h2 id="outbox" className="text-xl font-bold">
          Outbox
        </h2>
        <p className="text-sm text-slate-700">
          {(["QUEUED", "SENT", "FAILED"] as const).map((status) => `${counts[status] ?? 0} ${OUTBOX_STATUS_LABELS[status].toLowerCase()}`).join(" · ")} — the
          latest 50 messages.
        </p>
        {messages.length === 0 ? (
          <EmptyState>Nothing sent yet.</EmptyState>
        ) : (
          <ul className="space-y-2" aria-label="Messages">
            {messages.map((message) => (
              <li key={message.id}>
                <Card className="space-y-1 text-sm" aria-label={`${message.summary}: ${OUTBOX_STATUS_LABELS[message.status]}`}>
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0">
                      <p className="font-semibold break-words">{message.summary}</p>
                      <p className="break-all text-slate-700">
                        To {message.to} · {kindLabel(message.kind)} · {at(message.createdAt)}
                      </p>
                    </div>
                    <Badge tone={STATUS_TONES[message.status as keyof typeof STATUS_TONES] ?? "slate"}>
                      {OUTBOX_STATUS_LABELS[message.status] ?? message.status}
                    </Badge>
                  </div>
                  {message.status === "QUEUED" && message.attempts > 0 && message.nextAttemptAt && (
                    <p className="text-slate-700">
                      {message.attempts} failed {message.attempts === 1 ? "attempt" : "attempts"}; next at {at(message.nextAttemptAt)}.
                    </p>
                  )}
                  {message.lastError && <p className="break-words text-red-800">Last answer: {message.lastError}</p>}
                  {message.log.length > 0 && (
                    <details>
                      <summary className="cursor-pointer text-indigo-800">Delivery log ({message.attempts})</summary>
                      <table className="mt-1 w-full text-left text-xs">
                        <thead>
                          <tr>
                            <th scope="col">When</th>
                            <th scope="col">Answer</th>
                            <th scope="col">Took</th>
                          </tr>
                        </thead>
                        <tbody>
                          {message.log.map((attempt, i) => (
                            <tr key={i} className="align-top">
                              <td className="pr-2 whitespace-nowrap">{at(attempt.at)}</td>
                              <td className="pr-2 break-all">
                                {attempt.statusCode ?? "—"} {attempt.response}
                              </td>
                              <td className="whitespace-nowrap">{attempt.durationMs} ms</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </details>
                  )}
                  {message.status !== "QUEUED" && (message.status === "FAILED" || message.channel === "WEBHOOK") && (
                    <ActionButton
                      action={retryMessageAction.bind(null, message.id)}
                      pendingText="Queuing…"
                      label={`${message.status === "FAILED" ? "Retry" : "Redeliver"} “${message.summary}”`}
                    >
                      {message.status === "FAILED" ? "Retry" : "Redeliver"}
                    </ActionButton>
                  )}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
