import { afterAll, describe, expect, it } from "vitest";
import { RPS_BOTS as BUILTIN_BOTS } from "@/lib/arena/games/rps-bots";
import { compileBot } from "@/lib/arena/compile";
import { MatchPool } from "@/lib/arena/pool";

const pool = new MatchPool(2);
afterAll(() => pool.close());

async function script(source: string) {
  const r = await compileBot(source);
  if (!r.ok) throw new Error(r.error);
  return r.script;
}

describe("the match pool", () => {
  it("plays matches on worker threads, in parallel, with the same results as the seed says", async () => {
    const [cycler, copycat] = await Promise.all(["cycler", "copycat"].map((id) => script(BUILTIN_BOTS.find((b) => b.id === id)!.source)));
    const matches = await Promise.all([1, 2, 3, 1].map((seed) => pool.run([cycler, copycat], { rounds: 300, seed })));
    expect(matches.every((m) => m.forfeits.length === 0 && m.moves[0].length === 300)).toBe(true);
    expect(matches[3].moves).toEqual(matches[0].moves);
  });

  it("keeps the server's thread free while a slow bot thinks", async () => {
    const slow = await script("export default function play() { let x = 0; for (let i = 0; i < 1e5; i++) x += i; return x > 0 ? 'R' : 'P'; }");
    const started = Date.now();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const match = await pool.run([slow, slow], { rounds: 100, seed: 5 });
    clearInterval(ticker);
    const elapsed = Date.now() - started;
    expect(match.forfeits).toEqual([]);
    expect(elapsed).toBeGreaterThan(100);
    // the event loop kept ticking during the match
    expect(ticks).toBeGreaterThan(elapsed / 10 / 3);
  });
});
