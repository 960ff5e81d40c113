"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { handleForm, type FormState } from "@/app/_lib/action";
import { getDb } from "@/app/_lib/db";
import {
  addCriterion,
  addJudge,
  awardTrackWinner,
  createInvite,
  createTrack,
  declareConflict,
  deleteTrack,
  enterTrack,
  publishResults,
  recordJudgment,
  removeConflict,
  removeCriterion,
  removeJudge,
  revokeInvite,
  sendJudge,
  setTrackStatus,
  skipTeam,
  updateTrack,
  withdrawJudgeJudgments,
  withdrawJudgment,
} from "@/lib/judging/commands";
import { conflictSchema, criterionSchema, inviteSchema, judgmentSchema, trackSchema, trackStatusSchema, withdrawJudgeSchema } from "@/lib/judging/schemas";
import { checkbox, optionalText } from "@/lib/platform/schemas";
import { qrSvg } from "@/lib/platform/qr";
import { publicOrigin } from "@/app/_lib/origin";

const nothing = z.object({});

/**
 * handleForm, then the judging pages are read again for the person acting (judging's events don't expire
 * cached pages: these pages are never cached, but the browser's router keeps what it showed).
 */
async function act<S extends z.ZodType>(formData: FormData, options: Parameters<typeof handleForm<S>>[1]): Promise<FormState> {
  const state = await handleForm(formData, options);
  if (state.ok) revalidatePath("/[locale]/editions/[slug]/judging", "layout");
  return state;
}

export async function createTrackAction(editionId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("judging.actions");
  return act(formData, {
    schema: trackSchema,
    run: async (input, user) => {
      await createTrack(getDb(), user, editionId, input);
      return { ok: true, message: t(input.method === "RUBRIC" ? "trackCreatedRubric" : "trackCreated", { name: input.name }) };
    },
  });
}

export async function updateTrackAction(trackId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("judging.actions");
  return act(formData, {
    schema: trackSchema,
    run: async (input, user) => {
      await updateTrack(getDb(), user, trackId, input);
      return { ok: true, message: t("trackSaved") };
    },
  });
}

export async function deleteTrackAction(trackId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return act(formData, { schema: nothing, run: async (_input, user) => void (await deleteTrack(getDb(), user, trackId)) });
}

export async function addCriterionAction(trackId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("judging.actions");
  return act(formData, {
    schema: criterionSchema,
    run: async (input, user) => {
      await addCriterion(getDb(), user, trackId, input);
      return { ok: true, message: t("criterionAdded", { name: input.name }) };
    },
  });
}

export async function removeCriterionAction(criterionId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return act(formData, { schema: nothing, run: async (_input, user) => void (await removeCriterion(getDb(), user, criterionId)) });
}

export async function trackStatusAction(trackId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return act(formData, {
    schema: trackStatusSchema,
    run: async ({ status }, user) => void (await setTrackStatus(getDb(), user, trackId, status)),
  });
}

export async function publishResultsAction(trackId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return act(formData, {
    schema: z.object({ published: checkbox() }),
    run: async ({ published }, user) => void (await publishResults(getDb(), user, trackId, published)),
  });
}

export async function awardTrackWinnerAction(trackId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("judging.actions");
  return act(formData, {
    schema: nothing,
    run: async (_input, user) => {
      const prize = await awardTrackWinner(getDb(), user, trackId);
      return { ok: true, message: t("prizeAwarded", { name: prize.name }) };
    },
  });
}

export async function enterTrackAction(trackId: string, teamId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return act(formData, {
    schema: z.object({ entered: checkbox() }),
    run: async ({ entered }, user) => void (await enterTrack(getDb(), user, trackId, teamId, entered)),
  });
}

export async function addJudgeAction(trackId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("judging.actions");
  return act(formData, {
    schema: z.object({ email: z.email({ error: t("judgeEmailInvalid") }).max(200) }),
    run: async ({ email }, user) => {
      const judge = await addJudge(getDb(), user, trackId, email);
      return { ok: true, message: t("judgeAdded", { name: judge.name }) };
    },
  });
}

