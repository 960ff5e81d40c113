import { describe, expect, it } from "vitest";
import { clientAddress, clientHash } from "@/lib/platform/client-address";
import { RateLimiter } from "@/lib/platform/rate-limit";

describe("RateLimiter", () => {
  it("allows a burst of `capacity`, then `perMinute`", () => {
    const limiter = new RateLimiter(3, 60);
    const t = 1_000_000;
    expect([1, 2, 3].map(() => limiter.take("a", t).ok)).toEqual([true, true, true]);
    expect(limiter.take("a", t)).toEqual({ ok: false, retryAfterMs: 1000 });
    expect(limiter.take("b", t).ok).toBe(true);
    expect(limiter.take("a", t + 1000).ok).toBe(true);
    expect(limiter.take("a", t + 1000).ok).toBe(false);
  });

  it("forgets the least recently used keys past its size", () => {
    const limiter = new RateLimiter(1, 1, 2);
    limiter.take("a", 0);
    limiter.take("b", 0);
    limiter.take("c", 0);
    expect(limiter.take("a", 0).ok).toBe(true); // forgotten: a fresh bucket
    expect(limiter.take("c", 0).ok).toBe(false);
  });
});

describe("client address", () => {
  it("is the hop the nearest proxy vouches for", () => {
    expect(clientAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddress("1.2.3.4, 10.0.0.2")).toBe("10.0.0.2");
    expect(clientAddress("::ffff:192.168.1.20")).toBe("192.168.1.20");
    expect(clientAddress(null)).toBe("unknown");
  });

  it("is kept only as a keyed hash", () => {
    expect(clientHash("10.0.0.2", "s1")).toBe(clientHash("10.0.0.2", "s1"));
    expect(clientHash("10.0.0.2", "s1")).not.toBe(clientHash("10.0.0.3", "s1"));
    expect(clientHash("10.0.0.2", "s1")).not.toBe(clientHash("10.0.0.2", "s2"));
    expect(clientHash("10.0.0.2", "s1")).not.toContain("10.0.0.2");
  });
});
