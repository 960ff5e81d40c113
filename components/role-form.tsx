"use client";
import { useActionState } from "react";
import type { FormState } from "@/app/_lib/action";
import { ROLES, ROLE_LABELS } from "@/lib/domain";
import { SubmitButton } from "./form";

type Props = { action: (prev: FormState, formData: FormData) => Promise<FormState>; userId: string; name: string; role: string };

export function RoleForm({ action, userId, name, role }: Props) {
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
      <SubmitButton variant="secondary" aria-label={`Save role of ${name}`}>
        Save
      </SubmitButton>
      {state.message && (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-green-800" : "text-sm font-medium text-red-700"}>
          {state.message}
        </p>
      )}
    </form>
  );
}
