"use server";
import { handleForm, type FormState } from "@/app/_lib/action";
import { getDb } from "@/lib/db";
import { signUpSchema } from "@/lib/schemas/auth";
import { createFirstOrganizer, signUp } from "@/lib/users";

export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: signUpSchema,
    signedIn: false,
    run: async (input) => {
      await signUp(getDb(), input);
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
