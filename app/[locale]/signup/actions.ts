"use server";
import { getTranslations } from "next-intl/server";
import { handleForm, type FormState } from "@/app/_lib/action";
import { getDb } from "@/app/_lib/db";
import { signUpSchema } from "@/lib/people/schemas";
import { createFirstOrganizer, signUp } from "@/lib/people/commands";
import { publicOrigin } from "@/app/_lib/origin";

export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: signUpSchema,
    signedIn: false,
    run: async (input) => {
      const { mode } = await signUp(getDb(), input, { origin: await publicOrigin() });
      const t = await getTranslations("auth.signUp");
      // the same words whether or not the address already had an account
      return mode === "email" ? { ok: true, message: t("checkInbox", { email: input.email }) } : { ok: true, message: t("awaitApproval") };
    },
  });
}

/** The one-time setup: the first person becomes the first organizer. */
export async function setupAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: signUpSchema,
    signedIn: false,
    run: async (input) => {
      await createFirstOrganizer(getDb(), input);
    },
  });
}
