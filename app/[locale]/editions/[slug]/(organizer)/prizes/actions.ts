"use server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { handleForm, type FormState } from "@/app/_lib/action";
import { organizersOnly } from "@/app/_lib/api";
import { msg } from "@/lib/platform/messages";
import { getDb } from "@/app/_lib/db";
import { awardPrize, castJuryVote, createJuryPrize, deleteJuryPrize } from "@/lib/prizes/commands";
import { awardSchema, juryVoteSchema, prizeSchema } from "@/lib/prizes/schemas";

export async function createPrizeAction(editionId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("prizes.actions");
  return handleForm(formData, {
    authorize: organizersOnly(msg("prizes.doing.define")),
    schema: prizeSchema,
    run: async (input, user) => {
      await createJuryPrize(getDb(), user, editionId, input);
      return { ok: true, message: t("created", { name: input.name }) };
    },
  });
}

export async function awardPrizeAction(prizeId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("prizes.actions");
  return handleForm(formData, {
    authorize: organizersOnly(msg("prizes.doing.award")),
    schema: awardSchema,
    run: async ({ teamId }, user) => {
      await awardPrize(getDb(), user, prizeId, teamId);
      return { ok: true, message: teamId ? t("awarded") : t("takenBack") };
    },
  });
}

export async function deletePrizeAction(prizeId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    authorize: organizersOnly(msg("prizes.doing.remove")),
    schema: z.object({}),
    run: async (_input, user) => {
      await deleteJuryPrize(getDb(), user, prizeId);
    },
  });
}

export async function juryVoteAction(prizeId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("prizes.actions");
  return handleForm(formData, {
    schema: juryVoteSchema,
    run: async ({ teamId }, user) => {
      await castJuryVote(getDb(), user, prizeId, teamId);
      return { ok: true, message: t("juryVoteSaved") };
    },
  });
}
