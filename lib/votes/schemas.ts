import { z } from "zod";
import { idSchema, text } from "../platform/schemas";
import { VOTE_METHODS } from "./rules";

export const ballotSchema = z.object({
  teamIds: z.array(idSchema, { error: "teamIds must be a list of team ids, favourite first." }).max(20, { error: "That is too many picks." }),
});

export const voteActionSchema = z.object({
  action: z.enum(["open", "close", "reveal", "hide"], { error: "action must be open, close, reveal or hide." }),
});

export const voteSettingsSchema = z.object({
  method: z.enum(VOTE_METHODS, { error: "method must be RANKED or APPROVAL." }),
  picks: z
    .number({ error: "picks must be a number." })
    .int()
    .min(1, { error: "Voters pick at least one team." })
    .max(10, { error: "Voters pick at most 10 teams." }),
  requireSignIn: z.boolean({ error: "requireSignIn must be true or false." }),
  audienceWeight: z.number().int().min(0, { error: "Weights can't be negative." }).max(100, { error: "Weights are at most 100." }),
  bonusWeight: z.number().int().min(0, { error: "Weights can't be negative." }).max(100, { error: "Weights are at most 100." }),
  publicVotePrize: z.boolean(),
  /** sign-in votes: one ballot per mailbox (name+anything@company is name@company); false when left out */
  foldPlusAddresses: z.boolean({ error: "foldPlusAddresses must be true or false." }).default(false),
});

const instant = (name: string) =>
  z.iso
    .datetime({ offset: true, error: `${name} must be a date and time such as 2030-01-17T17:05:00Z.` })
    .transform((value) => new Date(value))
    .optional();

/** Voiding a cluster of ballots: one client address (its hash, as the audit lists it), the ballots last sent from `from` to `to` if given, and why. */
export const voidBallotsSchema = z.object({
  clientHash: z
    .string({ error: "clientHash must be the address's hash, as the audit lists it." })
    .max(64, { error: "clientHash must be the address's hash, as the audit lists it." })
    .regex(/^[\w-]*$/, { error: "clientHash must be the address's hash, as the audit lists it." }),
  from: instant("from"),
  to: instant("to"),
  reason: text("The reason", 3, 500),
});

/** Restoring a void: nothing to say but the void, which is in the address. */
export const restoreVoidSchema = z.object({});
