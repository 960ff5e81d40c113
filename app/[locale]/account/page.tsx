import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/app/_lib/session";
import { ActionButton } from "@/components/action-button";
import { PasswordForm } from "@/components/password-form";
import { Card, PageHeader } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { mySessions } from "@/lib/people/sessions";
import { formatInZone } from "@/lib/platform/time";
import { calendarKeyOf, hasPassword } from "@/lib/people/queries";
import { configuredOrigin } from "@/app/_lib/origin";
import { emailSettings } from "@/lib/notifications/queries";
import { EmailSettingsForm } from "@/components/notifications/email-settings-form";
import { calendarAddressAction, changePasswordAction, emailSettingsAction, signOutOthersAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

/** "Firefox on Linux" from a user agent, or what it said ("A browser" and "… on …" in the reader's language). */
function browserName(userAgent: string, words: { unknown: string; on: (browser: string, system: string) => string }): string {
  if (!userAgent) return words.unknown;
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : words.unknown;
  const system = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "";
  return system ? words.on(browser, system) : browser;
}

export default async function AccountPage() {
  const user = await requireUser("/account");
  const db = getDb();
  const [sessions, password, calendarKey, email] = await Promise.all([
    mySessions(db, user),
    hasPassword(db, user),
    calendarKeyOf(db, user),
    emailSettings(db, user),
  ]);
  const calendarUrl = calendarKey && `${configuredOrigin()}/calendar/${calendarKey}.ics`;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [t, tl, locale] = await Promise.all([getTranslations("account"), getTranslations("labels"), getLocale()]);
  const browserWords = { unknown: t("sessions.unknownBrowser"), on: (browser: string, system: string) => t("sessions.browserOn", { browser, system }) };
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title={t("title")} />
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="font-semibold">{t("name")}</dt>
          <dd className="break-words">{user.name}</dd>
          <dt className="font-semibold">{t("email")}</dt>
          <dd className="break-all">{user.email}</dd>
          <dt className="font-semibold">{t("role")}</dt>
          <dd>{tl(`role.${user.role}`)}</dd>
        </dl>
      </Card>
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold">{t("password.title")}</h2>
        {password ? <PasswordForm action={changePasswordAction} /> : <p className="text-slate-700">{t("password.none")}</p>}
      </Card>
      {email && (
        <Card className="space-y-4">
          <h2 id="email" className="scroll-mt-20 text-lg font-semibold">
            {t("emails.title")}
          </h2>
          <p className="text-slate-700">{t("emails.intro")}</p>
          {!email.emailOn && <p className="text-slate-700">{t("emails.noEmailYet")}</p>}
          <EmailSettingsForm kinds={email.kinds} action={emailSettingsAction} labelledBy="email" />
        </Card>
      )}
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold">{t("calendar.title")}</h2>
        <p className="text-slate-700">{t("calendar.intro")}</p>
        {calendarUrl ? (
          <>
            <label className="block text-sm font-semibold" htmlFor="calendar-url">
              {t("calendar.address")}
            </label>
            <input id="calendar-url" readOnly value={calendarUrl} className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-sm" />
            <ActionButton
              action={calendarAddressAction}
              fields={{ reset: "yes" }}
              pendingText={t("calendar.resetting")}
              showSuccess
              confirm={{
                title: t("calendar.resetQuestion"),
                details: t("calendar.resetDetails"),
                confirm: t("calendar.newAddress"),
              }}
            >
              {t("calendar.newAddress")}
            </ActionButton>
          </>
        ) : (
          <ActionButton action={calendarAddressAction} pendingText={t("calendar.creating")} showSuccess>
            {t("calendar.create")}
          </ActionButton>
        )}
      </Card>
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold">{t("data.title")}</h2>
        <p className="text-slate-700">{t("data.intro")}</p>
        <a href="/api/me/data" download className="inline-block font-semibold text-indigo-800 underline">
          {t("data.download")}
        </a>
      </Card>
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold">{t("sessions.title")}</h2>
        <ul className="divide-y divide-slate-100 text-sm">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap justify-between gap-2 py-2">
              <span>
                {browserName(s.userAgent, browserWords)}
                {s.id === user.sessionId && (
                  <span className="ml-2 rounded bg-indigo-100 px-1.5 py-0.5 text-xs text-indigo-900">{t("sessions.thisBrowser")}</span>
                )}
              </span>
              <span className="text-slate-700">{t("sessions.since", { date: formatInZone(s.createdAt, zone, undefined, locale) })}</span>
            </li>
          ))}
        </ul>
        {sessions.length > 1 && (
          <ActionButton action={signOutOthersAction} pendingText={t("sessions.signingOut")} showSuccess>
            {t("sessions.signOutOthers")}
          </ActionButton>
        )}
      </Card>
    </div>
  );
}
