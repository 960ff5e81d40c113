"use server";
import { revalidatePath } from "next/cache";
import { handleForm, type FormState } from "@/app/_lib/action";
import { getDb } from "@/app/_lib/db";
import { ROLE_LABELS } from "@/lib/people/rules";
import { personSchema, roleChangeSchema } from "@/lib/people/schemas";
import { signOutEverywhere } from "@/lib/people/sessions";
import { approveAccount, refuseAccount, setRole } from "@/lib/people/commands";

export async function setRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: roleChangeSchema,
    run: async ({ userId, role }, user) => {
      const person = await setRole(getDb(), user, userId, role);
      revalidatePath("/[locale]/people", "page");
      return { ok: true, message: `${person.name} is now ${ROLE_LABELS[role].toLowerCase()}.` };
    },
  });
}

export async function signOutEverywhereAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: personSchema,
    run: async ({ userId }, user) => {
      const ended = await signOutEverywhere(getDb(), user, userId);
      return { ok: true, message: ended === 1 ? "Signed out of 1 browser." : `Signed out of ${ended} browsers.` };
    },
  });
}

export async function approveAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: personSchema,
    run: async ({ userId }, user) => {
      await approveAccount(getDb(), user, userId);
      revalidatePath("/[locale]/people", "page");
    },
  });
}

export async function refuseAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: personSchema,
    run: async ({ userId }, user) => {
      await refuseAccount(getDb(), user, userId);
      revalidatePath("/[locale]/people", "page");
    },
  });
}
