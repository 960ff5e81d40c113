import { z } from "zod";
import { CHALLENGE_KINDS, MAX_ANSWER_LENGTH, SCORINGS } from "./rules";
import { checkbox, intField, optionalText, text, localDateTime } from "../platform/schemas";
import { GAMES, GAME_IDS } from "../arena/engine/games";
import { FORMATS } from "../arena/engine/schedule";

/** The organizer's challenge form. Times are wall-clock times in the edition's timezone. */
export const challengeSchema = z
  .object({
    kind: z.enum(CHALLENGE_KINDS, { error: "Pick the kind of challenge." }),
    title: text("Title", 3, 120),
    statement: text("Statement", 1, 20_000),
    opensAt: localDateTime("Opens"),
    closesAt: localDateTime("Closes"),
    hiddenUntilOpen: checkbox(),
    scoring: z.enum(SCORINGS, { error: "Pick how points are given." }),
    rankPoints: z
      .string()
      .trim()
      .regex(/^\d{1,3}([,; ]+\d{1,3}){0,19}$/, { error: "Points by rank: numbers separated by commas, e.g. 10, 7, 5, 3, 1." })
      .default("10,7,5,3,1"),
    fixedPoints: intField("Fixed points", 0, 1000).default(5),
    maxPoints: intField("Most points a judge gives", 1, 1000).default(10),
    /** one accepted answer per line (riddles) */
    answers: optionalText("Accepted answers", 2000),
    // tournaments: the game and how the tournament is played
    game: z.enum(GAME_IDS, { error: "Pick the tournament's game." }).default("rps"),
    matchRounds: intField("Rounds per match", 1, 10_000).default(1000),
    matchesPerPair: intField("Matches per pair", 1, 9).default(3),
    format: z.enum(FORMATS, { error: "Pick round robin or Swiss." }).default("ROUND_ROBIN"),
    /** empty: as many as it takes to find a winner */
    swissRounds: z
      .union([z.literal(""), z.null()])
      .optional()
      .transform(() => null)
      .or(intField("Swiss rounds", 1, 30)),
  })
  .superRefine((c, ctx) => {
    const game = GAMES[c.game];
    if (c.matchRounds > game.maxRounds)
      ctx.addIssue({ code: "custom", message: `At most ${game.maxRounds} ${game.roundNoun}s per match in ${game.name}.`, path: ["matchRounds"] });
  })
  .refine((c) => c.opensAt < c.closesAt, { error: "A challenge closes after it opens.", path: ["closesAt"] })
  .refine((c) => c.kind !== "RIDDLE" || c.answers.split("\n").some((a) => a.trim()), {
    error: "A riddle needs at least one accepted answer.",
    path: ["answers"],
  })
  .refine((c) => c.kind === "RIDDLE" || c.scoring === "JUDGE", {
    error: "Judged challenges and tournaments are scored by judges (the tournament's standings feed them).",
    path: ["scoring"],
  });
export type ChallengeInput = z.infer<typeof challengeSchema>;

export const answerSchema = z.object({
  answer: z
    .string({ error: "Type an answer." })
    .trim()
    .min(1, { error: "Type an answer." })
    .max(MAX_ANSWER_LENGTH, { error: `Answers are at most ${MAX_ANSWER_LENGTH} characters.` }),
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
        ctx.addIssue({ code: "custom", message: "Points must be a whole number." });
        return z.NEVER;
      }
      return n;
    }),
  comment: text("Comment", 2, 300),
  /** the version the judge saw; 0 when there was no score */
  version: z.coerce.number().int().min(0),
});

export const challengeStateSchema = z.object({
  state: z.enum(["OPEN", "CLOSED", "AUTO"], { error: "Pick open, closed, or by its times." }),
});
