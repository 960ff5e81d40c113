import { z } from "zod";
import { MAX_BOT_BYTES } from "../arena/limits";

const source = z
  .string({ error: "The bot's source is required." })
  .min(1, { error: "The bot's source is required." })
  .max(MAX_BOT_BYTES, { error: `A bot is at most ${MAX_BOT_BYTES / 1024} KB.` });
const language = z.enum(["ts", "js"], { error: "language must be ts or js." }).default("ts");

export const botSubmissionSchema = z.object({ source, language });

export const practiceSchema = z.object({
  source,
  language,
  opponent: z.string({ error: "Pick an opponent." }).min(1).max(40),
  seed: z.number().int().min(0).max(2 ** 31).optional(),
});

export const tournamentSchema = z.object({
  rounds: z.number({ error: "rounds must be a number." }).int().min(10, { error: "At least 10 rounds per match." }).max(5000, { error: "At most 5,000 rounds per match." }),
  matchesPerPair: z.number().int().min(1, { error: "At least one match per pair." }).max(9, { error: "At most 9 matches per pair." }),
  seed: z.number().int().min(0).max(2 ** 31).optional(),
});
