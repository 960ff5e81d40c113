// The bot arena's words for bot authors (a game's name, contract and summary,
// the built-in bots' names and descriptions, why a bot forfeited, why it
// doesn't compile) are lib's messages: in English exactly as they were written
// before they were, and in French, the contract's code the same in both.
import { describe, expect, it } from "vitest";
import { compileBot } from "@/lib/arena/engine/compile";
import { GAME_IDS, getGame } from "@/lib/arena/engine/games";
import { connectFour } from "@/lib/arena/engine/games/connect-four";
import { describeForfeit, runMatch } from "@/lib/arena/engine/match";
import { forfeitKind, recordSaid } from "@/lib/arena/engine/record";
import { translate } from "@/lib/platform/i18n";
import { MESSAGE_MARK, msg } from "@/lib/platform/messages";

/** The English of each game and of its bots, as the code held it before it became messages. */
const BEFORE: Record<string, { name: string; contract: string; summary: string; bots: Record<string, { name: string; description: string }> }> = {
  rps: {
    name: "Rock-paper-scissors",
    contract:
      "A bot is one JavaScript or TypeScript file (at most 64 KB) whose default export is called once per round and returns `'R'`, `'P'` or `'S'`:\n\n```js\nexport default function play(state) { return 'R'; }\n// state = { round, rounds, me: [...my past moves], opponent: [...their past moves], random }\n```\n\n`round` is 0-based; `random` is a number in [0, 1) on round 0 only. There is no `Math.random`, no `Date`, no timers and no I/O. Module-level variables last one match. A bot that takes more than 50 ms for a move, runs out of memory (32 MB), throws or plays anything else loses the match by forfeit.",
    summary: "export default function play(state) returns 'R', 'P' or 'S'. Randomness only on round 0, through state.random; 50 ms per move; 32 MB.",
    bots: {
      rock: { name: "The Rock", description: "Always rock." },
      cycler: { name: "Cycler", description: "Rock, paper, scissors, over and over." },
      copycat: { name: "Copycat", description: "Plays what you played last round." },
      "beat-last": { name: "Counter-puncher", description: "Plays what beats your last move." },
      starter: { name: "Starter bot", description: "The starter bot: a random opening, then beats your favourite move." },
      frequency: {
        name: "Bean counter",
        description: "Counts your moves, and how each follows your last move and its own, recent rounds weighing more, and beats the most frequent.",
      },
      markov: { name: "Historian", description: "Finds the last time the recent rounds went the same way, and beats what you played next then." },
      iocaine: {
        name: "Iocaine",
        description:
          "An Iocaine Powder-style meta-strategy: frequency and history-matching predictors, each second-guessed at several levels, the one that would have done best lately plays.",
      },
    },
  },
  connect4: {
    name: "Connect Four",
    contract:
      "A bot is one JavaScript or TypeScript file (at most 64 KB) whose default export is called for each of its moves and returns the column (0 to 6) to drop its disc in:\n\n```js\nexport default function play(state) { return state.legal[0]; }\n// state = { round, rounds, board, moves, legal, first, random }\n```\n\nA match is `rounds` games (`round` is the game's 0-based number); the bots take turns to start, `first` tells whether you started this one. `board[row][column]` has row 0 at the bottom and holds 0 (empty), 1 (your disc) or 2 (theirs); `moves` lists this game's columns in order; `legal` the columns that aren't full. `random` is a number in [0, 1) on your first move of the match only. There is no `Math.random`, no `Date`, no timers and no I/O. Module-level variables last one match. A bot that takes more than 50 ms for a move, runs out of memory (32 MB), throws or plays a full or unknown column loses the match by forfeit.",
    summary:
      "export default function play(state) returns a column from 0 to 6 that isn't full (state.legal). Randomness only on your first move, through state.random; 50 ms per move; 32 MB.",
    bots: {
      leftmost: { name: "Lefty", description: "Always the leftmost column with room." },
      centre: { name: "Centre-lover", description: "The column nearest the centre with room." },
      starter: { name: "Starter bot", description: "The starter bot: wins when it can, blocks when it must, else the centre." },
      lookahead: { name: "Look-ahead", description: "Searches three moves ahead (negamax with alpha-beta pruning)." },
    },
  },
};

async function compiled(source: string) {
  const result = await compileBot(source, "ts");
  if (!result.ok) throw new Error(translate(result.error, "en"));
  return result.script;
}

