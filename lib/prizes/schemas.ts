import { z } from "zod";
import { idSchema, optionalText, text } from "../platform/schemas";
import { msg } from "../platform/messages";

export const prizeSchema = z.object({
  name: text(msg("prizes.field.name"), 3, 100),
  description: optionalText(msg("prizes.field.description"), 300),
});

export const juryVoteSchema = z.object({ teamId: idSchema });

export const awardSchema = z.object({
  /** empty: take the prize back */
  teamId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || null),
});
