import { z } from "zod";
import { checkbox, idSchema, intField, optionalText, text } from "../platform/schemas";
import { ELIGIBILITIES, JUDGING_METHODS, MAX_CRITERIA, MAX_NOTES, RANKING_RULES } from "./rules";

/** An organizer's track form. The method can't change once judging began (lib/judging/commands.ts). */
export const trackSchema = z.object({
  name: text("Track name", 3, 100),
  description: optionalText("Description", 1000),
  method: z.enum(JUDGING_METHODS, { error: "Pick how judges judge: pairwise, rubric or ranking." }),
  // Copeland: the bench's best ranking rule (README, docs/judging.md)
  rankingRule: z.enum(RANKING_RULES, { error: "Pick Borda or Copeland." }).default("COPELAND"),
  normalize: checkbox(),
  eligibility: z.enum(ELIGIBILITIES, { error: "Pick which teams are judged: every team, or teams that enter." }).default("ALL"),
  excludeSameDepartment: checkbox(),
  excludeReports: checkbox(),
  /** the jury prize its winner receives; empty: none */
  prizeId: z
    .string()
    .trim()
    .max(64, { error: "That prize is not valid." })
    .optional()
    .transform((v) => v || null),
  bonusPoints: z
    .string()
    .trim()
    .regex(/^(\d{1,3}(\s*,\s*\d{1,3}){0,9})?$/, { error: "Bonus points by place: up to ten numbers separated by commas, e.g. 10, 6, 3 (or empty for none)." })
    .optional()
    .transform((v) => (v ?? "").replace(/\s+/g, "")),
});
export type TrackInput = z.output<typeof trackSchema>;

export const criterionSchema = z.object({
  name: text("Criterion", 2, 80),
  description: optionalText("What judges look for", 500),
  weight: intField("Weight", 1, 10),
  scale: z.coerce.number({ error: "Pick a scale of 1–5 or 1–10." }).refine((v) => v === 5 || v === 10, { error: "Pick a scale of 1–5 or 1–10." }),
});
export type CriterionInput = z.output<typeof criterionSchema>;
export const MAX_CRITERIA_MESSAGE = `A rubric has at most ${MAX_CRITERIA} criteria.`;

export const trackStatusSchema = z.object({
  status: z.enum(["OPEN", "PAUSED", "CLOSED"], { error: "status must be OPEN, PAUSED or CLOSED." }),
});

export const inviteSchema = z.object({
  label: text("Who it is for", 2, 100),
  trackIds: z
    .array(idSchema, { error: "Pick the tracks they judge." })
    .min(1, { error: "Pick at least one track they judge." })
    .max(20, { error: "That is too many tracks." }),
  hours: intField("Valid for (hours)", 1, 24 * 30).default(72),
});
export type InviteInput = z.output<typeof inviteSchema>;

/** An invitation's token, as it comes in the link. */
export const inviteTokenSchema = z
  .string({ error: "This invitation link is incomplete." })
  .trim()
  .min(20, { error: "This invitation link is incomplete." })
  .max(100, { error: "This invitation link is not valid." })
  .regex(/^[\w-]+$/, { error: "This invitation link is not valid." });

export const redeemSchema = z.object({
  token: inviteTokenSchema,
  name: text("Your name", 2, 80),
});

export const conflictSchema = z.object({
  judgeId: idSchema,
  teamId: idSchema,
  reason: optionalText("Reason", 300),
});

export const withdrawJudgeSchema = z.object({
  judgeId: idSchema,
  reason: text("The reason", 3, 500),
});

const notes = optionalText("Notes", MAX_NOTES);
const sequence = z.coerce
  .number({ error: "This form is out of date: reload the page." })
  .int({ error: "This form is out of date: reload the page." })
  .min(1, { error: "This form is out of date: reload the page." })
  .max(1_000_000, { error: "This form is out of date: reload the page." });

/**
 * A judge's judgment. `sequence` is the number the page was showing (the
 * judge's next): a second submission of the same form is refused, not counted.
 */
export const judgmentSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("SEEN"), sequence, teamId: idSchema, notes, starred: checkbox() }),
    z.object({ kind: z.literal("PAIR"), sequence, teamId: idSchema, preferredId: idSchema, notes, starred: checkbox() }),
    z.object({
      kind: z.literal("RANKING"),
      sequence,
      order: z
        .array(idSchema, { error: "order must be a list of team ids, best first." })
        .min(1, { error: "Put at least one team in order." })
        .max(500, { error: "That is too many teams." })
        .refine((ids) => new Set(ids).size === ids.length, { error: "A team can appear only once in your order." }),
    }),
    z.object({
      kind: z.literal("RUBRIC"),
      sequence,
      teamId: idSchema,
      scores: z
        .record(idSchema, z.number({ error: "Each score must be a whole number." }).int({ error: "Each score must be a whole number." }))
        .refine((s) => Object.keys(s).length <= MAX_CRITERIA, { error: "That is too many scores." }),
      notes,
      starred: checkbox(),
    }),
  ],
  { error: "kind must be SEEN, PAIR, RANKING or RUBRIC." },
);
export type JudgmentInput = z.output<typeof judgmentSchema>;
