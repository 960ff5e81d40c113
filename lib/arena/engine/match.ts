// One match between two bots, for any of the arena's games: a fresh sandbox
// for each bot, the same seed giving the same match. A bot that fails (too
// slow, out of memory, throws, plays an illegal move, reaches for randomness
// after its first move) loses the match by forfeit, with the exact round and
// reason (a message of lib/, stored as it is and translated where it is
// shown); the other bot's result stands.
import { getGame } from "./games";
import type { Move, Player } from "./games/types";
import { seededRandom } from "../../platform/random";
import { msg } from "../../platform/messages";
import type { MatchOptions, MatchRecord } from "./record";
import { BotSandbox, DEFAULT_LIMITS, type BotLimits } from "./sandbox";

export type { Forfeit, MatchOptions, MatchRecord } from "./record";
export { describeForfeit } from "./record";

const shown = (move: unknown) => (typeof move === "string" ? JSON.stringify(move) : String(move));

/** What the match needs of a bot: the sandbox, or (in the benchmark only, to show what the sandbox costs) trusted code run in-process. */
export type LoadedBot = Pick<BotSandbox, "move" | "timeUsed" | "dispose">;
export type BotLoader = (script: string, harness: string, limits: BotLimits) => Promise<{ ok: true; bot: LoadedBot } | { ok: false; reason: string }>;

export async function runMatch(
  scripts: [string, string],
  { game: gameId = "rps", rounds, seed, limits = DEFAULT_LIMITS }: MatchOptions,
  load: BotLoader = BotSandbox.create,
): Promise<MatchRecord> {
  const game = getGame(gameId);
  const random = seededRandom(seed);
  // each bot's only randomness, handed over with its first move
  const firstMoveRandom: [number, number] = [random(), random()];
  const asked = [false, false];
  const record: MatchRecord = { game: game.id, seed, rounds, moves: [[], []], wins: [0, 0], draws: 0, forfeits: [], winner: null, timeMs: [0, 0] };
  const loaded = await Promise.all(scripts.map((script) => load(script, game.harness, limits)));
  const bots = loaded.map((l) => (l.ok ? l.bot : null));
  loaded.forEach((l, player) => {
    if (!l.ok) record.forfeits.push({ player: player as Player, round: 0, reason: l.reason });
  });
  const state = game.start(rounds);
  try {
    for (let turn = game.next(state); turn && record.forfeits.length === 0; turn = game.next(state)) {
      const moves: { player: Player; move: Move }[] = [];
      // in a simultaneous game both bots are asked even if the first fails: both may forfeit
      for (const player of turn.players) {
        const forfeit = (reason: string) =>
          record.forfeits.push({ player, round: turn.round, ...(turn.move === undefined ? {} : { move: turn.move }), reason });
        const result = bots[player]!.move(turn.round, rounds, asked[player] ? undefined : firstMoveRandom[player], game.args(state, player));
        asked[player] = true;
        if (!result.ok) {
          forfeit(result.reason);
          continue;
        }
        const illegal = game.illegal(state, player, result.move);
        if (illegal) forfeit(msg("arena.forfeit.played", { move: shown(result.move), why: illegal }));
        else moves.push({ player, move: result.move as Move });
      }
      if (record.forfeits.length) break;
      game.play(state, moves);
      for (const { player, move } of moves) record.moves[player].push(move);
    }
  } finally {
    bots.forEach((bot, player) => {
      if (bot) {
        record.timeMs[player] = Math.round(bot.timeUsed);
        bot.dispose();
      }
    });
  }
  const { wins, draws } = game.score(state);
  Object.assign(record, { wins, draws });
  const lost = new Set(record.forfeits.map((f) => f.player));
  if (lost.size === 1) record.winner = lost.has(0) ? 1 : 0;
  else if (lost.size === 0 && wins[0] !== wins[1]) record.winner = wins[0] > wins[1] ? 0 : 1;
  return record;
}
