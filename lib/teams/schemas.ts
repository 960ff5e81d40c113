import { z } from "zod";
import { idSchema, optionalText, text } from "../platform/schemas";
import { OUTCOME_STATUSES } from "./rules";
import { msg } from "../platform/messages";

export const teamSchema = z.object({
  name: text(msg("teams.field.name"), 2, 60),
  topicId: idSchema,
  /** interested people the creator brings along (the creator always joins) */
  memberIds: z
    .array(idSchema)
    .max(49, { error: msg("teams.form.tooManyPeople") })
    .default([]),
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
  status: z.enum(OUTCOME_STATUSES, { error: msg("teams.outcome.pickStatus") }),
  happenedOn: z
    .string({ error: msg("teams.outcome.giveDay") })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: msg("teams.outcome.dayFormat") })
    .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), {
      error: msg("teams.outcome.noSuchDay"),
    })
    .refine((day) => day <= new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10), { error: msg("teams.outcome.dayToCome") }),
  note: optionalText(msg("teams.field.note"), 1000),
  /** one address per line: a ticket, a merge request, release notes */
  links: z
    .string()
    .max(3000, { error: msg("teams.outcome.linksTooLong") })
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.url({ protocol: /^https?$/, error: msg("teams.outcome.linkNotWeb") }).max(500, { error: msg("teams.outcome.linkTooLong") }))
        .max(5, { error: msg("teams.outcome.tooManyLinks") }),
    ),
});
export type OutcomeInput = z.output<typeof outcomeSchema>;
