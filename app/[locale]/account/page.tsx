import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/session";
import { ActionButton } from "@/components/action-button";
import { PasswordForm } from "@/components/password-form";
import { Card, PageHeader } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { ROLE_LABELS } from "@/lib/people/rules";
import { mySessions } from "@/lib/people/sessions";
import { formatInZone } from "@/lib/platform/time";
import { calendarKeyOf, hasPassword } from "@/lib/people/queries";
import { configuredOrigin } from "@/app/_lib/origin";
import { emailSettings } from "@/lib/notifications/queries";
import { EmailSettingsForm } from "@/components/notifications/email-settings-form";
import { calendarAddressAction, changePasswordAction, emailSettingsAction, signOutOthersAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

/** "Firefox on Linux" from a user agent, or what it said. */
function browserName(userAgent: string): string {
  if (!userAgent) return "A browser";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "A browser";
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
  return system ? `${browser} on ${system}` : browser;
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
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title="Your account" />
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="font-semibold">Name</dt>
          <dd className="break-words">{user.name}</dd>
          <dt className="font-semibold">Email</dt>
          <dd className="break-all">{user.email}</dd>
          <dt className="font-semibold">Role</dt>
          <dd>{ROLE_LABELS[user.role]}</dd>
        </dl>
      </Card>
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold">Password</h2>
        {password ? (
          <PasswordForm action={changePasswordAction} />
        ) : (
          <p className="text-slate-700">
            You have no password here: you sign in with the company&rsquo;s SSO (whose password is changed there) or with a one-time link sent by email.
          </p>
        )}
      </Card>
      {email && (
        <Card className="space-y-4">
          <h2 id="email" className="scroll-mt-20 text-lg font-semibold">
            Emails
          </h2>
          <p className="text-slate-700">
            What Hexathon tells you by email, and when: at once, or in one digest a day (sent at 08:00 in the edition&rsquo;s time zone). Every email has a link
            to stop that kind.
          </p>
          {!email.emailOn && (
            <p className="text-slate-700">This server sends no email yet (its operator hasn&rsquo;t set it up): your choices apply once it does.</p>
          )}
          <EmailSettingsForm kinds={email.kinds} action={emailSettingsAction} labelledBy="email" />
        </Card>
      )}
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold">Your calendar</h2>
        <p className="text-slate-700">
          Subscribe to it from Outlook, Google or Apple Calendar: the agenda, your team&rsquo;s slot on stage once the running order is set, and its challenges.
          It updates itself. Keep the address to yourself: anyone who has it sees your calendar.
        </p>
        {calendarUrl ? (
          <>
            <label className="block text-sm font-semibold" htmlFor="calendar-url">
              Calendar address
            </label>
            <input id="calendar-url" readOnly value={calendarUrl} className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-sm" />
            <ActionButton
              action={calendarAddressAction}
              fields={{ reset: "yes" }}
              pendingText="Resetting…"
              showSuccess
              confirm={{
                title: "Give your calendar a new address?",
                details: "Calendars subscribed to the old address stop updating.",
                confirm: "New address",
              }}
            >
              New address
            </ActionButton>
          </>
        ) : (
          <ActionButton action={calendarAddressAction} pendingText="Creating…" showSuccess>
            Create my calendar address
          </ActionButton>
        )}
      </Card>
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold">Your data</h2>
        <p className="text-slate-700">
          Everything Hexathon keeps about you, in one file: your profile, topics, interests, teams, the ballots you cast signed in, your articles, judgments and
          email settings.
        </p>
        <a href="/api/me/data" download className="inline-block font-semibold text-indigo-800 underline">
          Download your data (JSON)
        </a>
      </Card>
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold">Where you are signed in</h2>
        <ul className="divide-y divide-slate-100 text-sm">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap justify-between gap-2 py-2">
              <span>
                {browserName(s.userAgent)}
                {s.id === user.sessionId && <span className="ml-2 rounded bg-indigo-100 px-1.5 py-0.5 text-xs text-indigo-900">this browser</span>}
              </span>
              <span className="text-slate-700">since {formatInZone(s.createdAt, zone)}</span>
            </li>
          ))}
        </ul>
        {sessions.length > 1 && (
          <ActionButton action={signOutOthersAction} pendingText="Signing out…" showSuccess>
            Sign out everywhere else
          </ActionButton>
        )}
      </Card>
    </div>
  );
}
