"use client";
// A one-button form bound to a server action (join, leave, approve, "I'm
// interested"…). It works without JavaScript, and says why when the server
// refuses.
import { useActionState, type ReactNode } from "react";
import type { FormState } from "@/app/_lib/action";
import { ConfirmSubmit, type Question } from "./confirm-submit";
import type { ButtonVariant } from "./ui";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  children: ReactNode;
  pendingText?: string;
  variant?: ButtonVariant;
  /** hidden fields sent with the click */
  fields?: Record<string, string>;
  /** for toggles such as "I'm interested" */
  pressed?: boolean;
  className?: string;
  label?: string;
  /** say so when it worked (for actions whose effect isn't visible on the page) */
  showSuccess?: boolean;
  /** ask this first (leaving a team): components/confirm-submit.tsx */
  confirm?: Question;
};

export function ActionButton({ action, children, pendingText, variant = "secondary", fields = {}, pressed, className, label, showSuccess, confirm }: Props) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className={className}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ConfirmSubmit ask={confirm ?? null} variant={variant} pendingText={pendingText ?? "…"} aria-pressed={pressed} aria-label={label}>
        {children}
      </ConfirmSubmit>
      {showSuccess && state.ok && state.message && (
        <p role="status" className="mt-2 max-w-sm text-sm text-green-800">
          {state.message}
        </p>
      )}
      {state.ok === false && state.message && (
        <p role="alert" className="mt-2 max-w-sm text-sm font-medium text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
