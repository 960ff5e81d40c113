// Seeded randomness for judging, on the codebase's one generator
// (lib/platform/random.ts, mulberry32): the same seed gives the same bootstrap
// and the same next team, so a page shows the same figures on every refresh.
export { seededRandom } from "../platform/random";

/** A seed of its own for each `text` (a judge's id, say), so one seed passed in still gives every judge a different stream. FNV-1a. */
export function mixSeed(seed: number, text: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A standard normal draw (Box–Muller; 1 − u keeps the logarithm finite). */
export function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Fisher–Yates, on a copy. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
