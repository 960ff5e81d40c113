import { z } from "zod";
import { idSchema } from "./common";
import { VOTE_METHODS } from "../vote-rules";

export const ballotSchema = z.object({
  teamIds: z
    .array(idSchema, { error: "teamIds must be a list of team ids, favourite first." })
    .max(20, { error: "That is too many picks." }),
});

export const voteActionSchema = z.object({
  action: z.enum(["open", "close", "reveal", "hide"], { error: "action must be open, close, reveal or hide." }),
});

export const voteSettingsSchema = z.object({
  method: z.enum(VOTE_METHODS, { error: "method must be RANKED or APPROVAL." }),
  picks: z.number({ error: "picks must be a number." }).int().min(1, { error: "Voters pick at least one team." }).max(10, { error: "Voters pick at most 10 teams." }),
  requireSignIn: z.boolean({ error: "requireSignIn must be true or false." }),
  audienceWeight: z.number().int().min(0, { error: "Weights can't be negative." }).max(100, { error: "Weights are at most 100." }),
  bonusWeight: z.number().int().min(0, { error: "Weights can't be negative." }).max(100, { error: "Weights are at most 100." }),
  publicVotePrize: z.boolean(),
});
