"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/app/_lib/action";
import { TOPIC_KINDS } from "@/lib/topics/rules";
import { FormMessage, SelectField, SubmitButton, TextArea, TextField } from "./form";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  initial?: { title: string; kind: string; pitch: string };
  submitLabel: string;
};

export function TopicForm({ action, initial, submitLabel }: Props) {
  const t = useTranslations("topics.form");
  const tl = useTranslations("labels");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-5">
      <FormMessage state={state} />
      <TextField name="title" label={t("title")} required maxLength={120} state={state} initial={initial?.title} hint={t("titleHint")} />
      <SelectField
        name="kind"
        label={t("kind")}
        state={state}
        initial={initial?.kind ?? ""}
        hint={TOPIC_KINDS.map((k) => t("kindHint", { label: tl(`topicKind.${k}`), description: tl(`topicKindDescription.${k}`).toLowerCase() })).join(" ")}
        options={[{ value: "", label: t("chooseKind") }, ...TOPIC_KINDS.map((k) => ({ value: k, label: tl(`topicKind.${k}`) }))]}
      />
      <TextArea name="pitch" label={t("pitch")} rows={10} required state={state} initial={initial?.pitch} hint={t("pitchHint")} className="font-mono" />
      <SubmitButton pendingText={t("saving")}>{submitLabel}</SubmitButton>
    </form>
  );
}
