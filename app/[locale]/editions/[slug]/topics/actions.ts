"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { handleForm, type FormState } from "@/app/_lib/action";
import { editionPath } from "@/app/_lib/load";
import { getDb } from "@/app/_lib/db";
import { mergeTopicSchema, rejectTopicSchema, topicSchema } from "@/lib/topics/schemas";
import { approveTopic, mergeTopic, proposeTopic, rejectTopic, reviveTopic, setInterest, updateTopic } from "@/lib/topics/commands";

const noFields = z.object({});
const interestSchema = z.object({ interested: z.enum(["true", "false"]).transform((v) => v === "true") });

export async function proposeTopicAction(editionId: string, editionNumber: number, _prev: FormState, formData: FormData): Promise<FormState> {
  let target = "";
  const state = await handleForm(formData, {
    schema: topicSchema,
    run: async (input, user) => {
      const topic = await proposeTopic(getDb(), user, editionId, input);
      target = editionPath(editionNumber, `/topics/${topic.id}`);
    },
  });
  if (state.ok && target) redirect(target);
  return state;
}

export async function updateTopicAction(topicId: string, editionNumber: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, {
    schema: topicSchema,
    run: async (input, user) => {
      await updateTopic(getDb(), user, topicId, input);
    },
  });
  if (state.ok) redirect(editionPath(editionNumber, `/topics/${topicId}`));
  return state;
}

export async function setInterestAction(topicId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: interestSchema,
    run: async ({ interested }, user) => {
      await setInterest(getDb(), user, topicId, interested);
    },
  });
}

export async function approveTopicAction(topicId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: noFields,
    run: async (_input, user) => {
      await approveTopic(getDb(), user, topicId);
      const t = await getTranslations("topics");
      return { ok: true, message: t("approvedMessage") };
    },
  });
}

export async function rejectTopicAction(topicId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: rejectTopicSchema,
    run: async ({ reason }, user) => {
      await rejectTopic(getDb(), user, topicId, reason);
      const t = await getTranslations("topics");
      return { ok: true, message: t("rejectedMessage") };
    },
  });
}

export async function mergeTopicAction(topicId: string, editionNumber: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, {
    schema: mergeTopicSchema,
    run: async ({ targetTopicId }, user) => {
      await mergeTopic(getDb(), user, topicId, targetTopicId);
      return { ok: true, values: { targetTopicId } };
    },
  });
  if (state.ok) redirect(editionPath(editionNumber, `/topics/${state.values?.targetTopicId}`));
  return state;
}

/** A past topic or project brought back as a proposal of the edition open now; then its proposer adapts the pitch. */
export async function reviveTopicAction(
  editionId: string,
  editionNumber: number,
  source: { topicId: string } | { teamId: string },
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  let target = "";
  const state = await handleForm(formData, {
    schema: noFields,
    run: async (_input, user) => {
      const topic = await reviveTopic(getDb(), user, { editionId }, source);
      target = editionPath(editionNumber, `/topics/${topic.id}/edit`);
    },
  });
  if (state.ok && target) redirect(target);
  return state;
}
