import { z } from "zod";
import { CHALLENGE_KINDS, MAX_ANSWER_LENGTH, SCORINGS } from "./rules";
import { checkbox, intField, optionalText, text, localDateTime } from "../platform/schemas";
import { msg } from "../platform/messages";
import { GAMES, GAME_IDS } from "../arena/engine/games";
import { FORMATS } from "../arena/engine/schedule";

/** The organizer's challenge form. Times are wall-clock times in the edition's timezone. */
export const challengeSchema = z
  .object({
    kind: z.enum(CHALLENGE_KINDS, { error: msg("challenges.form.pickKind") }),
    title: text(msg("challenges.field.title"), 3, 120),
    statement: text(msg("challenges.field.statement"), 1, 20_000),
    opensAt: localDateTime(msg("challenges.field.opens")),
    closesAt: localDateTime(msg("challenges.field.closes")),
    hiddenUntilOpen: checkbox(),
    scoring: z.enum(SCORINGS, { error: msg("challenges.form.pickScoring") }),
    rankPoints: z
      .string()
      .trim()
      .regex(/^\d{1,3}([,; ]+\d{1,3}){0,19}$/, { error: msg("challenges.form.rankPoints") })
      .default("10,7,5,3,1"),
    fixedPoints: intField(msg("challenges.field.fixedPoints"), 0, 1000).default(5),
    maxPoints: intField(msg("challenges.field.maxPoints"), 1, 1000).default(10),
    /** one accepted answer per line (riddles) */
    answers: optionalText(msg("challenges.field.answers"), 2000),
    // tournaments: the game and how the tournament is played
    game: z.enum(GAME_IDS, { error: msg("challenges.form.pickGame") }).default("rps"),
    matchRounds: intField(msg("challenges.field.matchRounds"), 1, 10_000).default(1000),
    matchesPerPair: intField(msg("challenges.field.matchesPerPair"), 1, 9).default(3),
    format: z.enum(FORMATS, { error: msg("challenges.form.pickFormat") }).default("ROUND_ROBIN"),
    /** empty: as many as it takes to find a winner */
    swissRounds: z
      .union([z.literal(""), z.null()])
      .optional()
      .transform(() => null)
      .or(intField(msg("challenges.field.swissRounds"), 1, 30)),
  })
  .superRefine((c, ctx) => {
    const game = GAMES[c.game];
    if (c.matchRounds > game.maxRounds)
      ctx.addIssue({
        code: "custom",
        message: msg("challenges.form.tooManyRounds", { max: game.maxRounds, roundNoun: game.roundNoun, game: game.name }),
        path: ["matchRounds"],
      });
  })
  .refine((c) => c.opensAt < c.closesAt, { error: msg("challenges.form.closesAfterOpens"), path: ["closesAt"] })
  .refine((c) => c.kind !== "RIDDLE" || c.answers.split("\n").some((a) => a.trim()), {
    error: msg("challenges.form.riddleNeedsAnswer"),
    path: ["answers"],
  })
  .refine((c) => c.kind === "RIDDLE" || c.scoring === "JUDGE", {
    error: msg("challenges.form.judgesScore"),
    path: ["scoring"],
  });
export type ChallengeInput = z.infer<typeof challengeSchema>;

export const answerSchema = z.object({
  answer: z
    .string({ error: msg("challenges.answer.typeAnswer") })
    .trim()
    .min(1, { error: msg("challenges.answer.typeAnswer") })
    .max(MAX_ANSWER_LENGTH, { error: msg("challenges.answer.tooLong", { max: MAX_ANSWER_LENGTH }) }),
});

export const scoreSchema = z.object({
  teamId: z.string().trim().min(1).max(64),
  /** empty: remove the judge's score (back to the computed result) */
  points: z
    .string()
    .trim()
    .max(6)
    .transform((v, ctx) => {
      if (v === "") return null;
      const n = Number(v);
      if (!Number.isInteger(n)) {
        ctx.addIssue({ code: "custom", message: msg("challenges.score.wholeNumber") });
        return z.NEVER;
      }
      return n;
    }),
  comment: text(msg("challenges.field.comment"), 2, 300),
  /** the version the judge saw; 0 when there was no score */
  version: z.coerce.number().int().min(0),
});

export const challengeStateSchema = z.object({
  state: z.enum(["OPEN", "CLOSED", "AUTO"], { error: msg("challenges.form.pickState") }),
});
