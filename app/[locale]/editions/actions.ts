"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { handleForm, type FormState } from "@/app/_lib/action";
import { organizersOnly } from "@/app/_lib/api";
import { msg } from "@/lib/platform/messages";
import { editionPath } from "@/app/_lib/load";
import { getDb } from "@/app/_lib/db";
import { addAgendaItem, createEdition, deleteAgendaItem, setPhase, updateAgendaItem, updateEdition } from "@/lib/editions/commands";
import { agendaItemSchema, editionSchema, phaseSchema } from "@/lib/editions/schemas";

export async function createEditionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let number = 0;
  const state = await handleForm(formData, {
    authorize: organizersOnly(msg("editions.doing.create")),
    schema: editionSchema,
    run: async (input, user) => {
      number = (await createEdition(getDb(), user, input)).number;
    },
  });
  if (state.ok && number) redirect(editionPath(number, "/manage"));
  return state;
}

export async function updateEditionAction(editionId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  let number = 0;
  const state = await handleForm(formData, {
    authorize: organizersOnly(msg("editions.doing.edit")),
    schema: editionSchema,
    run: async (input, user) => {
      number = (await updateEdition(getDb(), user, editionId, input)).number;
      const t = await getTranslations("manage");
      return { ok: true, message: t("saved") };
    },
  });
  // the number may have changed, and with it the URL
  if (state.ok && number) redirect(editionPath(number, "/manage"));
  return state;
}

export async function setPhaseAction(editionId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    authorize: organizersOnly(msg("editions.doing.changePhase")),
    schema: phaseSchema,
    run: async ({ phase }, user) => {
      await setPhase(getDb(), user, editionId, phase);
      const t = await getTranslations("manage");
      return { ok: true, message: t("phaseChanged") };
    },
  });
}

export async function addAgendaItemAction(editionId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    authorize: organizersOnly(msg("editions.doing.editAgenda")),
    schema: agendaItemSchema,
    run: async (input, user) => {
      await addAgendaItem(getDb(), user, editionId, input);
      const t = await getTranslations("manage");
      return { ok: true, message: t("itemAdded", { title: input.title }) };
    },
  });
}

export async function updateAgendaItemAction(itemId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    authorize: organizersOnly(msg("editions.doing.editAgenda")),
    schema: agendaItemSchema,
    run: async (input, user) => {
      await updateAgendaItem(getDb(), user, itemId, input);
      const t = await getTranslations("manage");
      return { ok: true, message: t("itemSaved") };
    },
  });
}

export async function deleteAgendaItemAction(itemId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    authorize: organizersOnly(msg("editions.doing.editAgenda")),
    schema: z.object({}),
    run: async (_input, user) => {
      await deleteAgendaItem(getDb(), user, itemId);
    },
  });
}
