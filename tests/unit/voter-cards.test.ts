import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clientNetwork } from "@/lib/platform/client-address";
import { VOTER_ID_DEFAULTS, voterIdLimits } from "@/lib/platform/config";
import { DomainError } from "@/lib/platform/errors";
import { RateLimiter } from "@/lib/platform/rate-limit";
import { TooManyNewVoters, admitNewVoter, voterIdLimiter } from "@/lib/votes/voter-cards";

const VARS = ["HEXATHON_VOTER_IDS_PER_MINUTE", "HEXATHON_VOTER_IDS_BURST"] as const;
let saved: Record<string, string | undefined>;
beforeEach(() => {
  saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]]));
  for (const v of VARS) delete process.env[v];
});
afterEach(() => {
  for (const v of VARS) {
    if (saved[v] === undefined) delete process.env[v];
    else process.env[v] = saved[v];
  }
});

/** How many of `phones` new voters, asking evenly over `seconds`, get a card from one network. */
function admitted(limiter: RateLimiter, phones: number, seconds: number, network = "hall") {
  const start = 1_000_000;
  let ok = 0;
  for (let i = 0; i < phones; i++) {
    try {
      admitNewVoter(network, limiter, start + Math.floor((i * seconds * 1000) / phones));
      ok++;
    } catch (error) {
      if (!(error instanceof TooManyNewVoters)) throw error;
    }
  }
  return ok;
}

describe("new voter cards per client network", () => {
  it("let a hall of 1,000 phones behind one NAT in, all at once or over two minutes, with the defaults", () => {
    expect(voterIdLimits()).toEqual({ burst: 1_000, perMinute: 300 });
    expect(admitted(voterIdLimiter({ ...VOTER_ID_DEFAULTS }), 1_000, 0)).toBe(1_000);
    expect(admitted(new RateLimiter(VOTER_ID_DEFAULTS.burst, VOTER_ID_DEFAULTS.perMinute), 1_000, 120)).toBe(1_000);
    // and latecomers, phones that lost their card, second browsers: 1,500 within two minutes
    expect(admitted(new RateLimiter(VOTER_ID_DEFAULTS.burst, VOTER_ID_DEFAULTS.perMinute), 1_500, 120)).toBe(1_500);
  });

  it("hold a script asking for 10,000 in a minute to the burst and the minute's refill", () => {
    const got = admitted(new RateLimiter(VOTER_ID_DEFAULTS.burst, VOTER_ID_DEFAULTS.perMinute), 10_000, 60);
    expect(got).toBeGreaterThanOrEqual(1_000);
    expect(got).toBeLessThanOrEqual(1_000 + 300);
  });

  it("refuse past the limit with a 429, the wait in a sentence, and leave other networks alone", () => {
    const limiter = new RateLimiter(2, 60);
    admitNewVoter("laptop", limiter, 0);
    admitNewVoter("laptop", limiter, 0);
    let error: unknown;
    try {
      admitNewVoter("laptop", limiter, 0);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TooManyNewVoters);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as TooManyNewVoters).code).toBe("RATE_LIMITED");
    expect((error as TooManyNewVoters).retryAfterSeconds).toBe(1);
    expect((error as TooManyNewVoters).message).toBe("Too many phones joined the vote from this network just now. Try again in 1 second.");
    expect(() => admitNewVoter("hall", limiter, 0)).not.toThrow();
    expect(() => admitNewVoter("laptop", limiter, 1_000)).not.toThrow();

    const slow = new RateLimiter(1, 1);
    admitNewVoter("x", slow, 0);
    expect(() => admitNewVoter("x", slow, 0)).toThrow("Try again in 60 seconds.");
    const slower = new RateLimiter(1, 0.5);
    admitNewVoter("x", slower, 0);
    expect(() => admitNewVoter("x", slower, 0)).toThrow("Try again in 2 minutes.");
  });

  it("are configured by HEXATHON_VOTER_IDS_PER_MINUTE and HEXATHON_VOTER_IDS_BURST; a value that isn't a whole number of at least 1 is ignored", () => {
    process.env.HEXATHON_VOTER_IDS_PER_MINUTE = "60";
    process.env.HEXATHON_VOTER_IDS_BURST = " 200 ";
    expect(voterIdLimits()).toEqual({ burst: 200, perMinute: 60 });
    const limiter = voterIdLimiter();
    expect(voterIdLimiter()).toBe(limiter); // one per process
    expect(admitted(limiter, 201, 0, "configured")).toBe(200);
    for (const bad of ["0", "-5", "1.5", "many", ""]) {
      process.env.HEXATHON_VOTER_IDS_PER_MINUTE = bad;
      process.env.HEXATHON_VOTER_IDS_BURST = bad;
      expect(voterIdLimits(), bad).toEqual({ ...VOTER_ID_DEFAULTS });
    }
    expect(voterIdLimiter()).not.toBe(limiter); // the limits changed: a new limiter
  });
});

describe("client network", () => {
  it("is an IPv4 address itself, and an IPv6 address's /64", () => {
    expect(clientNetwork("203.0.113.9")).toBe("203.0.113.9");
    expect(clientNetwork("2001:db8:7:1:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:7:1::/64");
    expect(clientNetwork("2001:0DB8:0007:0001:0:0:0:1")).toBe("2001:db8:7:1::/64");
    expect(clientNetwork("2001:db8:7:1::99")).toBe("2001:db8:7:1::/64");
    expect(clientNetwork("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientNetwork("::1")).toBe("0:0:0:0::/64");
    expect(clientNetwork("[fe80::1%wlan0]")).toBe("fe80:0:0:0::/64");
    expect(clientNetwork("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
  });

  it("leaves what isn't an address as it is", () => {
    for (const value of ["unknown", "1:2:3", "1::2::3", "1:2:3:4:5:6:7:8:9", "2001:db8::zzzz", ""]) expect(clientNetwork(value)).toBe(value);
  });
});
