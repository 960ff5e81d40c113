import { z } from "zod";
import { idSchema, text } from "../platform/schemas";

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
