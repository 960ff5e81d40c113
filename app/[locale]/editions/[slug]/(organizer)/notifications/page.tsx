import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense, type ReactNode } from "react";
import Link from "@/components/link";
import { editionPath, loadForOrganizer } from "@/app/_lib/load";
import { ActionButton } from "@/components/action-button";
import { WebhookForm, WebhookSettingsForm } from "@/components/notifications/webhook-form";
import { Alert, Badge, Card, EmptyState, PageHeader } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { notificationsAdmin } from "@/lib/notifications/queries";
import { WEBHOOK_KINDS, isEmailKind, isNewsType, type WebhookKind } from "@/lib/notifications/rules";
import { checkMail } from "@/lib/platform/mail";
import { defaultLocale, LOCALE_NAMES } from "@/lib/platform/locale";
import { formatInZone } from "@/lib/platform/time";
import { createWebhookAction, deleteWebhookAction, retryMessageAction, setWebhookActiveAction, testWebhookAction, updateWebhookAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.page");
  return { title: t("title") };
}

const STATUS_TONES = { QUEUED: "amber", SENT: "green", FAILED: "red" } as const;

const OUTBOX_STATUSES = ["QUEUED", "SENT", "FAILED"] as const;
type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
const isOutboxStatus = (status: string): status is OutboxStatus => (OUTBOX_STATUSES as readonly string[]).includes(status);
const isWebhookKind = (kind: string): kind is WebhookKind => (WEBHOOK_KINDS as readonly string[]).includes(kind);

/** The mail server as sending would find it (connects, greets, signs in): a wrong SMTP_URL shows here, not as a crash. */
async function MailServerStatus() {
  const check = await checkMail();
  const t = await getTranslations("notifications.page");
  const code = (chunks: ReactNode) => <code>{chunks}</code>;
  const mono = (chunks: ReactNode) => <span className="font-mono">{chunks}</span>;
  if (check.state === "off") return <p className="text-slate-700">{t.rich("mailOff", { code })}</p>;
  if (check.state === "ok")
    return (
      <p role="status" className="text-green-800">
        {t.rich("mailOk", { server: check.server, mono })}
      </p>
    );
  return (
    <Alert>
      {check.server
        ? t.rich("mailProblemServer", { server: check.server, problem: check.problem, mono, code })
        : t.rich("mailProblemConfig", { problem: check.problem, code })}
    </Alert>
  );
}

