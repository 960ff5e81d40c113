// Voter cards: the random ids GET /api/vote/CODE hands anonymous voters in a
// signed cookie (lib/votes/voter-id.ts). A ballot of an anonymous vote is taken only
// under such an id, so new ids are what a script stuffing the ballot box needs
// in bulk: they are rate-limited per client network (lib/platform/client-address.ts),
// in the database, so N instances grant them once. The limit can't tell a hall behind one NAT from a script on
// one laptop, so it is set for the hall (README → Configuration); the ballots
// per address and per minute on the vote control show the script, and the
// organizer voids it (lib/votes/).
import { voterIdLimits } from "../platform/config";
import { DomainError } from "../platform/errors";
import { msg } from "../platform/messages";
import type { Db } from "../platform/db";
import { SharedRateLimiter, type Rate } from "../platform/rate-limit";

const wait = (seconds: number) =>
  seconds < 90 ? msg("votes.cards.seconds", { count: seconds }) : msg("votes.cards.minutes", { count: Math.ceil(seconds / 60) });

/** 429: this network has had its new voter ids for now; `retryAfterSeconds` goes out as Retry-After. */
export class TooManyNewVoters extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super("RATE_LIMITED", msg("votes.cards.tooManyNewVoters", { wait: wait(retryAfterSeconds) }));
  }
}

/**
 * A new voter card for this client network now, or TooManyNewVoters with the
 * wait. Counted in the database: every instance draws from the same bucket. A
 * phone that has its card never asks.
 */
export async function admitNewVoter(db: Db, clientHash: string, limits: Rate = voterIdLimits(), now = Date.now()): Promise<void> {
  const decision = await new SharedRateLimiter(db, "voter-cards", limits).take(clientHash, now);
  if (!decision.ok) throw new TooManyNewVoters(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
}
