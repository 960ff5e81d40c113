import { z } from "zod";
import { msg } from "../platform/messages";
import { idSchema } from "../platform/schemas";

export const stageCommandSchema = z.union(
  [
    z.object({ command: z.enum(["start", "pause", "resume", "reset", "add30", "next", "previous"]) }),
    z.object({ command: z.literal("goto"), teamId: idSchema }),
  ],
  { error: msg("stage.schema.command") },
);
export type StageCommandInput = z.infer<typeof stageCommandSchema>;

export const runningOrderSchema = z.object({
  teamIds: z.array(idSchema, { error: msg("stage.schema.teamIds") }).max(500, { error: msg("stage.schema.tooManyTeams") }),
});

export const slotSettingsSchema = z.object({
  slotSeconds: z
    .number({ error: msg("stage.schema.slotNumber") })
    .int()
    .min(30, { error: msg("stage.schema.slotAtLeast") })
    .max(3600, { error: msg("stage.schema.slotAtMost") }),
  changeoverSeconds: z
    .number({ error: msg("stage.schema.changeoverNumber") })
    .int()
    .min(0, { error: msg("stage.schema.changeoverNegative") })
    .max(1800, { error: msg("stage.schema.changeoverAtMost") }),
});