describe("a game's words", () => {
  it.each(GAME_IDS)("%s: read in English exactly as before", (id) => {
    const game = getGame(id);
    expect(translate(game.name, "en")).toBe(BEFORE[id].name);
    expect(translate(game.contract, "en")).toBe(BEFORE[id].contract);
    expect(translate(game.summary, "en")).toBe(BEFORE[id].summary);
    expect(game.bots.map((b) => b.id)).toEqual(Object.keys(BEFORE[id].bots));
    for (const bot of game.bots) expect({ name: translate(bot.name, "en"), description: translate(bot.description, "en") }).toEqual(BEFORE[id].bots[bot.id]);
  });

  it.each(GAME_IDS)("%s: read in French, the contract's code as it is in English", (id) => {
    const game = getGame(id);
    for (const text of [game.name, game.contract, game.summary, ...game.bots.flatMap((b) => [b.name, b.description])]) {
      const french = translate(text, "fr");
      expect(french).not.toContain(MESSAGE_MARK);
      expect(french).not.toMatch(/^arena\./); // a key said for want of its message
    }
    // a bot's name may be the same in both ("Iocaine"); nothing else is
    for (const text of [game.name, game.contract, game.summary, ...game.bots.map((b) => b.description)]) {
      expect(translate(text, "fr")).not.toBe(translate(text, "en"));
    }
    const code = (text: string) => /```js\n[^]*?```/.exec(text)?.[0];
    expect(code(translate(game.contract, "fr"))).toBeDefined();
    expect(code(translate(game.contract, "fr"))).toBe(code(BEFORE[id].contract));
    // French typography: a no-break space before a colon or a semicolon, no straight apostrophe in the prose
    const prose = translate(game.contract, "fr")
      .replace(/```js\n[^]*?```/, "")
      .replace(/`[^`]*`/g, "");
    expect(prose).not.toMatch(/[^\u00a0][:;]/);
    expect(prose).not.toContain("'");
  });
});

describe("why a bot forfeits", () => {
  it("reads in English and in French, the round and move as they are, the bot's own error as it threw it", async () => {
    const stubborn = await compiled("export default function play() { return 0; }");
    const leftmost = await compiled(connectFour.bots.find((b) => b.id === "leftmost")!.source);
    const full = (await runMatch([stubborn, leftmost], { game: "connect4", rounds: 2, seed: 1 })).forfeits[0];
    expect(translate(describeForfeit(full), "en")).toBe("round 0, move 6: played 0, but column 0 is full");
    expect(translate(describeForfeit(full), "fr")).toBe("manche 0, coup 6\u00a0: a joué 0, mais la colonne 0 est pleine");
    expect(forfeitKind(full.reason)).toBe("illegal");

    const random = await compiled("export default function play(s) { return s.round < 2 ? 'R' : 'RPS'[Math.floor(Math.random() * 3)]; }");
    const rock = await compiled("export default function play() { return 'R'; }");
    const threw = (await runMatch([random, rock], { rounds: 5, seed: 1 })).forfeits[0];
    expect(translate(describeForfeit(threw), "en")).toBe("round 2: threw Error: randomness is only allowed on round 0: use state.random");
    expect(translate(describeForfeit(threw), "fr")).toBe("manche 2\u00a0: a levé Error: randomness is only allowed on round 0: use state.random");
    expect(forfeitKind(threw.reason)).toBe("threw");

    // a JSON answer says the reasons on the server; the replay's sentence around them still reads
    const record = await runMatch([stubborn, leftmost], { game: "connect4", rounds: 2, seed: 1 });
    const said = recordSaid(record, (text) => translate(text, "fr"));
    expect(said.forfeits[0].reason).toBe("a joué 0, mais la colonne 0 est pleine");
    expect(translate(describeForfeit(said.forfeits[0]), "fr")).toBe("manche 0, coup 6\u00a0: a joué 0, mais la colonne 0 est pleine");
    expect(record.forfeits[0].reason.startsWith(MESSAGE_MARK)).toBe(true); // the record itself is left as it was
  });

  it("says every reason of the engine in both languages, with no digit grouping", () => {
    const reasons = [
      msg("arena.forfeit.moveTime", { ms: "50" }),
      msg("arena.forfeit.matchTime", { ms: "5000" }),
      msg("arena.forfeit.loadTime", { ms: "200" }),
      msg("arena.forfeit.memory", { mb: "32" }),
      msg("arena.forfeit.loadMemory", { mb: "32" }),
      msg("arena.forfeit.threw", { error: msg("arena.forfeit.notAnError") }),
      msg("arena.forfeit.loadFailed", { error: msg("arena.forfeit.engineCrashed", { error: "abort" }) }),
      msg("arena.forfeit.loadFailed", { error: msg("arena.forfeit.stackOverflow") }),
      msg("arena.forfeit.engineFailed"),
      msg("arena.forfeit.tooLong", { length: "1000000" }),
      msg("arena.forfeit.played", { move: '"rock"', why: msg("arena.forfeit.illegal.rps") }),
      msg("arena.forfeit.played", { move: "9", why: msg("arena.forfeit.illegal.notAColumn") }),
      ...["nothing", "null", "object", "boolean", "function", "symbol", "bigint"].map((what) => msg("arena.forfeit.noMove", { what })),
    ];
    expect(reasons.map((r) => translate(r, "en"))).toEqual([
      "exceeded 50 ms",
      "exceeded the match time budget of 5000 ms",
      "took more than 200 ms to load",
      "ran out of memory (32 MB)",
      "ran out of memory while loading (32 MB)",
      "threw a value that isn't an Error",
      "failed to load: crashed the engine (abort)",
      "failed to load: overflowed the engine's stack (recursion or nesting too deep)",
      "its engine failed",
      "returned 1000000 characters instead of a move",
      `played "rock", which is not 'R', 'P' or 'S'`,
      "played 9, which is not a column from 0 to 6",
      "returned nothing instead of a move",
      "returned null instead of a move",
      "returned an object instead of a move",
      "returned a boolean instead of a move",
      "returned a function instead of a move",
      "returned a symbol instead of a move",
      "returned a bigint instead of a move",
    ]);
    for (const reason of reasons) {
      const french = translate(reason, "fr");
      expect(french).not.toContain(MESSAGE_MARK);
      expect(french).not.toBe(translate(reason, "en"));
    }
    expect(translate(reasons[10], "fr")).toBe(`a joué "rock", qui n’est pas 'R', 'P' ou 'S'`);
    const late = describeForfeit({ player: 0, round: 1000, reason: reasons[0] });
    expect(translate(late, "en")).toBe("round 1000: exceeded 50 ms");
    expect(translate(late, "fr")).toBe("manche 1000\u00a0: a dépassé 50 ms");
    expect(reasons.map(forfeitKind)).toEqual([
      "time",
      "time",
      "engine",
      "memory",
      "memory",
      "threw",
      "engine",
      "engine",
      "engine",
      "no_move",
      "illegal",
      "illegal",
      ...Array(7).fill("no_move"),
    ]);
  });

  it("names the check match's opponent within its sentence", () => {
    const refusal = msg("arena.bot.forfeitedCheck", {
      rounds: 10,
      roundNoun: "round",
      opponent: msg("arena.check.starterBot"),
      forfeit: describeForfeit({ player: 0, round: 0, reason: msg("arena.forfeit.moveTime", { ms: "50" }) }),
    });
    expect(translate(refusal, "en")).toBe(
      "Your bot forfeited a 10-round check match against the starter bot, in round 0: exceeded 50 ms. A bot that forfeits loses every match: fix it and submit again (nothing was stored).",
    );
    expect(translate(refusal, "fr")).toMatch(
      /^Votre bot a perdu par forfait un match de vérification de 10 manches contre le bot de départ \(manche 0\u00a0: a dépassé 50 ms\)\. /,
    );
  });

  it("never reads a bot's own words as a message, even one that starts with the mark", async () => {
    const impostor = await compiled(`export default function play() { throw ${JSON.stringify(`${MESSAGE_MARK}["arena.forfeit.engineFailed"]`)}; }`);
    const rock = await compiled("export default function play() { return 'R'; }");
    const [forfeit] = (await runMatch([impostor, rock], { rounds: 3, seed: 1 })).forfeits;
    expect(translate(describeForfeit(forfeit), "en")).toBe('round 0: threw ["arena.forfeit.engineFailed"]');
  });
});

describe("why a bot doesn't compile", () => {
  it("reads in English and in French, the compiler's own words as it wrote them", async () => {
    const broken = await compileBot("export default function play(s {\n  return 'R';\n}");
    expect(broken.ok).toBe(false);
    const error = broken.ok ? "" : broken.error;
    const english = translate(error, "en");
    expect(english).toMatch(/^line 1, column (\d+): (.+)$/);
    const [, column, words] = /^line 1, column (\d+): (.+)$/.exec(english)!;
    expect(translate(error, "fr")).toBe(`ligne 1, colonne ${column}\u00a0: ${words}`);
    const tooLarge = await compileBot(`export default function play() { return 'R'; }\n//${"x".repeat(70_000)}`);
    expect(tooLarge.ok ? "" : translate(tooLarge.error, "fr")).toBe("Le bot dépasse 64 Ko.");
    const none = await compileBot("function play() { return 'R'; }");
    expect(none.ok ? "" : translate(none.error, "fr")).toBe("Le bot doit contenir `export default function play(state) { … }`.");
  });
});
