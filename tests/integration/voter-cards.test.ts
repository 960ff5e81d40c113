import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { VOTER_ID_DEFAULTS, voterIdLimits } from "@/lib/platform/config";
import { DomainError } from "@/lib/platform/errors";
import { translate } from "@/lib/platform/i18n";
import { SharedRateLimiter, type Rate } from "@/lib/platform/rate-limit";
import { TooManyNewVoters, admitNewVoter } from "@/lib/votes/voter-cards";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

const VARS = ["HEXATHON_VOTER_IDS_PER_MINUTE", "HEXATHON_VOTER_IDS_BURST"] as const;
// each test starts with none of them set; vitest puts back what the environment had
beforeEach(() => {
  for (const v of VARS) vi.stubEnv(v, undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

let networks = 0;
/** How many of `phones` new voters, asking evenly over `seconds` (a few at a time), get a card from one new network. */
async function admitted(phones: number, seconds: number, limits: Rate = voterIdLimits()) {
  const network = `network-${++networks}`;
  const start = 1_000_000;
  let ok = 0;
  const ask = async (i: number) => {
    try {
      await admitNewVoter(t.db, network, limits, start + Math.floor((i * seconds * 1000) / phones));
      ok++;
    } catch (error) {
      if (!(error instanceof TooManyNewVoters)) throw error;
    }
  };
  for (let i = 0; i < phones; i += 4) await Promise.all([0, 1, 2, 3].filter((j) => i + j < phones).map((j) => ask(i + j)));
  return ok;
}

async function refusal(promise: Promise<unknown>): Promise<TooManyNewVoters> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TooManyNewVoters);
  return error as TooManyNewVoters;
}

describe("new voter cards per client network", () => {
  it("let a hall of 1,000 phones behind one NAT in, all at once or over two minutes, with the defaults", async () => {
    expect(voterIdLimits()).toEqual({ burst: 1_000, perMinute: 300 });
    expect(await admitted(1_000, 0)).toBe(1_000);
    expect(await admitted(1_000, 120)).toBe(1_000);
    // and latecomers, phones that lost their card, second browsers: 1,500 within two minutes
    expect(await admitted(1_500, 120)).toBe(1_500);
  });

  it("hold a script asking ten times the burst in a minute to the burst and the minute's refill", async () => {
    const got = await admitted(1_000, 60, { burst: 100, perMinute: 30 });
    expect(got).toBeGreaterThanOrEqual(100);
    expect(got).toBeLessThanOrEqual(100 + 30);
  });

  it("grant exactly the burst to 300 phones asking at the same moment, however many instances ask", async () => {
    // every request is its own statement on the shared pool: on PostgreSQL they run side by side
    const results = await Promise.allSettled(Array.from({ length: 300 }, () => admitNewVoter(t.db, "same-moment", { burst: 120, perMinute: 1 }, 5_000)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(120);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof TooManyNewVoters)).toBe(true);
  });

  it("refuse past the limit with a 429, the wait in a sentence, and leave other networks alone", async () => {
    const limits = { burst: 2, perMinute: 60 };
    await admitNewVoter(t.db, "laptop", limits, 0);
    await admitNewVoter(t.db, "laptop", limits, 0);
    const error = await refusal(admitNewVoter(t.db, "laptop", limits, 0));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.retryAfterSeconds).toBe(1);
    expect(translate(error.message, "en")).toBe("Too many phones joined the vote from this network just now. Try again in 1 second.");
    await admitNewVoter(t.db, "hall", limits, 0);
    await admitNewVoter(t.db, "laptop", limits, 1_000);
    // an instance whose clock is behind the bucket's adds no tokens, and takes none away
    await refusal(admitNewVoter(t.db, "laptop", limits, 500));

    await admitNewVoter(t.db, "slow", { burst: 1, perMinute: 1 }, 0);
    expect(translate((await refusal(admitNewVoter(t.db, "slow", { burst: 1, perMinute: 1 }, 0))).message, "en")).toContain("Try again in 60 seconds.");
    await admitNewVoter(t.db, "slower", { burst: 1, perMinute: 0.5 }, 0);
    expect(translate((await refusal(admitNewVoter(t.db, "slower", { burst: 1, perMinute: 0.5 }, 0))).message, "en")).toContain("Try again in 2 minutes.");
  });

  it("forget the buckets that have been full again for a while", async () => {
    const limiter = new SharedRateLimiter(t.db, "prune", { burst: 10, perMinute: 60 });
    await limiter.take("a", 0);
    await limiter.take("b", 0);
    const count = () => t.db.rateBucket.count({ where: { key: { startsWith: "prune:" } } });
    expect(await count()).toBe(2);
    await limiter.take("c", 30_000); // a's and b's buckets are full after 10 s, but not yet a minute past that
    expect(await count()).toBe(3);
    await limiter.take("c", 90_000);
    expect(await count()).toBe(1);
  });

  it("are configured by HEXATHON_VOTER_IDS_PER_MINUTE and HEXATHON_VOTER_IDS_BURST; a value that isn't a whole number of at least 1 is ignored", async () => {
    process.env.HEXATHON_VOTER_IDS_PER_MINUTE = "60";
    process.env.HEXATHON_VOTER_IDS_BURST = " 200 ";
    expect(voterIdLimits()).toEqual({ burst: 200, perMinute: 60 });
    expect(await admitted(201, 0)).toBe(200);
    for (const bad of ["0", "-5", "1.5", "many", ""]) {
      process.env.HEXATHON_VOTER_IDS_PER_MINUTE = bad;
      process.env.HEXATHON_VOTER_IDS_BURST = bad;
      expect(voterIdLimits(), bad).toEqual({ ...VOTER_ID_DEFAULTS });
    }
  });
});
