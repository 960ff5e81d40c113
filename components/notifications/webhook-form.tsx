"use client";
// The organizer's forms for a chat channel or another tool's webhook: adding
// one, and changing its name, language or news later. A signed JSON
// receiver's secret is shown once, right after it is added.
import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import type { WebhookState } from "@/app/[locale]/editions/[slug]/(organizer)/notifications/actions";
import { NEWS_TYPES, WEBHOOK_KINDS } from "@/lib/notifications/rules";
import { LOCALE_NAMES, LOCALES } from "@/lib/platform/locale";
import type { FormState } from "@/app/_lib/action";
import { FormMessage, SelectField, SubmitButton, TextField } from "../form";

/** What a webhook was saved with, for the form that changes it. */
export type WebhookSettings = { id: string; name: string; events: string[]; locale: string | null };

/**
 * The fields a webhook keeps and an organizer may change later: its name, its language and its news.
 * `instanceLanguage`: the name of the language a channel gets when none is picked (DEFAULT_LOCALE's, read on the server).
 */
function SettingsFields({
  state,
  saved,
  instanceLanguage,
  afterName,
}: {
  state: FormState | undefined;
  saved?: WebhookSettings;
  instanceLanguage: string;
  /** what the form asks next to the name (a new webhook: its address) */
  afterName?: ReactNode;
}) {
  const t = useTranslations("notifications.webhookForm");
  const tl = useTranslations("labels");
  const typed = state?.values;
  // what was typed if the form came back refused, else what is saved, else every kind of news
  const picked = new Set<string>(typed ? (typed.events ?? "").split(",").filter(Boolean) : (saved?.events ?? NEWS_TYPES));
  const scope = saved?.id;
  return (
    <>
      <TextField name="name" label={t("name")} maxLength={80} state={state} scope={scope} initial={saved?.name} hint={t("nameHint")} />
      {afterName}
      <SelectField
        name="locale"
        label={t("language")}
        state={state}
        scope={scope}
        initial={saved?.locale ?? ""}
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
            <input type="checkbox" name="events" value={type} defaultChecked={picked.has(type)} className="size-4" />
            {tl(`news.${type}`)}
          </label>
        ))}
        {state?.fieldErrors?.events && <p className="text-sm font-medium text-red-700">{state.fieldErrors.events[0]}</p>}
      </fieldset>
    </>
  );
}

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
  const refused = state.ok ? undefined : state;
  const internal = refused?.values ? refused.values.allowInternal === "on" : false;
  return (
    <div className="space-y-3">
      <form action={formAction} noValidate className="space-y-3" key={state.ok ? (state.created ?? "form") : "form"}>
        <FormMessage state={state} />
        <SelectField
          name="kind"
          label={t("kind")}
          state={refused}
          options={WEBHOOK_KINDS.map((kind) => ({ value: kind, label: tl(`webhookKind.${kind}`) }))}
          hint={t("kindHint")}
        />
        <SettingsFields
          state={refused}
          instanceLanguage={instanceLanguage}
          afterName={
            <TextField
              name="url"
              label={t("url")}
              type="url"
              inputMode="url"
              maxLength={2000}
              autoComplete="off"
              spellCheck={false}
              state={refused}
              hint={t("urlHint")}
            />
          }
        />
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

/** Changes a webhook's name, language or news (in its card, on the notifications page). */
export function WebhookSettingsForm({
  action,
  saved,
  instanceLanguage,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  saved: WebhookSettings;
  instanceLanguage: string;
}) {
  const t = useTranslations("notifications.webhookForm");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-3" aria-label={t("settingsLabel", { name: saved.name })}>
      <FormMessage state={state} />
      <SettingsFields state={state.ok ? undefined : state} saved={saved} instanceLanguage={instanceLanguage} />
      <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
