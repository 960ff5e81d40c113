"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { handleForm, type FormState } from "@/app/_lib/action";
import { organizersOnly } from "@/app/_lib/api";
import { msg } from "@/lib/platform/messages";
import { getDb } from "@/app/_lib/db";
import { personSchema, roleChangeSchema } from "@/lib/people/schemas";
import { signOutEverywhere } from "@/lib/people/sessions";
import { approveAccount, refuseAccount, setRole } from "@/lib/people/commands";

export async function setRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    authorize: organizersOnly(msg("people.doing.changeRoles")),
    schema: roleChangeSchema,
    run: async ({ userId, role }, user) => {
      const person = await setRole(getDb(), user, userId, role);
      revalidatePath("/[locale]/people", "page");
      const t = await getTranslations("people.actions");
      return { ok: true, message: t("roleSet", { name: person.name, role }) };
    },
  });
}

export async function signOutEverywhereAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: personSchema,
    run: async ({ userId }, user) => {
      const ended = await signOutEverywhere(getDb(), user, userId);
      const t = await getTranslations("people.actions");
      return { ok: true, message: t("signedOut", { count: ended }) };
    },
  });
}

export async function approveAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    authorize: organizersOnly(msg("people.doing.approveAccounts")),
    schema: personSchema,
    run: async ({ userId }, user) => {
      await approveAccount(getDb(), user, userId);
      revalidatePath("/[locale]/people", "page");
    },
  });
}

export async function refuseAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    authorize: organizersOnly(msg("people.doing.refuseAccounts")),
    schema: personSchema,
    run: async ({ userId }, user) => {
      await refuseAccount(getDb(), user, userId);
      revalidatePath("/[locale]/people", "page");
    },
  });
}
