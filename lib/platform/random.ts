// Seeded randomness, the one generator of the codebase: the same seed gives the
// same numbers on every machine, so a match replays exactly, the demo's data
// and screenshots never change, and two benchmark runs cast the same ballots.

/** mulberry32: small, fast, good enough for match seeds, demo data and load tests (never for secrets). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
