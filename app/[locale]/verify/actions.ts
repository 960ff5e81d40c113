"use server";
import { z } from "zod";
import { handleForm, type FormState } from "@/app/_lib/action";
import { getDb } from "@/app/_lib/db";
import { confirmAddress } from "@/lib/people/email-verification";

const confirmSchema = z.object({
  token: z.string().min(20).max(100),
  password: z.string({ error: "Type the password you chose." }).min(1, { error: "Type the password you chose." }).max(200),
});

export async function confirmAddressAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: confirmSchema,
    signedIn: false,
    run: async ({ token, password }) => {
      const { email } = await confirmAddress(getDb(), token, password);
      return { ok: true, message: email };
    },
  });
}