export default async function NotificationsPage({ params }: { params: Promise<{ slug: string }> }) {
  const page = await loadForOrganizer((await params).slug, "/notifications");
  if (!page) return null; // the layout says why
  const { edition, user } = page;
  const hex = formatEditionNumber(edition.number);
  const { webhooks, messages, counts } = await notificationsAdmin(getDb(), user, edition.id);
  const [t, tr, locale] = await Promise.all([getTranslations("notifications.page"), getTranslations(), getLocale()]);
  const at = (date: Date) => formatInZone(date, edition.timezone, undefined, locale);
  const instanceLanguage = LOCALE_NAMES[defaultLocale()];
  const statusLabel = (status: string) => (isOutboxStatus(status) ? tr(`labels.outboxStatus.${status}`) : status);
  const kindLabel = (kind: string) =>
    isNewsType(kind)
      ? tr(`labels.news.${kind}`)
      : isEmailKind(kind)
        ? t("kindEmail", { label: tr(`labels.emailKind.${kind}.label`).toLowerCase() })
        : kind === "digest"
          ? t("kindDigest")
          : kind === "webhook.test"
            ? t("kindTest")
            : kind;
  return (
    <div className="space-y-6">
      <PageHeader eyebrow={<Link href={editionPath(edition.number)}>{tr("layout.edition", { number: hex })}</Link>} title={t("title")} />
      <p className="text-slate-700">{t("intro", { edition: hex })}</p>

      <section aria-labelledby="email" className="space-y-3">
        <h2 id="email" className="text-xl font-bold">
          {t("email")}
        </h2>
        <Suspense fallback={<p className="text-slate-700">{t("checkingMail")}</p>}>
          <MailServerStatus />
        </Suspense>
        <p className="text-sm text-slate-700">{t("peopleChoose", { edition: hex })}</p>
      </section>

      <section aria-labelledby="webhooks" className="space-y-3">
        <h2 id="webhooks" className="text-xl font-bold">
          {t("webhooks")}
        </h2>
        {webhooks.length === 0 ? (
          <EmptyState>{t("noWebhooks")}</EmptyState>
        ) : (
          <ul className="space-y-3">
            {webhooks.map((hook) => (
              <li key={hook.id}>
                <Card aria-labelledby={`hook-${hook.id}`} className="space-y-2">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0">
                      <h3 id={`hook-${hook.id}`} className="font-bold break-words">
                        {hook.name} {!hook.active && <Badge tone="amber">{t("paused")}</Badge>}
                      </h3>
                      <p className="text-sm break-all text-slate-700">
                        {isWebhookKind(hook.kind) ? tr(`labels.webhookKind.${hook.kind}`) : hook.kindLabel} · <span className="font-mono">{hook.url}</span>
                        {hook.locale && ` · ${t("inLanguage", { language: LOCALE_NAMES[hook.locale] })}`}
                        {hook.allowInternal && ` · ${t("internalServer")}`}
                      </p>
                      <p className="text-sm text-slate-700">{hook.events.map((type) => tr(`labels.news.${type}`)).join(" · ")}</p>
                    </div>
                    <div className="flex flex-wrap gap-2">
                      <ActionButton
                        action={testWebhookAction.bind(null, hook.id)}
                        pendingText={t("queuing")}
                        showSuccess
                        label={t("testLabel", { name: hook.name })}
                      >
                        {t("test")}
                      </ActionButton>
                      <ActionButton action={setWebhookActiveAction.bind(null, hook.id, !hook.active)} variant="ghost" pendingText="…">
                        {hook.active ? t("pause") : t("resume")}
                      </ActionButton>
                      <ActionButton
                        action={deleteWebhookAction.bind(null, hook.id)}
                        variant="ghost"
                        pendingText={t("deleting")}
                        label={t("deleteLabel", { name: hook.name })}
                        confirm={{
                          title: t("deleteTitle", { name: hook.name }),
                          details: t("deleteDetails"),
                          confirm: t("delete"),
                          danger: true,
                        }}
                      >
                        {t("delete")}
                      </ActionButton>
                    </div>
                  </div>
                  <details>
                    <summary className="cursor-pointer text-sm font-semibold text-indigo-800">{t("change")}</summary>
                    <div className="mt-2">
                      <WebhookSettingsForm
                        action={updateWebhookAction.bind(null, hook.id)}
                        saved={{ id: hook.id, name: hook.name, events: hook.events, locale: hook.locale }}
                        instanceLanguage={instanceLanguage}
                      />
                    </div>
                  </details>
                </Card>
              </li>
            ))}
          </ul>
        )}
        <Card aria-labelledby="new-webhook" className="space-y-3">
          <h3 id="new-webhook" className="text-lg font-semibold">
            {t("addWebhook")}
          </h3>
          <WebhookForm action={createWebhookAction.bind(null, edition.id)} instanceLanguage={instanceLanguage} />
        </Card>
      </section>

      <section aria-labelledby="outbox" className="space-y-3">
        <h2 id="outbox" className="text-xl font-bold">
          {t("outbox")}
        </h2>
        <p className="text-sm text-slate-700">{t("outboxCounts", { queued: counts.QUEUED ?? 0, sent: counts.SENT ?? 0, failed: counts.FAILED ?? 0 })}</p>
        {messages.length === 0 ? (
          <EmptyState>{t("nothingSent")}</EmptyState>
        ) : (
          <ul className="space-y-2" aria-label={t("messages")}>
            {messages.map((message) => (
              <li key={message.id}>
                <Card className="space-y-1 text-sm" aria-label={t("messageLabel", { summary: message.summary, status: statusLabel(message.status) })}>
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0">
                      <p className="font-semibold break-words">{message.summary}</p>
                      <p className="break-all text-slate-700">{t("messageTo", { to: message.to, kind: kindLabel(message.kind), at: at(message.createdAt) })}</p>
                    </div>
                    <Badge tone={STATUS_TONES[message.status as keyof typeof STATUS_TONES] ?? "slate"}>{statusLabel(message.status)}</Badge>
                  </div>
                  {message.status === "QUEUED" && message.attempts > 0 && message.nextAttemptAt && (
                    <p className="text-slate-700">{t("attempts", { count: message.attempts, at: at(message.nextAttemptAt) })}</p>
                  )}
                  {message.lastError && <p className="break-words text-red-800">{t("lastAnswer", { error: message.lastError })}</p>}
                  {message.log.length > 0 && (
                    <details>
                      <summary className="cursor-pointer text-indigo-800">{t("deliveryLog", { count: message.attempts })}</summary>
                      <table className="mt-1 w-full text-left text-xs">
                        <thead>
                          <tr>
                            <th scope="col">{t("colWhen")}</th>
                            <th scope="col">{t("colAnswer")}</th>
                            <th scope="col">{t("colTook")}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {message.log.map((attempt, i) => (
                            <tr key={i} className="align-top">
                              <td className="pr-2 whitespace-nowrap">{at(attempt.at)}</td>
                              <td className="pr-2 break-all">
                                {attempt.statusCode ?? "—"} {attempt.response}
                              </td>
                              <td className="whitespace-nowrap">{t("durationMs", { ms: attempt.durationMs })}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </details>
                  )}
                  {message.status !== "QUEUED" && (message.status === "FAILED" || message.channel === "WEBHOOK") && (
                    <ActionButton
                      action={retryMessageAction.bind(null, message.id)}
                      pendingText={t("queuing")}
                      label={message.status === "FAILED" ? t("retryLabel", { summary: message.summary }) : t("redeliverLabel", { summary: message.summary })}
                    >
                      {message.status === "FAILED" ? t("retry") : t("redeliver")}
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
