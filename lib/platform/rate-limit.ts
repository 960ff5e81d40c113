// A token bucket per key, kept in the database so that every instance draws
// from the same one: `burst` requests at once, then `perMinute` a minute. For
// limits that protect the server or the vote for a moment (minting voter
// cards); failed sign-ins, which must also survive a restart, are rows of
// their own (lib/people/).
//
// One statement takes a token: an upsert whose update applies only while a
// whole token is there. PostgreSQL locks the row for its duration and SQLite
// writes one statement at a time, so a thousand phones asking in the same
// second are granted exactly the bucket's tokens, without a retry loop or a
// transaction held open across round trips. `at` is the asking instance's
// clock; a clock behind the bucket's adds nothing rather than taking tokens
// away.
import type { Db } from "./db";

export type Limit = { ok: true } | { ok: false; retryAfterMs: number };
export type Rate = { burst: number; perMinute: number };

/** Buckets untouched for this long past being full again are deleted (at most once a minute per limit and process). */
const PRUNE_EVERY_MS = 60_000;
const prunedAt = new Map<string, number>();

export class SharedRateLimiter {
  constructor(
    private readonly db: Db,
    /** names the limit: the bucket's key is "<name>:<key>" */
    private readonly name: string,
    private readonly rate: Rate,
  ) {}

  async take(key: string, now = Date.now()): Promise<Limit> {
    const { burst } = this.rate;
    const refill = this.rate.perMinute / 60_000;
    const id = `${this.name}:${key}`;
    await this.prune(now);
    // the tokens there now: what was left, plus the refill since, up to the burst
    const taken = await this.db.$queryRaw<{ tokens: number }[]>`
      INSERT INTO "RateBucket" ("key", "tokens", "at") VALUES (${id}, ${burst - 1}, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "tokens" = (CASE WHEN "RateBucket"."at" >= ${now} THEN "RateBucket"."tokens"
                    WHEN "RateBucket"."tokens" + (${now} - "RateBucket"."at") * ${refill} > ${burst} THEN ${burst}
                    ELSE "RateBucket"."tokens" + (${now} - "RateBucket"."at") * ${refill} END) - 1,
        "at" = (CASE WHEN "RateBucket"."at" >= ${now} THEN "RateBucket"."at" ELSE ${now} END)
      WHERE (CASE WHEN "RateBucket"."at" >= ${now} THEN "RateBucket"."tokens"
             ELSE "RateBucket"."tokens" + (${now} - "RateBucket"."at") * ${refill} END) >= 1
      RETURNING "tokens"`;
    if (taken.length > 0) return { ok: true };
    const [bucket] = await this.db.$queryRaw<{ tokens: number; at: number }[]>`SELECT "tokens", "at" FROM "RateBucket" WHERE "key" = ${id}`;
    const available = bucket ? Number(bucket.tokens) + Math.max(0, now - Number(bucket.at)) * refill : 0;
    return { ok: false, retryAfterMs: Math.max(1, Math.ceil((1 - available) / refill)) };
  }

  /** Deletes this limit's buckets that have been full again for a while: they mean nothing any more. */
  private async prune(now: number) {
    const last = prunedAt.get(this.name) ?? 0;
    if (now - last < PRUNE_EVERY_MS && now >= last) return;
    prunedAt.set(this.name, now);
    const fullAfterMs = (this.rate.burst / this.rate.perMinute) * 60_000;
    const prefix = `${this.name}:%`;
    await this.db.$executeRaw`DELETE FROM "RateBucket" WHERE "key" LIKE ${prefix} AND "at" < ${now - fullAfterMs - PRUNE_EVERY_MS}`;
  }
}
