"use server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { handleForm, type FormState } from "@/app/_lib/action";
import { getDb } from "@/app/_lib/db";
import { confirmAddress } from "@/lib/people/email-verification";

/** The token and the password; `noPassword` is what to say when the password is missing. */
const confirmSchema = (noPassword: string) =>
  z.object({
    token: z.string().min(20).max(100),
    password: z.string({ error: noPassword }).min(1, { error: noPassword }).max(200),
  });

export async function confirmAddressAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("auth.verify");
  return handleForm(formData, {
    schema: confirmSchema(t("noPassword")),
    signedIn: false,
    run: async ({ token, password }) => {
      const { email } = await confirmAddress(getDb(), token, password);
      return { ok: true, message: email };
    },
  });
}
