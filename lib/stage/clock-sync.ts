// Estimating how far this device's clock is from the server's, NTP-style:
// for each round trip, the server's reading is assumed to be taken halfway
// between sending and receiving. Slow round trips are the least reliable
// (their halfway guess can be off by half the delay), so the slowest are
// dropped and the rest averaged.

export type ClockSample = {
  /** local clock when the request left */
  sentAt: number;
  /** the server's clock, as it answered */
  serverTime: number;
  /** local clock when the answer arrived */
  receivedAt: number;
};

export const MIN_SAMPLES = 5;

/** server time ≈ local time + offset. Null until there are enough samples. */
export function estimateOffset(samples: ClockSample[], minSamples = MIN_SAMPLES): { offsetMs: number; roundTripMs: number } | null {
  const valid = samples.filter((s) => s.receivedAt >= s.sentAt);
  if (valid.length < minSamples) return null;
  const byDelay = [...valid].sort((a, b) => a.receivedAt - a.sentAt - (b.receivedAt - b.sentAt));
  // keep the faster half (at least three)
  const kept = byDelay.slice(0, Math.max(3, Math.ceil(byDelay.length / 2)));
  const offsets = kept.map((s) => s.serverTime - (s.sentAt + s.receivedAt) / 2);
  const delays = kept.map((s) => s.receivedAt - s.sentAt);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { offsetMs: mean(offsets), roundTripMs: mean(delays) };
}
