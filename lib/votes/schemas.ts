import { z } from "zod";
import { msg } from "../platform/messages";
import { idSchema, text } from "../platform/schemas";
import { VOTE_METHODS } from "./rules";

export const ballotSchema = z.object({
  teamIds: z.array(idSchema, { error: msg("votes.schema.teamIds") }).max(20, { error: msg("votes.schema.tooManyPicks") }),
});

export const voteActionSchema = z.object({
  action: z.enum(["open", "close", "reveal", "hide"], { error: msg("votes.schema.action") }),
});

export const voteSettingsSchema = z.object({
  method: z.enum(VOTE_METHODS, { error: msg("votes.schema.method") }),
  picks: z
    .number({ error: msg("votes.schema.picksNumber") })
    .int()
    .min(1, { error: msg("votes.schema.picksAtLeast") })
    .max(10, { error: msg("votes.schema.picksAtMost") }),
  requireSignIn: z.boolean({ error: msg("votes.schema.requireSignIn") }),
  audienceWeight: z
    .number()
    .int()
    .min(0, { error: msg("votes.schema.weightNegative") })
    .max(100, { error: msg("votes.schema.weightAtMost") }),
  bonusWeight: z
    .number()
    .int()
    .min(0, { error: msg("votes.schema.weightNegative") })
    .max(100, { error: msg("votes.schema.weightAtMost") }),
  publicVotePrize: z.boolean(),
  /** sign-in votes: one ballot per mailbox (name+anything@company is name@company); false when left out */
  foldPlusAddresses: z.boolean({ error: msg("votes.schema.foldPlusAddresses") }).default(false),
});

const instant = (name: string) =>
  z.iso
    .datetime({ offset: true, error: msg("votes.schema.instant", { name }) })
    .transform((value) => new Date(value))
    .optional();

/** Voiding a cluster of ballots: one client address (its hash, as the audit lists it), the ballots last sent from `from` to `to` if given, and why. */
export const voidBallotsSchema = z.object({
  clientHash: z
    .string({ error: msg("votes.schema.clientHash") })
    .max(64, { error: msg("votes.schema.clientHash") })
    .regex(/^[\w-]*$/, { error: msg("votes.schema.clientHash") }),
  from: instant("from"),
  to: instant("to"),
  reason: text(msg("votes.field.reason"), 3, 500),
});

/** Restoring a void: nothing to say but the void, which is in the address. */
export const restoreVoidSchema = z.object({});
