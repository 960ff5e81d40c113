"use server";
import { revalidatePath } from "next/cache";
import { handleForm, type FormState } from "@/app/_lib/action";
import { getDb } from "@/lib/db";
import { ROLE_LABELS } from "@/lib/domain";
import { roleChangeSchema } from "@/lib/schemas/users";
import { setRole } from "@/lib/users";

export async function setRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: roleChangeSchema,
    run: async ({ userId, role }, user) => {
      const person = await setRole(getDb(), user, userId, role);
      revalidatePath("/people");
      return { ok: true, message: `${person.name} is now ${ROLE_LABELS[role].toLowerCase()}.` };
    },
  });
}