export async function removeJudgeAction(trackId: string, userId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return act(formData, { schema: nothing, run: async (_input, user) => void (await removeJudge(getDb(), user, trackId, userId)) });
}

export async function withdrawJudgeAction(trackId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("judging.actions");
  return act(formData, {
    schema: withdrawJudgeSchema,
    run: async ({ judgeId, reason }, user) => {
      const count = await withdrawJudgeJudgments(getDb(), user, trackId, judgeId, reason);
      return { ok: true, message: t("judgmentsWithdrawn", { count }) };
    },
  });
}

export type InviteState = FormState & { link?: string; qrSvg?: string };

/** The invitation's link (and its QR code) is shown once, in the answer: only its hash is kept. */
export async function createInviteAction(editionId: string, _prev: InviteState, formData: FormData): Promise<InviteState> {
  const t = await getTranslations("judging.actions");
  let link: string | undefined;
  const state = await act(formData, {
    schema: inviteSchema,
    arrays: ["trackIds"],
    run: async (input, user) => {
      const { token } = await createInvite(getDb(), user, editionId, input);
      link = `${await publicOrigin()}/judge?t=${token}`;
      return { ok: true, message: t("inviteCreated", { label: input.label }) };
    },
  });
  return link ? { ...state, link, qrSvg: await qrSvg(link) } : state;
}

export async function revokeInviteAction(inviteId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return act(formData, { schema: nothing, run: async (_input, user) => void (await revokeInvite(getDb(), user, inviteId)) });
}

export async function declareConflictAction(editionId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("judging.actions");
  return act(formData, {
    schema: conflictSchema,
    run: async (input, user) => {
      await declareConflict(getDb(), user, editionId, input);
      return { ok: true, message: t("conflictDeclared") };
    },
  });
}

export async function removeConflictAction(editionId: string, judgeId: string, teamId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return act(formData, { schema: nothing, run: async (_input, user) => void (await removeConflict(getDb(), user, editionId, judgeId, teamId)) });
}

// ---- the judge's page -------------------------------------------------------------

export async function sendJudgeAction(trackId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("judging.actions");
  return act(formData, {
    schema: nothing,
    run: async (_input, user) => {
      const teamId = await sendJudge(getDb(), user, trackId);
      return teamId ? { ok: true } : { ok: true, message: t("allSeen") };
    },
  });
}

export async function skipTeamAction(trackId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return act(formData, {
    schema: z.object({ sequence: judgmentSchema.options[0].shape.sequence }),
    run: async ({ sequence }, user) => void (await skipTeam(getDb(), user, trackId, sequence)),
  });
}

/** A judgment from the judge's form: rubric scores come as `score.<criterion id>` fields. */
function judgmentFromForm(formData: FormData) {
  if (!(formData instanceof FormData)) return {}; // handleForm answers a hand-made call
  const scores: Record<string, number> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("score.") && typeof value === "string" && value !== "") scores[key.slice(6)] = Number(value);
  }
  return formData.get("kind") === "RUBRIC" ? { scores } : {};
}

export async function recordJudgmentAction(trackId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("judging.actions");
  const extra = judgmentFromForm(formData);
  return act(formData, {
    schema: z.preprocess((raw) => ({ ...(raw as object), ...extra }), judgmentSchema),
    arrays: ["order"],
    run: async (input, user) => {
      await recordJudgment(getDb(), user, trackId, input);
      return { ok: true, message: input.kind === "RANKING" ? t("orderSaved") : t("saved") };
    },
  });
}

export async function withdrawJudgmentAction(judgmentId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("judging.actions");
  return act(formData, {
    schema: z.object({ reason: optionalText("Reason", 300) }),
    run: async ({ reason }, user) => {
      await withdrawJudgment(getDb(), user, judgmentId, reason);
      return { ok: true, message: t("judgmentUndone") };
    },
  });
}
