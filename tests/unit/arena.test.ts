import { describe, expect, it } from "vitest";
import { RPS_BOTS as BUILTIN_BOTS, RPS_STARTER_BOT as STARTER_BOT } from "@/lib/arena/engine/games/rps-bots";
import { compileBot } from "@/lib/arena/engine/compile";
import { rpsRoundWinner } from "@/lib/arena/engine/games/rps";
import { describeForfeit as forfeitMessage, runMatch, type Forfeit } from "@/lib/arena/engine/match";
import { translate } from "@/lib/platform/i18n";

// the engine's words are lib's messages: read here in English
const describeForfeit = (f: Forfeit) => translate(forfeitMessage(f), "en");
/** A compile error in English, or null if it compiled. */
const compileError = async (source: string) => {
  const result = await compileBot(source);
  return result.ok ? null : translate(result.error, "en");
};

async function compiled(source: string, language: "js" | "ts" = "ts") {
  const result = await compileBot(source, language);
  if (!result.ok) throw new Error(translate(result.error, "en"));
  return result.script;
}
const rock = () => compiled("export default function play() { return 'R'; }");
const forfeitOf = async (source: string, rounds = 50) =>
  (await runMatch([await compiled(source), await rock()], { rounds, seed: 1 })).forfeits.map(describeForfeit);

describe("rock-paper-scissors rules", () => {
  it("rock beats scissors, scissors beat paper, paper beats rock", () => {
    expect(rpsRoundWinner("R", "S")).toBe(0);
    expect(rpsRoundWinner("S", "P")).toBe(0);
    expect(rpsRoundWinner("P", "R")).toBe(0);
    expect(rpsRoundWinner("S", "R")).toBe(1);
    expect(rpsRoundWinner("P", "P")).toBeNull();
  });
});

describe("compiling a bot", () => {
  it("accepts TypeScript and reports syntax errors with their line and column", async () => {
    expect((await compileBot("type M = 'R' | 'P' | 'S';\nexport default function play(): M { return 'R'; }")).ok).toBe(true);
    expect(await compileError("export default function play(s {\n  return 'R';\n}")).toMatch(/^line 1, column \d+: /);
  });

  it("says where it stopped as numbers, so a page marks the line in any language", async () => {
    const broken = await compileBot("export default function play() {\n  return 'R' +;\n}", "js");
    expect(broken).toMatchObject({ ok: false, at: { line: 2, column: 15 } });
    expect(await compileBot("function play() {}")).not.toHaveProperty("at");
  });

  it("refuses a file without a default export, and one larger than 64 KB", async () => {
    expect(await compileError("function play() { return 'R'; }")).toBe("The bot must `export default function play(state) { … }`.");
    expect(await compileError(`export default function play() { return 'R'; }\n//${"x".repeat(70_000)}`)).toBe("The bot is larger than 64 KB.");
  });
});

describe("a match", () => {
  it("is decided by rounds won, and the same seed replays it exactly", async () => {
    const starter = await compiled(STARTER_BOT, "js");
    const vsRock = await runMatch([starter, await rock()], { rounds: 1000, seed: 42 });
    expect(vsRock.forfeits).toEqual([]);
    expect(vsRock.wins[0]).toBeGreaterThan(990); // it learns that rock always plays rock
    expect(vsRock.winner).toBe(0);
    const cycler = await compiled(BUILTIN_BOTS.find((b) => b.id === "cycler")!.source);
    const a = await runMatch([starter, cycler], { rounds: 300, seed: 7 });
    const b = await runMatch([starter, cycler], { rounds: 300, seed: 7 });
    expect(b.moves).toEqual(a.moves);
    expect(b.wins).toEqual(a.wins);
  });

  it("gives randomness only on round 0, through state.random, drawn from the seed", async () => {
    const opener = await compiled(
      "export default function play(s) { return s.round === 0 ? 'RPS'[Math.floor(s.random * 3)] : (s.random === undefined ? 'R' : 'X'); }",
    );
    const openings = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const m = await runMatch([opener, await rock()], { rounds: 3, seed });
      expect(m.forfeits).toEqual([]);
      openings.add(String(m.moves[0][0]));
    }
    expect(openings.size).toBe(3);
  });

  it("keeps each bot's module variables for the match only, and shows each side its own history", async () => {
    const counter = await compiled(
      "let calls = 0; export default function play(s) { calls++; if (calls !== s.round + 1 || s.me.length !== s.round || s.opponent.length !== s.round) throw new Error('bad state'); return 'P'; }",
    );
    for (let i = 0; i < 2; i++) expect((await runMatch([counter, await rock()], { rounds: 20, seed: i })).forfeits).toEqual([]);
  });
});

describe("a bot that misbehaves loses by forfeit, with the round and the reason", () => {
  it("takes too long", async () => {
    expect(await forfeitOf("export default function play(s) { if (s.round === 10) while (true) {} return 'R'; }")).toEqual(["round 10: exceeded 50 ms"]);
  });
  it("reaches for randomness or the clock", async () => {
    expect(await forfeitOf("export default function play(s) { return s.round < 3 ? 'R' : 'RPS'[Math.floor(Math.random() * 3)]; }")).toEqual([
      "round 3: threw Error: randomness is only allowed on round 0: use state.random",
    ]);
    expect(await forfeitOf("export default function play() { return Date.now() % 2 ? 'R' : 'P'; }")).toEqual([
      "round 0: threw ReferenceError: 'Date' is not defined",
    ]);
  });
  it("runs out of memory", async () => {
    expect(
      await forfeitOf("const hoard = []; export default function play(s) { if (s.round === 2) for (;;) hoard.push(new ArrayBuffer(4 << 20)); return 'R'; }"),
    ).toEqual(["round 2: ran out of memory (32 MB)"]);
  });
  it("throws, plays an illegal move, returns nothing, or an enormous string", async () => {
    expect(await forfeitOf("export default function play(s) { if (s.round === 4) throw new Error('oops'); return 'R'; }")).toEqual([
      "round 4: threw Error: oops",
    ]);
    expect(await forfeitOf("export default function play() { return 'rock'; }")).toEqual([`round 0: played "rock", which is not 'R', 'P' or 'S'`]);
    expect(await forfeitOf("export default function play() {}")).toEqual(["round 0: returned nothing instead of a move"]);
    expect(await forfeitOf("export default function play() { return 'R'.repeat(1e6); }")).toEqual(["round 0: returned 1000000 characters instead of a move"]);
  });
  it("fails while loading", async () => {
    expect(await forfeitOf("throw new Error('no'); export default function play() { return 'R'; }")).toEqual(["round 0: failed to load: Error: no"]);
  });
  it("has no host API to reach", async () => {
    const probe =
      "export default function play() { const found = ['process', 'require', 'fetch', 'setTimeout', 'globalThis.std', 'globalThis.os'].filter((n) => { try { return eval('typeof ' + n) !== 'undefined'; } catch { return false; } }); if (found.length) throw new Error('found ' + found.join()); return 'R'; }";
    expect(await forfeitOf(probe, 3)).toEqual([]);
  });
  it("leaves the other bot's result standing and the process unharmed", async () => {
    const m = await runMatch([await compiled("export default function play() { for (;;) {} }"), await rock()], { rounds: 10, seed: 3 });
    expect(m.winner).toBe(1);
    // the engine still works for the next match
    expect((await runMatch([await rock(), await rock()], { rounds: 10, seed: 3 })).draws).toBe(10);
  });
});
