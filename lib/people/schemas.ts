import { z } from "zod";
import { text, idSchema } from "../platform/schemas";
import { msg } from "../platform/messages";
import { LOCALES } from "../platform/locale";
import { ROLES } from "./rules";

export const emailSchema = z
  .string({ error: msg("people.email.required") })
  .trim()
  .toLowerCase()
  .min(1, { error: msg("people.email.required") })
  .max(254, { error: msg("people.email.tooLong") })
  .pipe(z.email({ error: msg("people.email.invalid") }));

export const passwordSchema = z
  .string({ error: msg("people.password.required") })
  .min(8, { error: msg("people.password.tooShort") })
  .max(200, { error: msg("people.password.tooLong") });

export const signUpSchema = z.object({
  name: text(msg("people.field.name"), 1, 80),
  email: emailSchema,
  password: passwordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: msg("people.password.required") })
    .min(1, { error: msg("people.password.required") })
    .max(200),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z.object({
  current: z
    .string({ error: msg("people.password.typeCurrent") })
    .min(1, { error: msg("people.password.typeCurrent") })
    .max(200),
  password: passwordSchema,
});

export const roleChangeSchema = z.object({
  userId: idSchema,
  role: z.enum(ROLES, { error: msg("people.role.pick") }),
});

export const personSchema = z.object({ userId: idSchema });

export const localeSchema = z.object({ locale: z.enum(LOCALES, msg("people.locale.pick")) });
