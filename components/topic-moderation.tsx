"use client";
// The organizers' panel on a topic: approve, reject with a reason the proposer
// sees, or merge a duplicate into another topic (interest moves along; asked first).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/app/_lib/action";
import { ActionButton } from "./action-button";
import { ConfirmSubmit, type Question } from "./confirm-submit";
import { FormMessage, SelectField, SubmitButton, TextField } from "./form";
import { Card } from "./ui";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;
type Props = { status: string; approve: Action; reject: Action; merge: Action; mergeTargets: { id: string; title: string }[] };

type Translator = ReturnType<typeof useTranslations<"topics.moderation">>;

/** Merging can't be undone from here: asked first, once a topic is chosen (none chosen: the server says to choose one). */
function mergeQuestion(form: HTMLFormElement, targets: { id: string; title: string }[], t: Translator): Question | null {
  const chosen = (form.elements.namedItem("targetTopicId") as HTMLSelectElement | null)?.value;
  const target = targets.find((t) => t.id === chosen);
  if (!target) return null;
  return {
    title: t("mergeTitle", { title: target.title }),
    details: t("mergeDetails"),
    confirm: t("mergeConfirm"),
  };
}

export function TopicModeration({ status, approve, reject, merge, mergeTargets }: Props) {
  const t = useTranslations("topics.moderation");
  const [rejectState, rejectAction] = useActionState(reject, {});
  const [mergeState, mergeAction] = useActionState(merge, {});
  return (
    <Card aria-labelledby="moderation" className="space-y-5 border-l-4 border-amber-400">
      <h2 id="moderation" className="text-lg font-bold">
        {t.rich("heading", { small: (chunks) => <span className="text-sm font-normal text-slate-600">{chunks}</span> })}
      </h2>
      {status !== "APPROVED" && (
        <ActionButton action={approve} variant="primary" pendingText={t("approving")}>
          {t("approve")}
        </ActionButton>
      )}
      {status !== "REJECTED" && (
        <form action={rejectAction} noValidate className="space-y-3">
          <FormMessage state={rejectState} />
          <TextField name="reason" label={t("reason")} state={rejectState} maxLength={500} />
          <SubmitButton variant="danger" pendingText={t("rejecting")}>
            {t("reject")}
          </SubmitButton>
        </form>
      )}
      {mergeTargets.length > 0 && (
        <form action={mergeAction} noValidate className="space-y-3">
          <FormMessage state={mergeState} />
          <SelectField
            name="targetTopicId"
            label={t("mergeInto")}
            state={mergeState}
            options={[{ value: "", label: t("chooseTopic") }, ...mergeTargets.map((t) => ({ value: t.id, label: t.title }))]}
            hint={t("mergeHint")}
          />
          <ConfirmSubmit variant="secondary" pendingText={t("merging")} ask={(form) => mergeQuestion(form, mergeTargets, t)}>
            {t("merge")}
          </ConfirmSubmit>
        </form>
      )}
    </Card>
  );
}
