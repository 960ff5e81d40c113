"use client";
// The organizer's form for a chat channel or another tool's webhook. A signed
// JSON receiver's secret is shown once, right after it is added.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { WebhookState } from "@/app/[locale]/editions/[slug]/(organizer)/notifications/actions";
import { NEWS_TYPES, WEBHOOK_KINDS } from "@/lib/notifications/rules";
import { LOCALE_NAMES, LOCALES } from "@/lib/platform/locale";
import { FormMessage, SelectField, SubmitButton, TextField } from "../form";

/** `instanceLanguage`: the name of the language a channel gets when the organizer picks none (DEFAULT_LOCALE's, read on the server). */
export function WebhookForm({
  action,
  instanceLanguage,
}: {
  action: (prev: WebhookState, formData: FormData) => Promise<WebhookState>;
  instanceLanguage: string;
}) {
  const t = useTranslations("notifications.webhookForm");
  const tl = useTranslations("labels");
  const [state, formAction] = useActionState(action, {});
  const typed = state.ok ? undefined : state.values;
  const picked = new Set((typed?.events ?? "").split(",").filter(Boolean));
  const internal = typed ? typed.allowInternal === "on" : false;
  return (
    <div className="space-y-3">
      <form action={formAction} noValidate className="space-y-3" key={state.ok ? (state.created ?? "form") : "form"}>
        <FormMessage state={state} />
        <SelectField
          name="kind"
          label={t("kind")}
          state={state.ok ? undefined : state}
          options={WEBHOOK_KINDS.map((kind) => ({ value: kind, label: tl(`webhookKind.${kind}`) }))}
          hint={t("kindHint")}
        />
        <TextField name="name" label={t("name")} maxLength={80} state={state.ok ? undefined : state} hint={t("nameHint")} />
        <TextField
          name="url"
          label={t("url")}
          type="url"
          inputMode="url"
          maxLength={2000}
          autoComplete="off"
          spellCheck={false}
          state={state.ok ? undefined : state}
          hint={t("urlHint")}
        />
        <SelectField
          name="locale"
          label={t("language")}
          state={state.ok ? undefined : state}
          options={[
            { value: "", label: t("languageDefault", { language: instanceLanguage }) },
            ...LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] })),
          ]}
          hint={t("languageHint")}
        />
        <fieldset className="space-y-1">
          <legend className="text-sm font-semibold text-slate-800">{t("news")}</legend>
          {NEWS_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="events" value={type} defaultChecked={picked.size === 0 || picked.has(type)} className="size-4" />
              {tl(`news.${type}`)}
            </label>
          ))}
          {state.fieldErrors?.events && <p className="text-sm font-medium text-red-700">{state.fieldErrors.events[0]}</p>}
        </fieldset>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="allowInternal" defaultChecked={internal} className="mt-1 size-4" aria-describedby="internal-warning" />
          <span>
            <span className="font-semibold text-slate-800">{t("internal")}</span>
            <span id="internal-warning" className="block text-slate-700">
              {t("internalWarning")}
            </span>
          </span>
        </label>
        <SubmitButton pendingText={t("adding")}>{t("add")}</SubmitButton>
      </form>
      {state.ok && state.secret && (
        <div className="space-y-2 rounded-lg bg-amber-50 p-3" data-testid="webhook-secret">
          <p className="text-sm font-semibold">{t("secretTitle")}</p>
          <input
            readOnly
            value={state.secret}
            aria-label={t("secretLabel")}
            className="block w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
          />
          <p className="text-sm text-slate-700">{t.rich("secretHeaders", { code: (chunks) => <code>{chunks}</code> })}</p>
        </div>
      )}
    </div>
  );
}
