import { afterAll, describe, expect, it } from "vitest";
import { RPS_BOTS as BUILTIN_BOTS } from "@/lib/arena/engine/games/rps-bots";
import { compileBot } from "@/lib/arena/engine/compile";
import { MatchPool } from "@/lib/arena/engine/pool";
import { DomainError } from "@/lib/platform/errors";
import { translate } from "@/lib/platform/i18n";

const pool = new MatchPool(2);
afterAll(() => pool.close());

async function script(source: string) {
  const r = await compileBot(source);
  if (!r.ok) throw new Error(r.error);
  return r.script;
}

describe("the match pool", () => {
  it("plays matches on worker threads, in parallel, with the same results as the seed says", { timeout: 30_000 }, async () => {
    const [cycler, copycat] = await Promise.all(["cycler", "copycat"].map((id) => script(BUILTIN_BOTS.find((b) => b.id === id)!.source)));
    const matches = await Promise.all([1, 2, 3, 1].map((seed) => pool.run([cycler, copycat], { rounds: 300, seed })));
    expect(matches.every((m) => m.forfeits.length === 0 && m.moves[0].length === 300)).toBe(true);
    expect(matches[3].moves).toEqual(matches[0].moves);
  });

  it("keeps the server's thread free while a slow bot thinks", { timeout: 30_000 }, async () => {
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

  describe("with tournaments and practice matches together (issue 11)", () => {
    // a bot that thinks for a while on every move, and one that answers at once
    const slowSource = "export default function play() { let x = 0; for (let i = 0; i < 1e5; i++) x += i; return x > 0 ? 'R' : 'P'; }";
    const fastSource = "export default function play() { return 'R'; }";

    it("never lets practice take every worker, and starts a tournament match queued behind many practice matches at once", { timeout: 60_000 }, async () => {
      const shared = new MatchPool(2); // its own: nothing left over from other tests
      try {
        const [slow, fast] = await Promise.all([script(slowSource), script(fastSource)]);
        await Promise.all([1, 2].map((seed) => shared.run([fast, fast], { rounds: 3, seed }))); // both workers up
        const finished: string[] = [];
        const practice = Array.from({ length: 4 }, (_, i) =>
          shared.run([slow, slow], { rounds: 40, seed: i }, "practice").then(() => finished.push("practice")),
        );
        expect(shared.load()).toEqual({ running: { tournament: 0, practice: 1 }, queued: { tournament: 0, practice: 3 } });
        const tournament = shared.run([fast, fast], { rounds: 10, seed: 7 }).then(() => finished.push("tournament"));
        expect(shared.load()).toEqual({ running: { tournament: 1, practice: 1 }, queued: { tournament: 0, practice: 3 } });
        await tournament;
        expect(finished).toEqual(["tournament"]); // it didn't wait for any practice match
        await Promise.all(practice);
        expect(finished).toHaveLength(5);
        expect(shared.load()).toEqual({ running: { tournament: 0, practice: 0 }, queued: { tournament: 0, practice: 0 } });
      } finally {
        await shared.close();
      }
    });

    it("gives a freed worker to a waiting tournament match before practice matches queued earlier", { timeout: 60_000 }, async () => {
      const shared = new MatchPool(2); // its own: nothing left over from other tests
      try {
        const [slow, fast] = await Promise.all([script(slowSource), script(fastSource)]);
        await Promise.all([1, 2].map((seed) => shared.run([fast, fast], { rounds: 3, seed })));
        const short = shared.run([fast, fast], { rounds: 20, seed: 1 });
        const long = shared.run([slow, slow], { rounds: 80, seed: 2 });
        const practice = shared.run([fast, fast], { rounds: 10, seed: 3 }, "practice");
        const later = shared.run([fast, fast], { rounds: 10, seed: 4 });
        expect(shared.load()).toEqual({ running: { tournament: 2, practice: 0 }, queued: { tournament: 1, practice: 1 } });
        await short;
        // the worker `short` freed went to the tournament's match queued after the practice match
        expect(shared.load()).toEqual({ running: { tournament: 2, practice: 0 }, queued: { tournament: 0, practice: 1 } });
        await Promise.all([long, practice, later]);
      } finally {
        await shared.close();
      }
    });

    it("refuses, with a message, a practice match that waited too long for a worker", { timeout: 60_000 }, async () => {
      const single = new MatchPool(1, { practiceMaxWaitMs: 100 });
      try {
        const slow = await script(slowSource);
        const tournament = single.run([slow, slow], { rounds: 40, seed: 1 });
        const refused = await single.run([slow, slow], { rounds: 3, seed: 2 }, "practice").catch((e) => e);
        expect(refused).toBeInstanceOf(DomainError);
        expect(refused.code).toBe("RATE_LIMITED");
        expect(translate(refused.message, "en")).toMatch(/busy/);
        expect(single.load().queued.practice).toBe(0);
        await tournament;
        // alone, a practice match may use the only worker
        expect((await single.run([slow, slow], { rounds: 3, seed: 2 }, "practice")).forfeits).toEqual([]);
      } finally {
        await single.close();
      }
    });
  });
});
