"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { handleForm, type FormState } from "@/app/_lib/action";
import { getDb } from "@/app/_lib/db";
import { editionPath } from "@/app/_lib/load";
import { redeemInvite } from "@/lib/judging/commands";
import { inviteTokenSchema } from "@/lib/judging/schemas";
import { translator } from "@/app/_lib/translate";

/** A signed-in person uses an invitation: they judge its tracks under their own account. */
export async function acceptInviteAction(token: string, _prev: FormState, formData: FormData): Promise<FormState> {
  let next: string | null = null;
  const state = await handleForm(formData, {
    schema: z.object({}),
    run: async (_input, user) => {
      const parsed = inviteTokenSchema.safeParse(token);
      if (!parsed.success) return { ok: false, message: (await translator())(parsed.error.issues[0].message) };
      const { editionNumber } = await redeemInvite(getDb(), parsed.data, { userId: user!.id });
      next = editionPath(editionNumber, "/judging");
    },
  });
  if (next) redirect(next);
  return state;
}
