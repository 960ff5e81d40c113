"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { handleForm, type FormState } from "@/app/_lib/action";
import { editionPath } from "@/app/_lib/load";
import { getDb } from "@/app/_lib/db";
import { moveMemberSchema, outcomeSchema, teamSchema } from "@/lib/teams/schemas";
import { text } from "@/lib/platform/schemas";
import { createTeam, joinTeam, leaveTeam, movePerson, recordOutcome, renameTeam } from "@/lib/teams/commands";

const noFields = z.object({});

export async function createTeamAction(editionId: string, editionNumber: number, _prev: FormState, formData: FormData): Promise<FormState> {
  let teamId = "";
  const state = await handleForm(formData, {
    schema: teamSchema,
    arrays: ["memberIds"],
    run: async (input, user) => {
      teamId = (await createTeam(getDb(), user, editionId, input)).id;
    },
  });
  if (state.ok && teamId) redirect(editionPath(editionNumber, `/teams/${teamId}`));
  return state;
}

export async function joinTeamAction(teamId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: noFields,
    run: async (_input, user) => {
      await joinTeam(getDb(), user, teamId);
      const t = await getTranslations("teams");
      return { ok: true, message: t("welcome") };
    },
  });
}

export async function leaveTeamAction(teamId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: noFields,
    run: async (_input, user) => {
      await leaveTeam(getDb(), user, teamId);
      const t = await getTranslations("teams");
      return { ok: true, message: t("left") };
    },
  });
}

export async function renameTeamAction(teamId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: z.object({ name: text("Team name", 2, 60) }),
    run: async ({ name }, user) => {
      await renameTeam(getDb(), user, teamId, name);
      const t = await getTranslations("teams");
      return { ok: true, message: t("renamed") };
    },
  });
}

export async function movePersonAction(editionId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: moveMemberSchema,
    run: async ({ userId, teamId }, user) => {
      await movePerson(getDb(), user, editionId, userId, teamId);
      const t = await getTranslations("teams");
      return { ok: true, message: teamId ? t("moved") : t("takenOut") };
    },
  });
}

export async function recordOutcomeAction(teamId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: outcomeSchema,
    run: async (input, user) => {
      await recordOutcome(getDb(), user, teamId, input);
      const t = await getTranslations("outcome");
      return { ok: true, message: t("saved") };
    },
  });
}
