"use server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { handleForm, type FormState } from "@/app/_lib/action";
import { getDb } from "@/app/_lib/db";
import { unsubscribe } from "@/lib/notifications/commands";
import { unsubscribeTokenSchema } from "@/lib/notifications/schemas";

const unsubscribeSchema = z.object({ token: unsubscribeTokenSchema, everything: z.literal("yes").optional() });

export async function unsubscribeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: unsubscribeSchema,
    signedIn: false,
    run: async ({ token, everything }) => {
      const { email } = await unsubscribe(getDb(), token, { everything: everything === "yes" });
      const t = await getTranslations("unsubscribe");
      return { ok: true, message: everything ? t("doneAll", { email }) : t("doneKind", { email }) };
    },
  });
}
