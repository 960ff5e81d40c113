"use client";
import { useActionState } from "react";
import type { FormState } from "@/app/_lib/action";
import { CHALLENGE_KINDS, CHALLENGE_KIND_LABELS, SCORINGS, SCORING_LABELS } from "@/lib/challenges/rules";
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
  const [state, formAction] = useActionState(action, {});
  const hidden = state.values ? state.values.hiddenUntilOpen === "on" : initial.hiddenUntilOpen;
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="kind"
          label="Kind"
          state={state}
          initial={initial.kind}
          options={CHALLENGE_KINDS.map((k) => ({ value: k, label: CHALLENGE_KIND_LABELS[k] }))}
        />
        <TextField name="title" label="Title" state={state} initial={initial.title} maxLength={120} />
      </div>
      <TextArea
        name="statement"
        label="Statement"
        rows={8}
        state={state}
        initial={initial.statement}
        className="font-mono"
        hint="Markdown: images, lists, code. Shown to teams once the challenge opens."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="opensAt" label="Opens" type="datetime-local" state={state} initial={initial.opensAt} hint={`In ${timezone} time.`} />
        <TextField name="closesAt" label="Closes" type="datetime-local" state={state} initial={initial.closesAt} />
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="hiddenUntilOpen" defaultChecked={hidden} key={String(hidden)} className="size-4" />
        <span>Hidden until it opens (nobody but organizers and judges sees it before)</span>
      </label>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="scoring"
          label="Points"
          state={state}
          initial={initial.scoring}
          options={SCORINGS.map((s) => ({ value: s, label: SCORING_LABELS[s] }))}
        />
        <TextField
          name="rankPoints"
          label="Points by rank"
          state={state}
          initial={initial.rankPoints}
          hint="For ranked riddles: 1st, 2nd, 3rd… correct team."
        />
        <TextField name="fixedPoints" label="Fixed points" type="number" min={0} state={state} initial={initial.fixedPoints} hint="For fixed-points riddles." />
        <TextField name="maxPoints" label="Most points a judge gives" type="number" min={1} state={state} initial={initial.maxPoints} />
      </div>
      <TextArea
        name="answers"
        label="Accepted answers (riddles)"
        rows={3}
        state={state}
        initial={initial.answers}
        hint="One per line: alternative spellings welcome. Case, accents, spaces and punctuation don't matter; numbers compare as numbers. Never shown to teams before the challenge closes."
      />
      <fieldset className="space-y-4 rounded-lg p-4 ring-1 ring-slate-200">
        <legend className="px-1 font-semibold">Tournament (bot arena)</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField name="game" label="Game" state={state} initial={initial.game} options={games.map((g) => ({ value: g.id, label: g.name }))} />
          <TextField
            name="matchRounds"
            label="Rounds per match"
            type="number"
            min={1}
            state={state}
            initial={initial.matchRounds}
            hint={games.map((g) => `${g.name}: ${g.roundNoun}s, ${g.defaultRounds} is a good number`).join(" · ")}
          />
          <TextField
            name="matchesPerPair"
            label="Matches per pair"
            type="number"
            min={1}
            max={9}
            state={state}
            initial={initial.matchesPerPair}
            hint="Each with its own seed, sides alternating."
          />
          <SelectField
            name="format"
            label="Format"
            state={state}
            initial={initial.format}
            options={[
              { value: "ROUND_ROBIN", label: "Round robin: every pair meets" },
              { value: "SWISS", label: "Swiss: rounds of pairings by standings, for large fields" },
            ]}
          />
          <TextField
            name="swissRounds"
            label="Swiss rounds"
            type="number"
            min={1}
            max={30}
            state={state}
            initial={initial.swissRounds}
            hint="Empty: enough to find a winner (⌈log₂ teams⌉ + 1)."
          />
        </div>
        <p className="text-sm text-slate-600">The deadline for bots is the challenge&apos;s closing time: each team&apos;s last version before it plays.</p>
      </fieldset>
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
