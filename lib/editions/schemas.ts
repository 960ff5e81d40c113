import { z } from "zod";
import { PHASES } from "./rules";
import { isValidTimeZone } from "../platform/time";
import { msg } from "../platform/messages";
import { intField, optionalText, text, localDateTime } from "../platform/schemas";

/** The edition form. Times are wall-clock times in the edition's timezone. */
export const editionSchema = z
  .object({
    number: intField(msg("editions.field.number"), 1, 0xffff),
    title: text(msg("editions.field.title"), 3, 120),
    timezone: z
      .string({ error: msg("platform.required", { label: msg("editions.field.timezone") }) })
      .trim()
      .min(1, { error: msg("platform.required", { label: msg("editions.field.timezone") }) })
      .refine(isValidTimeZone, { error: msg("editions.schema.timezoneName") }),
    hackingStartsAt: localDateTime(msg("editions.field.hackingStart")),
    presentationsStartAt: localDateTime(msg("editions.field.presentationsStart")),
    endsAt: localDateTime(msg("editions.field.end")),
    maxTeamSize: intField(msg("editions.field.teamSizeCap"), 1, 50).default(5),
  })
  .refine((e) => e.hackingStartsAt < e.presentationsStartAt, {
    error: msg("editions.schema.presentationsAfterHacking"),
    path: ["presentationsStartAt"],
  })
  .refine((e) => e.presentationsStartAt <= e.endsAt, {
    error: msg("editions.schema.endsAfterPresentations"),
    path: ["endsAt"],
  });
export type EditionInput = z.infer<typeof editionSchema>;

export const phaseSchema = z.object({
  phase: z.enum(PHASES, { error: msg("editions.schema.pickPhase") }),
});

export const agendaItemSchema = z
  .object({
    title: text(msg("editions.field.title"), 1, 120),
    startsAt: localDateTime(msg("editions.field.start")),
    endsAt: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .pipe(localDateTime(msg("editions.field.end")).optional()),
    location: optionalText(msg("editions.field.location"), 120),
    description: optionalText(msg("editions.field.description"), 500),
  })
  .refine((i) => !i.endsAt || i.endsAt > i.startsAt, { error: msg("editions.schema.endAfterStart"), path: ["endsAt"] });
export type AgendaItemInput = z.infer<typeof agendaItemSchema>;
