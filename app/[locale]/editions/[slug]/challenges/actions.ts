"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { LOCALES } from "@/lib/platform/locale";
import { redirect } from "next/navigation";
import { handleForm, type FormState } from "@/app/_lib/action";
import { editionPath } from "@/app/_lib/load";
import { createChallenge, setChallengeState, setScore, submitAnswer, updateChallenge } from "@/lib/challenges/commands";
import { getDb } from "@/app/_lib/db";
import { answerSchema, challengeSchema, challengeStateSchema, scoreSchema } from "@/lib/challenges/schemas";

export async function createChallengeAction(editionId: string, editionNumber: number, _prev: FormState, formData: FormData): Promise<FormState> {
  let id = "";
  const state = await handleForm(formData, {
    schema: challengeSchema,
    run: async (input, user) => {
      id = (await createChallenge(getDb(), user, editionId, input)).id;
    },
  });
  if (state.ok && id) redirect(editionPath(editionNumber, `/challenges/${id}`));
  return state;
}

export async function updateChallengeAction(challengeId: string, editionNumber: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, {
    schema: challengeSchema,
    run: async (input, user) => {
      await updateChallenge(getDb(), user, challengeId, input);
    },
  });
  if (state.ok) redirect(editionPath(editionNumber, `/challenges/${challengeId}`));
  return state;
}

export async function challengeStateAction(challengeId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: challengeStateSchema,
    run: async ({ state }, user) => {
      await setChallengeState(getDb(), user, challengeId, state);
      const t = await getTranslations("challenges.actions");
      return { ok: true, message: state === "OPEN" ? t("opened") : state === "CLOSED" ? t("closed") : t("auto") };
    },
  });
}

export async function answerAction(challengeId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: answerSchema,
    run: async ({ answer }, user) => {
      const result = await submitAnswer(getDb(), user, challengeId, answer);
      const t = await getTranslations("challenges.actions");
      if (result.correct) return { ok: true, message: result.alreadySolved ? t("correctAlreadySolved") : t("correct") };
      return { ok: false, values: { answer }, fieldErrors: { answer: [t("wrongHint")] }, message: t("wrong") };
    },
  });
}

export async function scoreAction(challengeId: string, editionNumber: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, {
    schema: scoreSchema,
    run: async ({ teamId, points, comment, version }, user) => {
      await setScore(getDb(), user, challengeId, { teamId, points, comment, version });
      const t = await getTranslations("challenges.actions");
      return { ok: true, message: points === null ? t("scoreRemoved") : t("scoreSaved") };
    },
  });
  // refused because another judge saved meanwhile: the page shows the new value and version,
  // the form keeps what this judge typed, and a second save is a conscious decision
  if (!state.ok) for (const locale of LOCALES) revalidatePath(`/${locale}${editionPath(editionNumber)}`, "layout");
  return state;
}
