"use client";
// The organizer's form for a chat channel or another tool's webhook. A signed
// JSON receiver's secret is shown once, right after it is added.
import { useActionState } from "react";
import type { WebhookState } from "@/app/[locale]/editions/[slug]/(organizer)/notifications/actions";
import { NEWS_LABELS, NEWS_TYPES, WEBHOOK_KIND_LABELS, WEBHOOK_KINDS } from "@/lib/notifications/rules";
import { FormMessage, SelectField, SubmitButton, TextField } from "../form";

export function WebhookForm({ action }: { action: (prev: WebhookState, formData: FormData) => Promise<WebhookState> }) {
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
          label="Where it posts"
          state={state.ok ? undefined : state}
          options={WEBHOOK_KINDS.map((kind) => ({ value: kind, label: WEBHOOK_KIND_LABELS[kind] }))}
          hint="Slack and Mattermost: an incoming webhook. Teams: a Workflows “When a Teams webhook request is received” flow. Another tool: signed JSON."
        />
        <TextField name="name" label="Name" maxLength={80} state={state.ok ? undefined : state} hint="For you, e.g. “#hackathon on Mattermost”." />
        <TextField
          name="url"
          label="Webhook address"
          type="url"
          inputMode="url"
          maxLength={2000}
          autoComplete="off"
          spellCheck={false}
          state={state.ok ? undefined : state}
          hint="The address the platform gave you; it is kept secret here (the outbox shows only its start)."
        />
        <fieldset className="space-y-1">
          <legend className="text-sm font-semibold text-slate-800">The news it receives</legend>
          {NEWS_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="events" value={type} defaultChecked={picked.size === 0 || picked.has(type)} className="size-4" />
              {NEWS_LABELS[type]}
            </label>
          ))}
          {state.fieldErrors?.events && <p className="text-sm font-medium text-red-700">{state.fieldErrors.events[0]}</p>}
        </fieldset>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="allowInternal" defaultChecked={internal} className="mt-1 size-4" aria-describedby="internal-warning" />
          <span>
            <span className="font-semibold text-slate-800">It is an internal server</span>
            <span id="internal-warning" className="block text-slate-700">
              Lets Hexathon reach private addresses (10.x, 192.168.x, …) for a chat server inside the company&rsquo;s network. Only tick it for a server you
              know: Hexathon then posts into your internal network.
            </span>
          </span>
        </label>
        <SubmitButton pendingText="Adding…">Add webhook</SubmitButton>
      </form>
      {state.ok && state.secret && (
        <div className="space-y-2 rounded-lg bg-amber-50 p-3" data-testid="webhook-secret">
          <p className="text-sm font-semibold">Signing secret — shown this once; give it to the receiving tool now:</p>
          <input
            readOnly
            value={state.secret}
            aria-label="Signing secret"
            className="block w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
          />
          <p className="text-sm text-slate-700">
            Deliveries carry <code>webhook-id</code>, <code>webhook-timestamp</code> and <code>webhook-signature</code> headers (the Standard Webhooks scheme):
            see docs/notifications.md for how to check them.
          </p>
        </div>
      )}
    </div>
  );
}
