import { z } from "zod";
import { idSchema, optionalText, text } from "../platform/schemas";
import { OUTCOME_STATUSES } from "./rules";

export const teamSchema = z.object({
  name: text("Team name", 2, 60),
  topicId: idSchema,
  /** interested people the creator brings along (the creator always joins) */
  memberIds: z.array(idSchema).max(49, { error: "That is more people than a team can hold." }).default([]),
});
export type TeamInput = z.infer<typeof teamSchema>;

export const moveMemberSchema = z.object({
  userId: idSchema,
  /** empty: take the person out of any team */
  teamId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || null),
});

/** A project's outcome: what, when (a day, not in the future), a short note, and up to five links. */
export const outcomeSchema = z.object({
  status: z.enum(OUTCOME_STATUSES, { error: "Pick what became of the project." }),
  happenedOn: z
    .string({ error: "Give the day it happened." })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Give the day as YYYY-MM-DD." })
    .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), {
      error: "That day doesn't exist.",
    })
    .refine((day) => day <= new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10), { error: "That day is still to come: tell it once it happened." }),
  note: optionalText("The note", 1000),
  /** one address per line: a ticket, a merge request, release notes */
  links: z
    .string()
    .max(3000, { error: "That is too much text for five links." })
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(
          z
            .url({ protocol: /^https?$/, error: "Each line must be a web address starting with http:// or https://." })
            .max(500, { error: "That address is too long." }),
        )
        .max(5, { error: "Five links at most." }),
    ),
});
export type OutcomeInput = z.output<typeof outcomeSchema>;
