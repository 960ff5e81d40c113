"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/app/_lib/action";
import { CHALLENGE_KINDS, SCORINGS } from "@/lib/challenges/rules";
import { FormMessage, SelectField, SubmitButton, TextArea, TextField } from "../form";

export type ChallengeFormValues = {
  kind: string;
  title: string;
  statement: string;
  opensAt: string;
  closesAt: string;
  hiddenUntilOpen: boolean;
  scoring: string;
  rankPoints: string;
  fixedPoints: string;
  maxPoints: string;
  answers: string;
  game: string;
  matchRounds: string;
  matchesPerPair: string;
  format: string;
  swissRounds: string;
};

/** What the form offers for tournaments: the games' names and their round nouns, from the server (lib/arena/games). */
export type GameChoice = { id: string; name: string; roundNoun: string; defaultRounds: number };

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  initial: ChallengeFormValues;
  submitLabel: string;
  timezone: string;
  games: GameChoice[];
};

export function ChallengeForm({ action, initial, submitLabel, timezone, games }: Props) {
  const t = useTranslations("challenges.form");
  const tl = useTranslations("labels");
  const [state, formAction] = useActionState(action, {});
  const hidden = state.values ? state.values.hiddenUntilOpen === "on" : initial.hiddenUntilOpen;
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="kind"
          label={t("kind")}
          state={state}
          initial={initial.kind}
          options={CHALLENGE_KINDS.map((k) => ({ value: k, label: tl(`challengeKind.${k}`) }))}
        />
        <TextField name="title" label={t("title")} state={state} initial={initial.title} maxLength={120} />
      </div>
      <TextArea name="statement" label={t("statement")} rows={8} state={state} initial={initial.statement} className="font-mono" hint={t("statementHint")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="opensAt" label={t("opens")} type="datetime-local" state={state} initial={initial.opensAt} hint={t("timezoneHint", { timezone })} />
        <TextField name="closesAt" label={t("closes")} type="datetime-local" state={state} initial={initial.closesAt} />
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="hiddenUntilOpen" defaultChecked={hidden} key={String(hidden)} className="size-4" />
        <span>{t("hidden")}</span>
      </label>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="scoring"
          label={t("scoring")}
          state={state}
          initial={initial.scoring}
          options={SCORINGS.map((s) => ({ value: s, label: tl(`scoring.${s}`) }))}
        />
        <TextField name="rankPoints" label={t("rankPoints")} state={state} initial={initial.rankPoints} hint={t("rankPointsHint")} />
        <TextField name="fixedPoints" label={t("fixedPoints")} type="number" min={0} state={state} initial={initial.fixedPoints} hint={t("fixedPointsHint")} />
        <TextField name="maxPoints" label={t("maxPoints")} type="number" min={1} state={state} initial={initial.maxPoints} />
      </div>
      <TextArea name="answers" label={t("answers")} rows={3} state={state} initial={initial.answers} hint={t("answersHint")} />
      <fieldset className="space-y-4 rounded-lg p-4 ring-1 ring-slate-200">
        <legend className="px-1 font-semibold">{t("tournament")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField name="game" label={t("game")} state={state} initial={initial.game} options={games.map((g) => ({ value: g.id, label: g.name }))} />
          <TextField
            name="matchRounds"
            label={t("matchRounds")}
            type="number"
            min={1}
            state={state}
            initial={initial.matchRounds}
            hint={games.map((g) => t("matchRoundsHint", { game: g.name, noun: g.roundNoun, count: g.defaultRounds })).join(" · ")}
          />
          <TextField
            name="matchesPerPair"
            label={t("matchesPerPair")}
            type="number"
            min={1}
            max={9}
            state={state}
            initial={initial.matchesPerPair}
            hint={t("matchesPerPairHint")}
          />
          <SelectField
            name="format"
            label={t("format")}
            state={state}
            initial={initial.format}
            options={[
              { value: "ROUND_ROBIN", label: t("formatRoundRobin") },
              { value: "SWISS", label: t("formatSwiss") },
            ]}
          />
          <TextField
            name="swissRounds"
            label={t("swissRounds")}
            type="number"
            min={1}
            max={30}
            state={state}
            initial={initial.swissRounds}
            hint={t("swissRoundsHint")}
          />
        </div>
        <p className="text-sm text-slate-600">{t("deadlineNote")}</p>
      </fieldset>
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
