// A token bucket per key, in this process: `capacity` requests at once, then
// `perMinute` a minute. For limits that protect the server's capacity for a
// moment (minting voter ids, practice matches); limits that must survive a
// restart (failed sign-ins) are counted in the database instead.

export type Limit = { ok: true } | { ok: false; retryAfterMs: number };

export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly perMinute: number,
    private readonly maxKeys = 100_000,
  ) {}

  take(key: string, now = Date.now()): Limit {
    const refill = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * refill);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      return { ok: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / refill) };
    }
    bucket.tokens -= 1;
    this.buckets.delete(key); // re-inserted last: the map's order is least recently used first
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    return { ok: true };
  }
}
