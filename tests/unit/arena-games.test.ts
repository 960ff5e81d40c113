import { describe, expect, it } from "vitest";
import { compileBot } from "@/lib/arena/engine/compile";
import { GAME_IDS, getGame } from "@/lib/arena/engine/games";
import { COLUMNS, connectFour, connectFourGames, landingRow, newBoard, winningLine } from "@/lib/arena/engine/games/connect-four";
import { describeForfeit as forfeitMessage, runMatch, type Forfeit } from "@/lib/arena/engine/match";
import { playTournament } from "@/lib/arena/engine/offline";
import { scheduleRound } from "@/lib/arena/engine/schedule";
import { defaultSwissRounds, swissPairing } from "@/lib/arena/engine/swiss";
import { translate } from "@/lib/platform/i18n";

// the engine's words are lib's messages: read here in English
const describeForfeit = (f: Forfeit) => translate(forfeitMessage(f), "en");

async function compiled(source: string) {
  const result = await compileBot(source, "ts");
  if (!result.ok) throw new Error(translate(result.error, "en"));
  return result.script;
}
const builtin = (id: string) => compiled(connectFour.bots.find((b) => b.id === id)!.source);
const leftmost = () => builtin("leftmost");

describe("the games registry", () => {
  it("knows rock-paper-scissors and Connect Four, each with a contract, a starter bot and practice bots that compile", async () => {
    expect(GAME_IDS).toEqual(["rps", "connect4"]);
    for (const id of GAME_IDS) {
      const game = getGame(id);
      expect(translate(game.contract, "en")).toContain("random");
      for (const source of [game.starterBot, ...game.bots.map((b) => b.source)]) expect((await compileBot(source, "ts")).ok).toBe(true);
    }
    expect(() => getGame("chess")).toThrow(/unknown game "chess"/);
    expect(() => getGame("__proto__")).toThrow(/unknown game/);
  });
});

describe("Connect Four rules", () => {
  const play = (columns: number[]) => {
    const board = newBoard();
    let last: [number, number] = [0, 0];
    columns.forEach((c, i) => {
      const row = landingRow(board, c);
      board[row * COLUMNS + c] = (i % 2) + 1;
      last = [row, c];
    });
    return { board, last };
  };

  it("stacks discs from the bottom and knows a full column", () => {
    const { board } = play([3, 3, 3, 3, 3, 3]);
    expect(landingRow(board, 3)).toBe(-1);
    expect(landingRow(board, 4)).toBe(0);
  });

  it("sees four in a row across, up and on both diagonals, and nothing less", () => {
    expect(winningLine(...(({ board, last }) => [board, ...last] as const)(play([0, 0, 1, 1, 2, 2, 3])))).toHaveLength(4); // across
    expect(winningLine(...(({ board, last }) => [board, ...last] as const)(play([0, 1, 0, 1, 0, 1, 0])))).toHaveLength(4); // up
    expect(winningLine(...(({ board, last }) => [board, ...last] as const)(play([0, 1, 1, 2, 2, 3, 2, 3, 3, 6, 3])))).toHaveLength(4); // diagonal /
    expect(winningLine(...(({ board, last }) => [board, ...last] as const)(play([6, 5, 5, 4, 4, 3, 4, 3, 3, 0, 3])))).toHaveLength(4); // diagonal \
    expect(winningLine(...(({ board, last }) => [board, ...last] as const)(play([0, 0, 1, 1, 2, 2])))).toBeNull();
  });
});

describe("a Connect Four match", () => {
  it("is a series of games, the sides taking turns to start, and the replay rebuilds each game from the moves", async () => {
    const m = await runMatch([await builtin("lookahead"), await leftmost()], { game: "connect4", rounds: 6, seed: 3 });
    expect(m.game).toBe("connect4");
    expect(m.forfeits.map(describeForfeit)).toEqual([]);
    expect(m.wins[0]).toBe(6); // looking ahead beats always-the-leftmost-column, starting or not
    const games = connectFourGames(m.moves, m.rounds);
    expect(games.map((g) => g.starter)).toEqual([0, 1, 0, 1, 0, 1]);
    expect(games.every((g) => g.winner === 0 && g.line!.length >= 4 && !g.unfinished)).toBe(true);
    expect(games.reduce((n, g) => n + g.discs.length, 0)).toBe(m.moves[0].length + m.moves[1].length);
  });

  it("shows each bot the board from its side, whether it started, the legal columns, and randomness on its first move only", async () => {
    // the bot throws its observations once it has seen enough, so the forfeit's reason carries them
    const spy = await compiled(`
      const seen = [];
      export default function play(s) {
        seen.push([s.round, s.first ? 'F' : 'S', s.moves.join(''), s.board.map((row) => row[0]).join(''), s.legal.length, typeof s.random].join('/'));
        if (s.round === 1 && s.moves.length >= 1) throw new Error([seen[0], seen[1], seen[3], seen.at(-1)].join(' '));
        return s.legal[0];
      }`);
    const m = await runMatch([spy, await leftmost()], { game: "connect4", rounds: 2, seed: 5 });
    const seen = translate(m.forfeits[0].reason, "en").replace("threw Error: ", "").split(" ");
    // column 0 from the bottom: the spy's discs are 1, the opponent's 2
    expect(seen[0]).toBe("0/F//000000/7/number"); // first move of the match: started, empty board, random given
    expect(seen[1]).toBe("0/F/00/120000/7/undefined");
    expect(seen[2]).toBe("0/F/000000/121212/6/undefined"); // column 0 full: no longer legal
    expect(seen[3]).toBe("1/S/0/200000/7/undefined"); // game 2: the other side started
  }, 20_000);

  it("forfeits a bot that plays a full column or something that isn't a column, with the game and the move", async () => {
    const stubborn = await compiled("export default function play() { return 0; }");
    // both play column 0, discs alternate, nobody gets four: the column is full after six moves
    const m = await runMatch([stubborn, await leftmost()], { game: "connect4", rounds: 2, seed: 1 });
    expect(m.forfeits.map(describeForfeit)).toEqual(["round 0, move 6: played 0, but column 0 is full"]);
    expect(m.winner).toBe(1);
    const words = await runMatch([await compiled("export default function play() { return 'left'; }"), await leftmost()], {
      game: "connect4",
      rounds: 1,
      seed: 1,
    });
    expect(words.forfeits.map(describeForfeit)).toEqual([`round 0, move 0: played "left", which is not a column from 0 to 6`]);
    expect(words.winner).toBe(1);
  });
});

