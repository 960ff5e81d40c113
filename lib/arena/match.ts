// One match between two bots: a fresh sandbox for each, the same seed giving
// the same match. A bot that fails (too slow, out of memory, throws, plays an
// illegal move, reaches for randomness after round 0) loses the match by
// forfeit, with the exact round and reason; the other bot's result stands.
import { isRpsMove, rpsRoundWinner, type RpsMove } from "./games/rps";
import { seededRandom } from "./random";
import type { MatchOptions, MatchRecord } from "./record";
import { BotSandbox, DEFAULT_LIMITS } from "./sandbox";

export type { Forfeit, MatchOptions, MatchRecord } from "./record";
export { describeForfeit } from "./record";

export async function runMatch(scripts: [string, string], { rounds, seed, limits = DEFAULT_LIMITS }: MatchOptions): Promise<MatchRecord> {
  const random = seededRandom(seed);
  const firstMoveRandom: [number, number] = [random(), random()];
  const record: MatchRecord = { seed, rounds, moves: [[], []], wins: [0, 0], draws: 0, forfeits: [], winner: null, timeMs: [0, 0] };
  const loaded = await Promise.all(scripts.map((script) => BotSandbox.create(script, limits)));
  const bots = loaded.map((l) => (l.ok ? l.bot : null));
  loaded.forEach((l, player) => {
    if (!l.ok) record.forfeits.push({ player: player as 0 | 1, round: 0, reason: l.reason });
  });
  try {
    for (let round = 0; round < rounds && record.forfeits.length === 0; round++) {
      const moves: (RpsMove | null)[] = [0, 1].map((player) => {
        const bot = bots[player]!;
        const mine = record.moves[player].at(-1);
        const theirs = record.moves[1 - player].at(-1);
        const result = bot.move(round, rounds, round === 0 ? firstMoveRandom[player] : undefined, mine, theirs);
        if (!result.ok) {
          record.forfeits.push({ player: player as 0 | 1, round, reason: result.reason });
          return null;
        }
        if (!isRpsMove(result.move)) {
          const shown = typeof result.move === "string" ? JSON.stringify(result.move) : String(result.move);
          record.forfeits.push({ player: player as 0 | 1, round, reason: `played ${shown}, which is not 'R', 'P' or 'S'` });
          return null;
        }
        return result.move;
      });
      if (moves[0] === null || moves[1] === null) break;
      record.moves[0].push(moves[0]);
      record.moves[1].push(moves[1]);
      const winner = rpsRoundWinner(moves[0], moves[1]);
      if (winner === null) record.draws++;
      else record.wins[winner]++;
    }
  } finally {
    bots.forEach((bot, player) => {
      if (bot) {
        record.timeMs[player] = Math.round(bot.timeUsed);
        bot.dispose();
      }
    });
  }
  const lost = new Set(record.forfeits.map((f) => f.player));
  if (lost.size === 1) record.winner = lost.has(0) ? 1 : 0;
  else if (lost.size === 0 && record.wins[0] !== record.wins[1]) record.winner = record.wins[0] > record.wins[1] ? 0 : 1;
  return record;
}
