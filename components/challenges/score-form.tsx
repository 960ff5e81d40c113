"use client";
// A judge's points for one team, with the reason. The version the judge saw
// travels with the save: if another judge saved meanwhile, the server refuses
// and says who and what, and the judge decides.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/app/_lib/action";
import { FormMessage, SubmitButton, TextField } from "../form";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  teamId: string;
  teamName: string;
  points: number | null;
  comment: string;
  version: number;
  max: number;
};

export function ScoreForm({ action, teamId, teamName, points, comment, version, max }: Props) {
  const t = useTranslations("challenges.scoreForm");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="grid gap-2 sm:grid-cols-[6rem_1fr_auto] sm:items-start" aria-label={t("label", { team: teamName })}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="version" value={version} />
      <TextField
        name="points"
        scope={teamId}
        label={t("points")}
        type="number"
        inputMode="numeric"
        min={0}
        max={max}
        state={state}
        initial={points === null ? "" : String(points)}
      />
      <TextField name="comment" scope={teamId} label={t("why")} state={state} initial={comment} maxLength={300} />
      <div className="sm:pt-6">
        <SubmitButton variant="secondary" aria-label={t("saveLabel", { team: teamName })}>
          {t("save")}
        </SubmitButton>
      </div>
      <div className="sm:col-span-3">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
