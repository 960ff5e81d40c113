"use client";
// The organizer's forms of judging: a track's settings, a rubric's criteria,
// judges by email or by invitation (link and QR code, shown once), declared
// conflicts, and withdrawing a judge's judgments.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { FormState } from "@/app/_lib/action";
import type { InviteState } from "@/app/[locale]/editions/[slug]/judging/actions";
import { JUDGING_METHODS, RANKING_RULES, ELIGIBILITIES } from "@/lib/judging/rules";
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
  const t = useTranslations("judging.forms");
  const tl = useTranslations("labels");
  const [state, formAction] = useActionState(action, {});
  const scope = initial ? "edit" : "new";
  return (
    <form action={formAction} noValidate className="space-y-3">
      <FormMessage state={state} />
      <TextField name="name" scope={scope} label={t("trackName")} state={state} initial={initial?.name} maxLength={100} hint={t("trackNameHint")} />
      <TextArea name="description" scope={scope} label={t("lookFor")} state={state} initial={initial?.description} rows={2} maxLength={1000} />
      <SelectField
        name="method"
        scope={scope}
        label={t("method")}
        state={state}
        initial={initial?.method ?? "RANKING"}
        options={JUDGING_METHODS.map((m) => ({ value: m, label: tl(`judgingMethod.${m}`) }))}
        hint={
          <>
            {JUDGING_METHODS.map((m) => (
              <span key={m} className="block">
                {t.rich("methodHint", {
                  label: tl(`judgingMethod.${m}`),
                  hint: tl(`judgingMethodHint.${m}`),
                  strong: (chunks) => <strong>{chunks}</strong>,
                })}
              </span>
            ))}
          </>
        }
      />
      <SelectField
        name="rankingRule"
        scope={scope}
        label={t("rankingRule")}
        state={state}
        initial={initial?.rankingRule ?? "COPELAND"}
        options={RANKING_RULES.map((r) => ({ value: r, label: tl(`rankingRule.${r}`) }))}
      />
      <Checkbox name="normalize" label={t("normalize")} hint={t("normalizeHint")} state={state} initial={initial?.normalize ?? false} />
      <SelectField
        name="eligibility"
        scope={scope}
        label={t("eligibility")}
        state={state}
        initial={initial?.eligibility ?? "ALL"}
        options={ELIGIBILITIES.map((e) => ({ value: e, label: tl(`eligibility.${e}`) }))}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-800">{t("conflictsLegend")}</legend>
        <Checkbox name="excludeSameDepartment" label={t("sameDepartment")} state={state} initial={initial?.excludeSameDepartment ?? false} />
        <Checkbox name="excludeReports" label={t("reports")} state={state} initial={initial?.excludeReports ?? false} />
        <p className="text-sm text-slate-600">{t("departmentsNote")}</p>
      </fieldset>
      <SelectField
        name="prizeId"
        scope={scope}
        label={t("prize")}
        state={state}
        initial={initial?.prizeId ?? ""}
        options={[{ value: "", label: t("noPrize") }, ...prizes.map((p) => ({ value: p.id, label: p.name }))]}
      />
      <TextField
        name="bonusPoints"
        scope={scope}
        label={t("bonusPoints")}
        state={state}
        initial={initial?.bonusPoints}
        maxLength={60}
        hint={t("bonusPointsHint")}
      />
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}

export function CriterionForm({ action }: { action: Action }) {
  const t = useTranslations("judging.forms");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="grid gap-3 sm:grid-cols-2">
      <FormMessage state={state} />
      <TextField name="name" label={t("criterion")} state={state} maxLength={80} className="sm:col-span-2" />
      <TextField name="description" label={t("lookFor")} state={state} maxLength={500} className="sm:col-span-2" />
      <TextField name="weight" label={t("weight")} type="number" min={1} max={10} initial="1" state={state} inputMode="numeric" />
      <SelectField
        name="scale"
        label={t("scale")}
        state={state}
        initial="5"
        options={[
          { value: "5", label: t("scale5") },
          { value: "10", label: t("scale10") },
        ]}
      />
      <div className="sm:col-span-2">
        <SubmitButton variant="secondary">{t("addCriterion")}</SubmitButton>
      </div>
    </form>
  );
}

export function AddJudgeForm({ action }: { action: Action }) {
  const t = useTranslations("judging.forms");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-2">
      <TextField name="email" label={t("judgeEmail")} type="email" autoComplete="off" state={state} maxLength={200} />
      <SubmitButton variant="secondary">{t("addJudge")}</SubmitButton>
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
  const t = useTranslations("judging.forms");
  const [state, formAction] = useActionState(action, {});
  const picked = new Set((state.values?.trackIds ?? "").split(",").filter(Boolean));
  return (
    <div className="space-y-3">
      <form action={formAction} noValidate className="space-y-3">
        <FormMessage state={state} />
        <TextField name="label" label={t("inviteFor")} state={state} maxLength={100} hint={t("inviteForHint")} />
        <fieldset>
          <legend className="text-sm font-semibold text-slate-800">{t("inviteTracks")}</legend>
          {tracks.map((track) => (
            <label key={track.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="trackIds" value={track.id} defaultChecked={picked.size === 0 || picked.has(track.id)} className="size-4" />
              {track.name}
            </label>
          ))}
          {state.fieldErrors?.trackIds && <p className="text-sm font-medium text-red-700">{state.fieldErrors.trackIds[0]}</p>}
        </fieldset>
        <TextField name="hours" label={t("inviteHours")} type="number" min={1} max={720} initial="72" inputMode="numeric" state={state} />
        <SubmitButton variant="secondary">{t("createInvite")}</SubmitButton>
      </form>
      {state.ok && state.link && (
        <div className="space-y-2 rounded-lg bg-indigo-50 p-3" data-testid="invite-link">
          <p className="text-sm font-semibold">{t("oneTimeLink")}</p>
          <input
            readOnly
            value={state.link}
            aria-label={t("inviteLink")}
            className="block w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
          />
          {state.qrSvg && (
            <div
              role="img"
              aria-label={t("inviteQr")}
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
  const t = useTranslations("judging.forms");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="grid gap-3 sm:grid-cols-2">
      <FormMessage state={state} />
      <SelectField
        name="judgeId"
        label={t("judge")}
        state={state}
        options={[{ value: "", label: t("chooseJudge") }, ...judges.map((j) => ({ value: j.id, label: j.name }))]}
      />
      <SelectField
        name="teamId"
        label={t("team")}
        state={state}
        options={[{ value: "", label: t("chooseTeam") }, ...teams.map((team) => ({ value: team.id, label: team.name }))]}
      />
      <TextField name="reason" label={t("reason")} state={state} maxLength={300} className="sm:col-span-2" />
      <div className="sm:col-span-2">
        <SubmitButton variant="secondary">{t("declareConflict")}</SubmitButton>
      </div>
    </form>
  );
}

export function WithdrawJudgeForm({ action, judgeId, judgeName }: { action: Action; judgeId: string; judgeName: string }) {
  const t = useTranslations("judging.forms");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-2">
      <input type="hidden" name="judgeId" value={judgeId} />
      <TextField name="reason" scope={judgeId} label={t("withdrawWhy", { name: judgeName })} state={state} maxLength={500} />
      <SubmitButton variant="secondary" pendingText={t("withdrawing")}>
        {t("withdrawAll", { name: judgeName })}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
