import { z } from "zod";
import { PHASES } from "./rules";
import { isValidTimeZone } from "../platform/time";
import { intField, optionalText, text, localDateTime } from "../platform/schemas";

/** The edition form. Times are wall-clock times in the edition's timezone. */
export const editionSchema = z
  .object({
    number: intField("Number", 1, 0xffff),
    title: text("Title", 3, 120),
    timezone: z
      .string({ error: "Timezone is required." })
      .trim()
      .min(1, { error: "Timezone is required." })
      .refine(isValidTimeZone, { error: "Use a timezone name such as Europe/Paris." }),
    hackingStartsAt: localDateTime("Hacking start"),
    presentationsStartAt: localDateTime("Presentations start"),
    endsAt: localDateTime("End"),
    maxTeamSize: intField("Team size cap", 1, 50).default(5),
  })
  .refine((e) => e.hackingStartsAt < e.presentationsStartAt, {
    error: "Presentations start after hacking starts.",
    path: ["presentationsStartAt"],
  })
  .refine((e) => e.presentationsStartAt <= e.endsAt, {
    error: "The edition ends after the presentations start.",
    path: ["endsAt"],
  });
export type EditionInput = z.infer<typeof editionSchema>;

export const phaseSchema = z.object({
  phase: z.enum(PHASES, { error: "Pick one of the phases." }),
});

export const agendaItemSchema = z
  .object({
    title: text("Title", 1, 120),
    startsAt: localDateTime("Start"),
    endsAt: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .pipe(localDateTime("End").optional()),
    location: optionalText("Location", 120),
    description: optionalText("Description", 500),
  })
  .refine((i) => !i.endsAt || i.endsAt > i.startsAt, { error: "The end comes after the start.", path: ["endsAt"] });
export type AgendaItemInput = z.infer<typeof agendaItemSchema>;
