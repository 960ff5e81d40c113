"use server";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { handleForm, type FormState } from "@/app/_lib/action";
import { organizersOnly } from "@/app/_lib/api";
import { msg } from "@/lib/platform/messages";
import { getDb } from "@/app/_lib/db";
import { forgetPerson } from "@/lib/people/portability";

/** Each article's byline choice arrives as "byline:<article id>" = KEEP | FORMER; the organizer confirms (`unconfirmed`: what to say if not). */
const forgetSchema = (unconfirmed: string) =>
  z
    .record(z.string().max(80), z.string().max(20))
    .refine((fields) => fields.confirm === "on", { error: unconfirmed })
    .transform((fields) =>
      Object.fromEntries(
        Object.entries(fields)
          .filter(([key, value]) => key.startsWith("byline:") && (value === "KEEP" || value === "FORMER"))
          .map(([key, value]) => [key.slice("byline:".length), value as "KEEP" | "FORMER"]),
      ),
    );

export async function forgetPersonAction(userId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("people.forget");
  const state = await handleForm(formData, {
    authorize: organizersOnly(msg("people.doing.forgetPeople")),
    schema: forgetSchema(t("unconfirmed")),
    run: async (bylines, user) => {
      await forgetPerson(getDb(), user, userId, bylines);
    },
  });
  if (state.ok) redirect("/people?forgotten=1");
  return state;
}
