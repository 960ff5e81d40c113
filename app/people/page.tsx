import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/session";
import { RoleForm } from "@/components/role-form";
import { PageHeader, NotAllowed } from "@/components/ui";
import { getDb } from "@/lib/db";
import { canManageRoles } from "@/lib/permissions";
import { listPeople } from "@/lib/users";
import { setRoleAction } from "./actions";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const user = await requireUser("/people");
  if (!canManageRoles(user)) {
    return <NotAllowed title="People">Only organizers can manage people and their roles.</NotAllowed>;
  }
  const people = await listPeople(getDb(), user);
  return (
    <div>
      <PageHeader title="People" />
      <p className="mb-4 text-slate-700">
        Organizers run editions; judges score mini-challenges and vote for jury prizes; employees propose topics, form teams and vote.
      </p>
      <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200" tabIndex={0}>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Everyone with an account, and their role</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-3">Name</th>
              <th scope="col" className="px-4 py-3">Email</th>
              <th scope="col" className="px-4 py-3">Role</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {people.map((p) => (
              <tr key={p.id}>
                <th scope="row" className="px-4 py-2 font-medium">{p.name}</th>
                <td className="px-4 py-2 text-slate-700">{p.email}</td>
                <td className="px-4 py-2">
                  <RoleForm action={setRoleAction} userId={p.id} name={p.name} role={p.role} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
