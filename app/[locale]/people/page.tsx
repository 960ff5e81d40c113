import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const forgotten = (await searchParams).forgotten === "1";
  const user = await requireUser("/people");
  if (!canManageRoles(user)) {
    return <NotAllowed title="People">Only organizers can manage people and their roles.</NotAllowed>;
  }
  const [people, failures, pending] = await Promise.all([listPeople(getDb(), user), recentSignInFailures(getDb(), user), pendingAccounts(getDb(), user)]);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <div>
      <PageHeader title="People" />
      {forgotten && (
        <div className="mb-4">
          <Alert tone="success">Forgotten: their name and address are gone; what they did still counts, as &ldquo;A former colleague&rdquo;.</Alert>
        </div>
      )}
      <p className="mb-4 text-slate-700">
        Organizers run editions; judges score mini-challenges and vote for jury prizes; employees propose topics, form teams and vote.
      </p>
      {pending.length > 0 && (
        <section className="mb-8" aria-labelledby="pending">
          <h2 id="pending" className="mb-1 text-lg font-semibold">
            Waiting for approval
          </h2>
          <p className="mb-3 text-sm text-slate-700">
            {signUpMode() === "email"
              ? "They haven't followed the link we emailed them. Approve someone whose email doesn't arrive only if you know the address is theirs."
              : "This server sends no email, so new accounts wait for you: approve those whose address you know is theirs."}
          </p>
          <ul className="divide-y divide-slate-100 rounded-xl bg-white ring-1 ring-slate-200">
            {pending.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
                <span className="min-w-0 flex-1">
                  <span className="font-medium break-words">{p.name}</span> <span className="break-all text-slate-700">{p.email}</span>
                  <span className="block text-xs text-slate-600">signed up {formatInZone(p.createdAt, zone)}</span>
                </span>
                <ActionButton action={approveAccountAction} fields={{ userId: p.id }} variant="primary" label={`Approve ${p.name}`} pendingText="Approving…">
                  Approve
                </ActionButton>
                <ActionButton action={refuseAccountAction} fields={{ userId: p.id }} label={`Refuse ${p.name}`} pendingText="Refusing…">
                  Refuse
                </ActionButton>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200" tabIndex={0}>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Everyone with an account, and their role</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-3">
                Name
              </th>
              <th scope="col" className="px-4 py-3">
                Email
              </th>
              <th scope="col" className="px-4 py-3">
                Role
              </th>
              <th scope="col" className="px-4 py-3">
                Sessions
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
                    label={`Sign ${p.name} out everywhere`}
                    pendingText="Signing out…"
                    showSuccess
                  >
                    Sign out everywhere
                  </ActionButton>
                  {p.id !== user.id && (
                    <Link href={`/people/${p.id}/forget`} className="mt-1 inline-block text-sm text-indigo-800 underline" aria-label={`Forget ${p.name}`}>
                      Forget (left the company)
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
          Failed sign-ins, last 24 hours
        </h2>
        {failures.length === 0 ? (
          <p className="text-slate-700">None.</p>
        ) : (
          <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200" tabIndex={0}>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Failed sign-ins by the address typed (it may belong to nobody)</caption>
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-3">
                    Address typed
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Failures
                  </th>
                  <th scope="col" className="px-4 py-3">
                    From
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Last
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Waits until
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
                    <td className="px-4 py-2">{f.clients === 1 ? "1 address" : `${f.clients} addresses`}</td>
                    <td className="px-4 py-2 whitespace-nowrap">{formatInZone(f.last, zone)}</td>
                    <td className="px-4 py-2 whitespace-nowrap">{f.waitUntil ? formatInZone(f.waitUntil, zone) : "—"}</td>
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
