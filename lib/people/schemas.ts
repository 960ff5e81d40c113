import { z } from "zod";
import { text, idSchema } from "../platform/schemas";
import { LOCALES } from "../platform/locale";
import { ROLES } from "./rules";

export const emailSchema = z
  .string({ error: "Email is required." })
  .trim()
  .toLowerCase()
  .min(1, { error: "Email is required." })
  .max(254, { error: "That email address is too long." })
  .pipe(z.email({ error: "Enter an email address like name@company.com." }));

export const passwordSchema = z
  .string({ error: "Password is required." })
  .min(8, { error: "Use at least 8 characters for your password." })
  .max(200, { error: "That password is too long (200 characters at most)." });

export const signUpSchema = z.object({
  name: text("Name", 1, 80),
  email: emailSchema,
  password: passwordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Password is required." }).min(1, { error: "Password is required." }).max(200),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z.object({
  current: z.string({ error: "Type your current password." }).min(1, { error: "Type your current password." }).max(200),
  password: passwordSchema,
});

export const roleChangeSchema = z.object({
  userId: idSchema,
  role: z.enum(ROLES, { error: "Pick organizer, judge or employee." }),
});

export const personSchema = z.object({ userId: idSchema });

export const localeSchema = z.object({ locale: z.enum(LOCALES, "Choose one of the languages offered.") });
