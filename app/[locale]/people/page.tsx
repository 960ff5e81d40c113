import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/app/_lib/session";
import { RoleForm } from "@/components/role-form";
import { Alert, PageHeader, NotAllowed } from "@/components/ui";
import { getDb } from "@/app/_lib/db";
import { canManageRoles } from "@/lib/people/rules";
import { formatInZone } from "@/lib/platform/time";
import { listPeople, pendingAccounts, recentSignInFailures, signUpMode } from "@/lib/people/queries";
import { ActionButton } from "@/components/action-button";
import Link from "@/components/link";
import { approveAccountAction, refuseAccountAction, setRoleAction, signOutEverywhereAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people");
  return { title: t("title") };
}

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const forgotten = (await searchParams).forgotten === "1";
  const user = await requireUser("/people");
  const [t, locale] = await Promise.all([getTranslations("people"), getLocale()]);
  if (!canManageRoles(user)) {
    return <NotAllowed title={t("title")}>{t("notAllowed")}</NotAllowed>;
  }
  const [people, failures, pending] = await Promise.all([listPeople(getDb(), user), recentSignInFailures(getDb(), user), pendingAccounts(getDb(), user)]);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <div>
      <PageHeader title={t("title")} />
      {forgotten && (
        <div className="mb-4">
          <Alert tone="success">{t("forgotten")}</Alert>
        </div>
      )}
      <p className="mb-4 text-slate-700">{t("roles")}</p>
      {pending.length > 0 && (
        <section className="mb-8" aria-labelledby="pending">
          <h2 id="pending" className="mb-1 text-lg font-semibold">
            {t("pending.title")}
          </h2>
          <p className="mb-3 text-sm text-slate-700">{signUpMode() === "email" ? t("pending.introEmail") : t("pending.introNoEmail")}</p>
          <ul className="divide-y divide-slate-100 rounded-xl bg-white ring-1 ring-slate-200">
            {pending.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
                <span className="min-w-0 flex-1">
                  <span className="font-medium break-words">{p.name}</span> <span className="break-all text-slate-700">{p.email}</span>
                  <span className="block text-xs text-slate-600">{t("pending.signedUp", { date: formatInZone(p.createdAt, zone, undefined, locale) })}</span>
                </span>
                <ActionButton
                  action={approveAccountAction}
                  fields={{ userId: p.id }}
                  variant="primary"
                  label={t("pending.approveLabel", { name: p.name })}
                  pendingText={t("pending.approving")}
                >
                  {t("pending.approve")}
                </ActionButton>
                <ActionButton
                  action={refuseAccountAction}
                  fields={{ userId: p.id }}
                  label={t("pending.refuseLabel", { name: p.name })}
                  pendingText={t("pending.refusing")}
                >
                  {t("pending.refuse")}
                </ActionButton>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="relative overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200" tabIndex={0}>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("table.caption")}</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-3">
                {t("table.name")}
              </th>
              <th scope="col" className="px-4 py-3">
                {t("table.email")}
              </th>
              <th scope="col" className="px-4 py-3">
                {t("table.role")}
              </th>
              <th scope="col" className="px-4 py-3">
                {t("table.sessions")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {people.map((p) => (
              <tr key={p.id}>
                <th scope="row" className="px-4 py-2 font-medium">
                  {p.name}
                </th>
                <td className="px-4 py-2 break-all text-slate-700">{p.email}</td>
                <td className="px-4 py-2">
                  <RoleForm action={setRoleAction} userId={p.id} name={p.name} role={p.role} self={p.id === user.id} />
                </td>
                <td className="px-4 py-2">
                  <ActionButton
                    action={signOutEverywhereAction}
                    fields={{ userId: p.id }}
                    label={t("table.signOutLabel", { name: p.name })}
                    pendingText={t("table.signingOut")}
                    showSuccess
                  >
                    {t("table.signOut")}
                  </ActionButton>
                  {p.id !== user.id && (
                    <Link
                      href={`/people/${p.id}/forget`}
                      className="mt-1 inline-block text-sm text-indigo-800 underline"
                      aria-label={t("table.forgetLabel", { name: p.name })}
                    >
                      {t("table.forget")}
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="mt-8" aria-labelledby="failures">
        <h2 id="failures" className="mb-2 text-lg font-semibold">
          {t("failures.title")}
        </h2>
        {failures.length === 0 ? (
          <p className="text-slate-700">{t("failures.none")}</p>
        ) : (
          <div className="relative overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200" tabIndex={0}>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("failures.caption")}</caption>
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-3">
                    {t("failures.address")}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {t("failures.failures")}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {t("failures.from")}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {t("failures.last")}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {t("failures.waitsUntil")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {failures.map((f) => (
                  <tr key={f.email}>
                    <th scope="row" className="px-4 py-2 font-medium break-all">
                      {f.email}
                    </th>
                    <td className="px-4 py-2">{f.failures}</td>
                    <td className="px-4 py-2">{t("failures.clients", { count: f.clients })}</td>
                    <td className="px-4 py-2 whitespace-nowrap">{formatInZone(f.last, zone, undefined, locale)}</td>
                    <td className="px-4 py-2 whitespace-nowrap">{f.waitUntil ? formatInZone(f.waitUntil, zone, undefined, locale) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
