import { describe, expect, it } from "vitest";
import { compileBot } from "@/lib/arena/engine/compile";
import { getGame } from "@/lib/arena/engine/games";
import { runMatch } from "@/lib/arena/engine/match";
import { playTournament } from "@/lib/arena/engine/offline";
import { runArenaCli, type CliRow } from "../helpers/arena-cli";

const rps = getGame("rps");
const builtin = (id: string) => rps.bots.find((b) => b.id === id)!.source;
const bots = [
  { file: "rock.js", source: builtin("rock") },
  { file: "cycler.js", source: builtin("cycler") },
  { file: "counter.ts", source: builtin("beat-last") },
  { file: "sleepy.js", source: "export default function play(s) { if (s.round === 10) for (;;) {} return 'S'; }" },
];

describe("npm run arena", () => {
  it("prints the standings as JSON, the same for the same seed, and the same as the server's engine", async () => {
    const args = ["--game", "rps", "--rounds", "200", "--seed", "42", "--per-pair", "2", "--json"];
    const first = await runArenaCli(bots, args);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/\[#+\] 12\/12 matches/); // the progress bar
    const rows = JSON.parse(first.stdout) as CliRow[];
    expect(rows.map((r) => r.bot).sort()).toEqual(["counter.ts", "cycler.js", "rock.js", "sleepy.js"]);
    expect(rows.at(-1)).toEqual({ bot: "sleepy.js", rank: 4, points: 0, wins: 0, draws: 0, losses: 6, forfeits: 6 });
    expect(Object.keys(rows[0])).toEqual(["bot", "rank", "points", "wins", "draws", "losses", "forfeits"]);

    const again = await runArenaCli(bots, args);
    expect(JSON.parse(again.stdout)).toEqual(rows);

    const entries = await Promise.all(
      bots.map(async (b, i) => {
        const compiled = await compileBot(b.source, b.file.endsWith(".ts") ? "ts" : "js");
        if (!compiled.ok) throw new Error(compiled.error);
        return { id: String(i), name: b.file, script: compiled.script };
      }),
    );
    const inProcess = await playTournament(entries, { game: "rps", rounds: 200, seed: 42, matchesPerPair: 2, format: "ROUND_ROBIN" }, runMatch);
    expect(
      inProcess.standings.map((s) => ({
        bot: s.name,
        rank: s.place,
        points: s.matchPoints,
        wins: s.won,
        draws: s.drawn,
        losses: s.lost,
        forfeits: s.forfeits,
      })),
    ).toEqual(rows);
  }, 90_000);

  it("prints a table with each forfeit's reason", async () => {
    const result = await runArenaCli(bots.slice(2), ["--rounds", "50", "--seed", "1", "--per-pair", "1"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^#\s+bot\s+points\s+won\s+drawn\s+lost\s+forfeits\s+rounds won$/m);
    expect(result.stdout).toMatch(/^1\s+counter\.ts\s+3\s+1\s+0\s+0\s+0/m);
    expect(result.stdout).toContain("sleepy.js against counter.ts: round 10: exceeded 50 ms");
  }, 60_000);

  it("plays Connect Four and Swiss tournaments too", async () => {
    const c4 = getGame("connect4");
    const players = c4.bots.map((b) => ({ file: `${b.id}.js`, source: b.source }));
    const result = await runArenaCli(players, ["--game", "connect4", "--rounds", "4", "--seed", "3", "--per-pair", "1", "--format", "swiss", "--json"]);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as CliRow[];
    // the bots that see a win or a loss coming finish unbeaten, above the ones that don't
    expect(
      rows
        .slice(0, 2)
        .map((r) => r.bot)
        .sort(),
    ).toEqual(["lookahead.js", "starter.js"]);
    expect(rows.slice(0, 2).every((r) => r.losses === 0)).toBe(true);
  }, 60_000);

  it("explains what's wrong: a bot that doesn't compile, an unknown game, too few bots", async () => {
    const broken = await runArenaCli([...bots.slice(0, 1), { file: "broken.ts", source: "export default function play( {" }], ["--rounds", "10"]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.ts: line 1, column \d+: /);
    const game = await runArenaCli(bots.slice(0, 2), ["--game", "chess"]);
    expect(game.code).toBe(2);
    expect(game.stderr).toContain('Unknown game "chess": pick one of rps, connect4.');
    const alone = await runArenaCli(bots.slice(0, 1), []);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("A tournament needs at least two bot files.");
    const rounds = await runArenaCli(bots.slice(0, 2), ["--rounds", "lots"]);
    expect(rounds.stderr).toContain("--rounds must be a whole number from 1 to 10000.");
  }, 60_000);
});
