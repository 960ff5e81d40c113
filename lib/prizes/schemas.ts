import { z } from "zod";
import { idSchema, optionalText, text } from "../platform/schemas";

export const prizeSchema = z.object({
  name: text("Prize name", 3, 100),
  description: optionalText("Description", 300),
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
