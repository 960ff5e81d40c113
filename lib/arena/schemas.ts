import { z } from "zod";
import { MAX_BOT_BYTES } from "./engine/limits";

const source = z
  .string({ error: "The bot's source is required." })
  .min(1, { error: "The bot's source is required." })
  .max(MAX_BOT_BYTES, { error: `A bot is at most ${MAX_BOT_BYTES / 1024} KB.` });
const language = z.enum(["ts", "js"], { error: "language must be ts or js." }).default("ts");

/** `force` stores a bot even though it forfeited its check match on submission. */
export const botSubmissionSchema = z.object({
  source,
  language,
  force: z.boolean({ error: "force must be true or false." }).default(false),
});

export const practiceSchema = z.object({
  source,
  language,
  opponent: z.string({ error: "Pick an opponent." }).min(1).max(40),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .optional(),
});

/** Running the tournament: its settings are the challenge's; a seed replays an earlier run. */
export const tournamentSchema = z.object({
  seed: z
    .number({ error: "The seed must be a number." })
    .int()
    .min(0)
    .max(2 ** 31)
    .optional(),
});