describe("Swiss pairings", () => {
  it("plays enough rounds to find a winner, never more than a round robin", () => {
    expect([2, 3, 4, 8, 9, 32, 100].map(defaultSwissRounds)).toEqual([1, 2, 3, 4, 5, 6, 8]);
  });

  it("pairs neighbours in the standings who haven't met, and gives the bye to the lowest team without one", () => {
    expect(swissPairing(["a", "b", "c", "d"], [], new Set())).toEqual({
      pairs: [
        ["a", "b"],
        ["c", "d"],
      ],
      bye: null,
    });
    expect(swissPairing(["a", "b", "c", "d"], [["a", "b"]], new Set())).toEqual({
      pairs: [
        ["a", "c"],
        ["b", "d"],
      ],
      bye: null,
    });
    // a–c and b–d met too: backtracking finds a–d, b–c
    expect(
      swissPairing(
        ["a", "b", "c", "d"],
        [
          ["a", "b"],
          ["a", "c"],
          ["b", "d"],
        ],
        new Set(),
      ),
    ).toEqual({
      pairs: [
        ["a", "d"],
        ["b", "c"],
      ],
      bye: null,
    });
    expect(swissPairing(["a", "b", "c", "d", "e"], [], new Set(["e"]))).toEqual({
      pairs: [
        ["a", "b"],
        ["c", "e"],
      ],
      bye: "d",
    });
    // everyone has met: a rematch rather than no round
    expect(swissPairing(["a", "b"], [["a", "b"]], new Set()).pairs).toEqual([["a", "b"]]);
  });

  it("schedules the first round by lot from the seed, the same every time", () => {
    const entries = "abcdefg".split("").map((id) => ({ id, name: id }));
    const settings = { format: "SWISS" as const, matchesPerPair: 2, seed: 42, swissRounds: 3 };
    const first = scheduleRound(entries, settings, 0, [], []);
    expect(first).toEqual(scheduleRound(entries, settings, 0, [], []));
    expect(first.matches).toHaveLength(6); // 3 pairs × 2 matches, one team sits out
    expect(first.bye).not.toBeNull();
    expect(first.matches[0].teamAId).toBe(first.matches[1].teamBId); // sides alternate
    expect(scheduleRound(entries, { ...settings, seed: 43 }, 0, [], [])).not.toEqual(first);
    expect(scheduleRound(entries, settings, 3, [], []).matches).toEqual([]);
  });

  it("runs a whole tournament: no rematches, one bye each at most, and the strongest bot on top", async () => {
    const rps = getGame("rps");
    const sources = [
      ...rps.bots.map((b) => ({ id: b.id, name: b.name, source: b.source })),
      { id: "paper", name: "Paper", source: "export default function play() { return 'P'; }" },
      { id: "scissors", name: "Scissors", source: "export default function play() { return 'S'; }" },
    ];
    const entries = await Promise.all(sources.map(async (s) => ({ id: s.id, name: s.name, script: await compiled(s.source) })));
    const settings = { game: "rps" as const, rounds: 100, matchesPerPair: 1, seed: 7, format: "SWISS" as const };
    const progress: number[] = [];
    const result = await playTournament(entries, settings, runMatch, (done) => progress.push(done));
    const rounds = defaultSwissRounds(entries.length);
    expect(new Set(result.matches.map((m) => m.round)).size).toBe(rounds);
    const pairs = result.matches.map((m) => [m.teamAId, m.teamBId].sort().join("|"));
    expect(new Set(pairs).size).toBe(pairs.length);
    for (let round = 0; round < rounds; round++) {
      const playing = result.matches.filter((m) => m.round === round).flatMap((m) => [m.teamAId, m.teamBId]);
      expect(playing.length + (entries.length % 2)).toBe(entries.length);
    }
    expect(result.byes).toHaveLength(entries.length % 2 ? rounds : 0);
    expect(new Set(result.byes.map((b) => b.teamId)).size).toBe(result.byes.length);
    expect(progress.at(-1)).toBe(result.matches.length);
    const strongest = result.standings[0].teamId;
    expect(["starter", ...rps.bots.slice(-3).map((b) => b.id)]).toContain(strongest);
    const again = await playTournament(entries, settings, runMatch);
    expect(again.standings).toEqual(result.standings);
  }, 60_000);
});
