"use client";
// The organizer's forms of judging: a track's settings, a rubric's criteria,
// judges by email or by invitation (link and QR code, shown once), declared
// conflicts, and withdrawing a judge's judgments.
import { useActionState } from "react";
import type { FormState } from "@/app/_lib/action";
import type { InviteState } from "@/app/[locale]/editions/[slug]/judging/actions";
import { ELIGIBILITY_LABELS, JUDGING_METHODS, METHOD_HINTS, METHOD_LABELS, RANKING_RULE_LABELS, RANKING_RULES, ELIGIBILITIES } from "@/lib/judging/rules";
import { FormMessage, SelectField, SubmitButton, TextArea, TextField } from "../form";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

export type TrackValues = {
  name: string;
  description: string;
  method: string;
  rankingRule: string;
  normalize: boolean;
  eligibility: string;
  excludeSameDepartment: boolean;
  excludeReports: boolean;
  prizeId: string | null;
  bonusPoints: string;
};

function Checkbox({ name, label, state, initial, hint }: { name: string; label: string; state: FormState; initial: boolean; hint?: string }) {
  const checked = state.values ? state.values[name] === "on" : initial;
  return (
    <div>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name={name} defaultChecked={checked} key={String(checked)} className="mt-1 size-4" />
        <span>
          <span className="font-semibold text-slate-800">{label}</span>
          {hint && <span className="block text-slate-600">{hint}</span>}
        </span>
      </label>
    </div>
  );
}

export function TrackForm({
  action,
  initial,
  prizes,
  submitLabel,
}: {
  action: Action;
  initial?: TrackValues;
  prizes: { id: string; name: string }[];
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const scope = initial ? "edit" : "new";
  return (
    <form action={formAction} noValidate className="space-y-3">
      <FormMessage state={state} />
      <TextField
        name="name"
        scope={scope}
        label="Track name"
        state={state}
        initial={initial?.name}
        maxLength={100}
        hint="For example “Best use of our C core”."
      />
      <TextArea
        name="description"
        scope={scope}
        label="What judges look for (optional)"
        state={state}
        initial={initial?.description}
        rows={2}
        maxLength={1000}
      />
      <SelectField
        name="method"
        scope={scope}
        label="How judges judge"
        state={state}
        initial={initial?.method ?? "RANKING"}
        options={JUDGING_METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }))}
        hint={
          <>
            {JUDGING_METHODS.map((m) => (
              <span key={m} className="block">
                <strong>{METHOD_LABELS[m]}:</strong> {METHOD_HINTS[m]}
              </span>
            ))}
          </>
        }
      />
      <SelectField
        name="rankingRule"
        scope={scope}
        label="Ranking tracks: how orders are combined"
        state={state}
        initial={initial?.rankingRule ?? "COPELAND"}
        options={RANKING_RULES.map((r) => ({ value: r, label: RANKING_RULE_LABELS[r] }))}
      />
      <Checkbox
        name="normalize"
        label="Rubric tracks: even out lenient and strict judges"
        hint="Each judge's scores are turned into z-scores (their own mean and spread) before they are combined."
        state={state}
        initial={initial?.normalize ?? false}
      />
      <SelectField
        name="eligibility"
        scope={scope}
        label="Teams judged"
        state={state}
        initial={initial?.eligibility ?? "ALL"}
        options={ELIGIBILITIES.map((e) => ({ value: e, label: ELIGIBILITY_LABELS[e] }))}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-800">Conflicts of interest (besides one&apos;s own team and those you declare)</legend>
        <Checkbox
          name="excludeSameDepartment"
          label="No judging a team with a member of one's own department"
          state={state}
          initial={initial?.excludeSameDepartment ?? false}
        />
        <Checkbox name="excludeReports" label="No judging a team with a member who reports to one" state={state} initial={initial?.excludeReports ?? false} />
        <p className="text-sm text-slate-600">
          Departments and managers come from the company&apos;s sign-in (HEXATHON_OIDC_DEPARTMENT_CLAIM, HEXATHON_OIDC_MANAGER_CLAIM).
        </p>
      </fieldset>
      <SelectField
        name="prizeId"
        scope={scope}
        label="Prize for the winner"
        state={state}
        initial={initial?.prizeId ?? ""}
        options={[{ value: "", label: "None" }, ...prizes.map((p) => ({ value: p.id, label: p.name }))]}
      />
      <TextField
        name="bonusPoints"
        scope={scope}
        label="Leaderboard points by place (optional)"
        state={state}
        initial={initial?.bonusPoints}
        maxLength={60}
        hint="For example 10, 6, 3: added to the teams' bonus once the results are published."
      />
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}

