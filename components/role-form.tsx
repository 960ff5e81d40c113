"use client";
// One person's role on /people. A change asks first (it signs the person out
// everywhere; demoting oneself loses this page); saving the role unchanged
// doesn't. The server keeps at least one organizer whatever is confirmed.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/app/_lib/action";
import { ROLES, isRole } from "@/lib/people/rules";
import { ConfirmSubmit, type Question } from "./confirm-submit";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  userId: string;
  name: string;
  role: string;
  /** the row of the organizer reading the page */
  self?: boolean;
};

/** The questions' sentences, in the reader's language (useTranslations("people.roleForm")). */
type Translator = ReturnType<typeof useTranslations<"people.roleForm">>;

/** What to ask before giving this person that role (null: nothing changes, nothing to ask). */
export function roleChangeQuestion(person: { name: string; role: string; self?: boolean }, next: string, t: Translator): Question | null {
  if (next === person.role || !isRole(next)) return null;
  if (person.self) {
    return {
      title: t("selfTitle", { role: next }),
      details: (
        <>
          <p>{t.rich("selfDetails", { role: next, strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <p className="mt-2">{t("selfAgain")}</p>
        </>
      ),
      confirm: t("selfConfirm", { role: next }),
      danger: true,
    };
  }
  return {
    title: t("title", { name: person.name, role: next }),
    details: t(person.role === "ORGANIZER" ? "detailsFromOrganizer" : "details", { role: next }),
    confirm: t("confirm", { role: next }),
    danger: person.role === "ORGANIZER",
  };
}

export function RoleForm({ action, userId, name, role, self }: Props) {
  const t = useTranslations("people.roleForm");
  const tl = useTranslations("labels");
  const [state, formAction] = useActionState(action, {});
  const id = `role-${userId}`;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="sr-only">
        {t("label", { name })}
      </label>
      <select id={id} name="role" defaultValue={role} key={role} className="min-h-11 rounded-lg border-0 bg-white px-3 py-2 ring-1 ring-slate-300">
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {tl(`role.${r}`)}
          </option>
        ))}
      </select>
      <ConfirmSubmit
        variant="secondary"
        aria-label={t("saveLabel", { name })}
        ask={(form) => roleChangeQuestion({ name, role, self }, (form.elements.namedItem("role") as HTMLSelectElement | null)?.value ?? role, t)}
      >
        {t("save")}
      </ConfirmSubmit>
      {state.message && (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-green-800" : "text-sm font-medium text-red-700"}>
          {state.message}
        </p>
      )}
    </form>
  );
}
