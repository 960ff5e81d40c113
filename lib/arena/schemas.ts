import { z } from "zod";
import { MAX_BOT_BYTES } from "./engine/limits";
import { msg } from "../platform/messages";

const source = z
  .string({ error: msg("arena.form.sourceRequired") })
  .min(1, { error: msg("arena.form.sourceRequired") })
  .max(MAX_BOT_BYTES, { error: msg("arena.form.tooLarge", { kb: MAX_BOT_BYTES / 1024 }) });
const language = z.enum(["ts", "js"], { error: msg("arena.form.language") }).default("ts");

/** `force` stores a bot even though it forfeited its check match on submission. */
export const botSubmissionSchema = z.object({
  source,
  language,
  force: z.boolean({ error: msg("arena.form.force") }).default(false),
});

export const practiceSchema = z.object({
  source,
  language,
  opponent: z
    .string({ error: msg("arena.form.pickOpponent") })
    .min(1)
    .max(40),
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
    .number({ error: msg("arena.form.seed") })
    .int()
    .min(0)
    .max(2 ** 31)
    .optional(),
});
