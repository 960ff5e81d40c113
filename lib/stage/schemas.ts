import { z } from "zod";
import { idSchema } from "../platform/schemas";

export const stageCommandSchema = z.union(
  [
    z.object({ command: z.enum(["start", "pause", "resume", "reset", "add30", "next", "previous"]) }),
    z.object({ command: z.literal("goto"), teamId: idSchema }),
  ],
  { error: "command must be one of start, pause, resume, reset, add30, next, previous, or goto with a teamId." },
);
export type StageCommandInput = z.infer<typeof stageCommandSchema>;

export const runningOrderSchema = z.object({
  teamIds: z.array(idSchema, { error: "teamIds must be a list of team ids." }).max(500, { error: "That is more teams than an edition holds." }),
});

export const slotSettingsSchema = z.object({
  slotSeconds: z
    .number({ error: "The slot length must be a number of seconds." })
    .int()
    .min(30, { error: "A slot lasts at least 30 seconds." })
    .max(3600, { error: "A slot lasts at most an hour." }),
  changeoverSeconds: z
    .number({ error: "The changeover must be a number of seconds." })
    .int()
    .min(0, { error: "The changeover can't be negative." })
    .max(1800, { error: "A changeover lasts at most 30 minutes." }),
});