export function CriterionForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="grid gap-3 sm:grid-cols-2">
      <FormMessage state={state} />
      <TextField name="name" label="Criterion" state={state} maxLength={80} className="sm:col-span-2" />
      <TextField name="description" label="What judges look for (optional)" state={state} maxLength={500} className="sm:col-span-2" />
      <TextField name="weight" label="Weight" type="number" min={1} max={10} initial="1" state={state} inputMode="numeric" />
      <SelectField
        name="scale"
        label="Scale"
        state={state}
        initial="5"
        options={[
          { value: "5", label: "1 to 5" },
          { value: "10", label: "1 to 10" },
        ]}
      />
      <div className="sm:col-span-2">
        <SubmitButton variant="secondary">Add criterion</SubmitButton>
      </div>
    </form>
  );
}

export function AddJudgeForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-2">
      <TextField name="email" label="Add a judge who has an account" type="email" autoComplete="off" state={state} maxLength={200} />
      <SubmitButton variant="secondary">Add judge</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function InviteCreateForm({
  action,
  tracks,
}: {
  action: (prev: InviteState, formData: FormData) => Promise<InviteState>;
  tracks: { id: string; name: string }[];
}) {
  const [state, formAction] = useActionState(action, {});
  const picked = new Set((state.values?.trackIds ?? "").split(",").filter(Boolean));
  return (
    <div className="space-y-3">
      <form action={formAction} noValidate className="space-y-3">
        <FormMessage state={state} />
        <TextField
          name="label"
          label="Who it is for"
          state={state}
          maxLength={100}
          hint="Their name as it will first appear, e.g. “Dana (product)”; they can change it."
        />
        <fieldset>
          <legend className="text-sm font-semibold text-slate-800">Tracks they judge</legend>
          {tracks.map((t) => (
            <label key={t.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="trackIds" value={t.id} defaultChecked={picked.size === 0 || picked.has(t.id)} className="size-4" />
              {t.name}
            </label>
          ))}
          {state.fieldErrors?.trackIds && <p className="text-sm font-medium text-red-700">{state.fieldErrors.trackIds[0]}</p>}
        </fieldset>
        <TextField name="hours" label="Valid for (hours)" type="number" min={1} max={720} initial="72" inputMode="numeric" state={state} />
        <SubmitButton variant="secondary">Create invitation</SubmitButton>
      </form>
      {state.ok && state.link && (
        <div className="space-y-2 rounded-lg bg-indigo-50 p-3" data-testid="invite-link">
          <p className="text-sm font-semibold">One-time link (works once, then it signs nobody in):</p>
          <input
            readOnly
            value={state.link}
            aria-label="Invitation link"
            className="block w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
          />
          {state.qrSvg && (
            <div
              role="img"
              aria-label="QR code of the invitation link"
              className="mx-auto w-48 [&>svg]:h-auto [&>svg]:w-full"
              dangerouslySetInnerHTML={{ __html: state.qrSvg }}
            />
          )}
        </div>
      )}
    </div>
  );
}

export function ConflictForm({ action, judges, teams }: { action: Action; judges: { id: string; name: string }[]; teams: { id: string; name: string }[] }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="grid gap-3 sm:grid-cols-2">
      <FormMessage state={state} />
      <SelectField
        name="judgeId"
        label="Judge"
        state={state}
        options={[{ value: "", label: "Choose a judge…" }, ...judges.map((j) => ({ value: j.id, label: j.name }))]}
      />
      <SelectField
        name="teamId"
        label="Team"
        state={state}
        options={[{ value: "", label: "Choose a team…" }, ...teams.map((t) => ({ value: t.id, label: t.name }))]}
      />
      <TextField name="reason" label="Reason (optional)" state={state} maxLength={300} className="sm:col-span-2" />
      <div className="sm:col-span-2">
        <SubmitButton variant="secondary">Declare conflict</SubmitButton>
      </div>
    </form>
  );
}

export function WithdrawJudgeForm({ action, judgeId, judgeName }: { action: Action; judgeId: string; judgeName: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-2">
      <input type="hidden" name="judgeId" value={judgeId} />
      <TextField name="reason" scope={judgeId} label={`Why withdraw ${judgeName}'s judgments`} state={state} maxLength={500} />
      <SubmitButton variant="secondary" pendingText="Withdrawing…">
        Withdraw all of {judgeName}&apos;s judgments
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
