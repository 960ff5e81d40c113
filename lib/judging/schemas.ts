import { z } from "zod";
import { msg } from "../platform/messages";
import { checkbox, idSchema, intField, optionalText, text } from "../platform/schemas";
import { ELIGIBILITIES, JUDGING_METHODS, MAX_CRITERIA, MAX_NOTES, RANKING_RULES } from "./rules";

/** An organizer's track form. The method can't change once judging began (lib/judging/commands.ts). */
export const trackSchema = z.object({
  name: text(msg("judging.field.trackName"), 3, 100),
  description: optionalText(msg("judging.field.description"), 1000),
  method: z.enum(JUDGING_METHODS, { error: msg("judging.track.pickMethod") }),
  // Copeland: the bench's best ranking rule (README, docs/judging.md)
  rankingRule: z.enum(RANKING_RULES, { error: msg("judging.track.pickRankingRule") }).default("COPELAND"),
  normalize: checkbox(),
  eligibility: z.enum(ELIGIBILITIES, { error: msg("judging.track.pickEligibility") }).default("ALL"),
  excludeSameDepartment: checkbox(),
  excludeReports: checkbox(),
  /** the jury prize its winner receives; empty: none */
  prizeId: z
    .string()
    .trim()
    .max(64, { error: msg("judging.track.prizeInvalid") })
    .optional()
    .transform((v) => v || null),
  bonusPoints: z
    .string()
    .trim()
    .regex(/^(\d{1,3}(\s*,\s*\d{1,3}){0,9})?$/, { error: msg("judging.track.bonusPoints") })
    .optional()
    .transform((v) => (v ?? "").replace(/\s+/g, "")),
});
export type TrackInput = z.output<typeof trackSchema>;

export const criterionSchema = z.object({
  name: text(msg("judging.field.criterion"), 2, 80),
  description: optionalText(msg("judging.field.lookFor"), 500),
  weight: intField(msg("judging.field.weight"), 1, 10),
  scale: z.coerce.number({ error: msg("judging.criterion.pickScale") }).refine((v) => v === 5 || v === 10, { error: msg("judging.criterion.pickScale") }),
});
export type CriterionInput = z.output<typeof criterionSchema>;
export const MAX_CRITERIA_MESSAGE = msg("judging.criterion.max", { max: MAX_CRITERIA });

export const trackStatusSchema = z.object({
  status: z.enum(["OPEN", "PAUSED", "CLOSED"], { error: msg("judging.status.invalid") }),
});

export const inviteSchema = z.object({
  label: text(msg("judging.field.whoFor"), 2, 100),
  trackIds: z
    .array(idSchema, { error: msg("judging.invite.pickTracks") })
    .min(1, { error: msg("judging.invite.pickAtLeastOneTrack") })
    .max(20, { error: msg("judging.invite.tooManyTracks") }),
  hours: intField(msg("judging.field.validHours"), 1, 24 * 30).default(72),
});
export type InviteInput = z.output<typeof inviteSchema>;

/** An invitation's token, as it comes in the link. */
export const inviteTokenSchema = z
  .string({ error: msg("judging.invite.linkIncomplete") })
  .trim()
  .min(20, { error: msg("judging.invite.linkIncomplete") })
  .max(100, { error: msg("judging.invite.linkInvalid") })
  .regex(/^[\w-]+$/, { error: msg("judging.invite.linkInvalid") });

export const redeemSchema = z.object({
  token: inviteTokenSchema,
  name: text(msg("judging.field.yourName"), 2, 80),
});

export const conflictSchema = z.object({
  judgeId: idSchema,
  teamId: idSchema,
  reason: optionalText(msg("judging.field.reason"), 300),
});

export const withdrawJudgeSchema = z.object({
  judgeId: idSchema,
  reason: text(msg("judging.field.theReason"), 3, 500),
});

const notes = optionalText(msg("judging.field.notes"), MAX_NOTES);
const sequence = z.coerce
  .number({ error: msg("judging.judgment.formOutOfDate") })
  .int({ error: msg("judging.judgment.formOutOfDate") })
  .min(1, { error: msg("judging.judgment.formOutOfDate") })
  .max(1_000_000, { error: msg("judging.judgment.formOutOfDate") });

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
        .array(idSchema, { error: msg("judging.judgment.orderNotList") })
        .min(1, { error: msg("judging.judgment.orderEmpty") })
        .max(500, { error: msg("judging.judgment.tooManyTeams") })
        .refine((ids) => new Set(ids).size === ids.length, { error: msg("judging.judgment.orderDuplicate") }),
    }),
    z.object({
      kind: z.literal("RUBRIC"),
      sequence,
      teamId: idSchema,
      scores: z
        .record(idSchema, z.number({ error: msg("judging.judgment.scoreWhole") }).int({ error: msg("judging.judgment.scoreWhole") }))
        .refine((s) => Object.keys(s).length <= MAX_CRITERIA, { error: msg("judging.judgment.tooManyScores") }),
      notes,
      starred: checkbox(),
    }),
  ],
  { error: msg("judging.judgment.kindInvalid") },
);
export type JudgmentInput = z.output<typeof judgmentSchema>;
