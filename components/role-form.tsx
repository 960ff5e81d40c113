"use client";
// One person's role on /people. A change asks first (it signs the person out
// everywhere; demoting oneself loses this page); saving the role unchanged
// doesn't. The server keeps at least one organizer whatever is confirmed.
import { useActionState } from "react";
import type { FormState } from "@/app/_lib/action";
import { ROLES, ROLE_LABELS, isRole, type Role } from "@/lib/people/rules";
import { ConfirmSubmit, type Question } from "./confirm-submit";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  userId: string;
  name: string;
  role: string;
  /** the row of the organizer reading the page */
  self?: boolean;
};

const withArticle = (role: Role) => `${role === "JUDGE" ? "a" : "an"} ${ROLE_LABELS[role].toLowerCase()}`;

/** What to ask before giving this person that role (null: nothing changes, nothing to ask). */
export function roleChangeQuestion(person: { name: string; role: string; self?: boolean }, next: string): Question | null {
  if (next === person.role || !isRole(next)) return null;
  const label = ROLE_LABELS[next].toLowerCase();
  if (person.self) {
    return {
      title: `Make yourself ${withArticle(next)}?`,
      details: (
        <>
          <p>
            <strong>You will no longer be an organizer:</strong> you lose this page and the organizers&apos; tools at once, and you are signed out everywhere,
            to sign in again as {label}.
          </p>
          <p className="mt-2">Only another organizer can make you an organizer again.</p>
        </>
      ),
      confirm: `Yes, make me ${label}`,
      danger: true,
    };
  }
  return {
    title: `Make ${person.name} ${withArticle(next)}?`,
    details: `They will be signed out and sign in again as ${label}.${person.role === "ORGANIZER" ? " They lose the organizers' tools." : ""}`,
    confirm: `Make ${label}`,
    danger: person.role === "ORGANIZER",
  };
}

export function RoleForm({ action, userId, name, role, self }: Props) {
  const [state, formAction] = useActionState(action, {});
  const id = `role-${userId}`;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="sr-only">
        Role of {name}
      </label>
      <select id={id} name="role" defaultValue={role} key={role} className="min-h-11 rounded-lg border-0 bg-white px-3 py-2 ring-1 ring-slate-300">
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      <ConfirmSubmit
        variant="secondary"
        aria-label={`Save role of ${name}`}
        ask={(form) => roleChangeQuestion({ name, role, self }, (form.elements.namedItem("role") as HTMLSelectElement | null)?.value ?? role)}
      >
        Save
      </ConfirmSubmit>
      {state.message && (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-green-800" : "text-sm font-medium text-red-700"}>
          {state.message}
        </p>
      )}
    </form>
  );
}
