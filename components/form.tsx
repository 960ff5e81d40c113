"use client";
// Form pieces for useActionState forms: labelled fields that show their error
// and keep what was typed (the action sends the values back).
import type { ComponentProps, ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";
import type { FormState } from "@/app/_lib/action";
import { Alert, buttonClass, cx, type ButtonVariant } from "./ui";

const inputClass =
  "block w-full rounded-lg border-0 bg-white px-3 py-2 text-base text-slate-900 ring-1 ring-slate-300 placeholder:text-slate-500 focus:ring-2 focus:ring-indigo-600 aria-[invalid=true]:ring-red-600";

type FieldProps = {
  name: string;
  label: string;
  state?: FormState;
  hint?: ReactNode;
  /** the value before the person typed anything */
  initial?: string;
  className?: string;
  /** makes the element ids unique when one form repeats on a page */
  scope?: string;
};

function fieldIds(name: string, scope?: string) {
  const base = scope ? `field-${scope}-${name}` : `field-${name}`;
  return { id: base, errorId: `${base}-error`, hintId: `${base}-hint` };
}

function FieldShell({ name, label, state, hint, className, scope, children }: FieldProps & { children: ReactNode }) {
  const { id, errorId, hintId } = fieldIds(name, scope);
  const errors = state?.fieldErrors?.[name];
  return (
    <div className={cx("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-semibold text-slate-800">
        {label}
      </label>
      {children}
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {errors[0]}
        </p>
      ) : null}
    </div>
  );
}

function a11y(name: string, state?: FormState, hint?: ReactNode, scope?: string) {
  const { id, errorId, hintId } = fieldIds(name, scope);
  const invalid = !!state?.fieldErrors?.[name]?.length;
  const describedBy = [invalid && errorId, hint && hintId].filter(Boolean).join(" ") || undefined;
  return { id, name, "aria-invalid": invalid || undefined, "aria-describedby": describedBy };
}

function valueOf(props: FieldProps) {
  return props.state?.values?.[props.name] ?? props.initial ?? "";
}

export function TextField(props: FieldProps & Omit<ComponentProps<"input">, "name" | "defaultValue">) {
  const { name, label, state, hint, initial, className, scope, ...input } = props;
  return (
    <FieldShell {...{ name, label, state, hint, className, scope }}>
      <input
        {...a11y(name, state, hint, scope)}
        {...input}
        key={input.type === "password" ? undefined : valueOf(props)}
        defaultValue={input.type === "password" ? undefined : valueOf(props)}
        className={inputClass}
      />
    </FieldShell>
  );
}

export function TextArea(props: FieldProps & Omit<ComponentProps<"textarea">, "name" | "defaultValue">) {
  const { name, label, state, hint, initial, className, scope, ...rest } = props;
  return (
    <FieldShell {...{ name, label, state, hint, className, scope }}>
      <textarea {...a11y(name, state, hint, scope)} {...rest} key={valueOf(props)} defaultValue={valueOf(props)} className={inputClass} />
    </FieldShell>
  );
}

export function SelectField(props: FieldProps & Omit<ComponentProps<"select">, "name" | "defaultValue"> & { options: { value: string; label: string }[] }) {
  const { name, label, state, hint, initial, className, options, scope, ...rest } = props;
  return (
    <FieldShell {...{ name, label, state, hint, className, scope }}>
      <select {...a11y(name, state, hint, scope)} {...rest} key={valueOf(props)} defaultValue={valueOf(props)} className={inputClass}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function SubmitButton({
  children,
  pendingText,
  variant = "primary",
  className,
  ...rest
}: ComponentProps<"button"> & { pendingText?: string; variant?: ButtonVariant }) {
  const t = useTranslations("common");
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass(variant, className)} {...rest}>
      {pending ? (pendingText ?? t("saving")) : children}
    </button>
  );
}

/** The form-level message: the first error, or a success note. */
export function FormMessage({ state, success }: { state?: FormState; success?: string }) {
  if (!state) return null;
  if (state.ok === false && state.message) return <Alert tone="error">{state.message}</Alert>;
  if (state.ok && (state.message || success)) return <Alert tone="success">{state.message ?? success}</Alert>;
  return null;
}
