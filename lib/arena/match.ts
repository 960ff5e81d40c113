// One match between two bots: a fresh sandbox for each, the same seed giving
// the same match. A bot that fails (too slow, out of memory, throws, plays an
// illegal move, reaches for randomness after round 0) loses the match by
// forfeit, with the exact round and reason; the other bot's result stands.
import { isRpsMove, rpsRoundWinner, type RpsMove } from "./games/rps";
import { seededRandom } from "./random";
import { BotSandbox, DEFAULT_LIMITS, type BotLimits } from "./sandbox";

export type Forfeit = { player: 0 | 1; round: number; reason: string };

export type MatchRecord = {
  seed: number;
  rounds: number;
  /** each bot's moves, round by round (shorter than `rounds` after a forfeit) */
  moves: [RpsMove[], RpsMove[]];
  /** rounds won by each bot, and drawn */
  wins: [number, number];
  draws: number;
  forfeits: Forfeit[];
  /** the match's winner, or null for a draw */
  winner: 0 | 1 | null;
  /** CPU time each bot used, ms */
  timeMs: [number, number];
};

export type MatchOptions = { rounds: number; seed: number; limits?: BotLimits };

/** "round 10: exceeded 50 ms": how a team reads its bot's forfeit. */
export const describeForfeit = (f: Forfeit) => `round ${f.round}: ${f.reason}`;

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
