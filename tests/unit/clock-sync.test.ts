import { describe, expect, it } from "vitest";
import { estimateOffset, type ClockSample } from "@/lib/stage/clock-sync";

const LOCAL = 1_900_000_000_000;

/**
 * One round trip as a phone sees it: the request takes `up` ms to reach the
 * server, the answer `down` ms to come back, and the server's clock is
 * `offset` ms ahead of the phone's.
 */
function sample(sentAt: number, offset: number, up: number, down = up): ClockSample {
  return { sentAt, serverTime: sentAt + up + offset, receivedAt: sentAt + up + down };
}

describe("estimating the server clock", () => {
  it("waits for enough round trips before guessing", () => {
    const samples = Array.from({ length: 4 }, (_, i) => sample(LOCAL + i * 1000, 250, 40));
    expect(estimateOffset([])).toBeNull();
    expect(estimateOffset(samples)).toBeNull();
    expect(estimateOffset([...samples, sample(LOCAL + 5000, 250, 40)])).not.toBeNull();
  });

  it("recovers a known offset from symmetric round trips", () => {
    for (const offset of [0, 1234, -98_765, 3_600_000]) {
      const samples = [30, 42, 55, 38, 61, 47].map((oneWay, i) => sample(LOCAL + i * 700, offset, oneWay));
      const estimate = estimateOffset(samples)!;
      expect(estimate.offsetMs).toBeCloseTo(offset, 6);
      // the fastest half: 30, 38, 42 ms one way
      expect(estimate.roundTripMs).toBeCloseTo((60 + 76 + 84) / 3, 6);
    }
  });

  it("isn't thrown off by a slow, lopsided round trip on a crowded network", () => {
    const offset = -4_200;
    const samples = [
      sample(LOCAL, offset, 40),
      sample(LOCAL + 1000, offset, 45),
      sample(LOCAL + 2000, offset, 2_900, 100), // stuck on the way up: its halfway guess is 1.4 s off
      sample(LOCAL + 3000, offset, 38),
      sample(LOCAL + 4000, offset, 50, 46),
      sample(LOCAL + 5000, offset, 42),
    ];
    const estimate = estimateOffset(samples)!;
    expect(Math.abs(estimate.offsetMs - offset)).toBeLessThan(5);
    expect(estimate.roundTripMs).toBeLessThan(100);
  });

  it("keeps a usable estimate when real networks add a little jitter each way", () => {
    const offset = 777;
    const ups = [40, 35, 60, 900, 33, 48, 52, 41, 1500, 39];
    const downs = [44, 30, 55, 80, 37, 41, 58, 45, 60, 36];
    const samples = ups.map((up, i) => sample(LOCAL + i * 500, offset, up, downs[i]));
    const estimate = estimateOffset(samples)!;
    // a kept sample is at most half its asymmetry off: a few ms here
    expect(Math.abs(estimate.offsetMs - offset)).toBeLessThan(5);
  });

  it("ignores round trips that came back before they left (a clock jump)", () => {
    const offset = 500;
    const good = Array.from({ length: 4 }, (_, i) => sample(LOCAL + i * 1000, offset, 40));
    const backwards: ClockSample = { sentAt: LOCAL + 9000, serverTime: LOCAL + 999_999, receivedAt: LOCAL + 8000 };
    // four good samples and a bad one are not enough
    expect(estimateOffset([...good, backwards])).toBeNull();
    // and with enough good ones, the bad one changes nothing
    const more = [...good, sample(LOCAL + 5000, offset, 40)];
    const estimate = estimateOffset([...more, backwards])!;
    expect(estimate.offsetMs).toBeCloseTo(offset, 6);
    expect(estimate.roundTripMs).toBeCloseTo(80, 6);
  });

  it("accepts an answer that arrives in the same millisecond it was sent", () => {
    const samples = Array.from({ length: 5 }, (_, i) => ({ sentAt: LOCAL + i, serverTime: LOCAL + i + 100, receivedAt: LOCAL + i }));
    expect(estimateOffset(samples)).toEqual({ offsetMs: 100, roundTripMs: 0 });
  });

  it("lets the caller ask for fewer samples", () => {
    expect(estimateOffset([sample(LOCAL, 10, 20)], 1)?.offsetMs).toBeCloseTo(10, 6);
  });
});
