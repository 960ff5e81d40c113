// What a match leaves behind: its moves, result and forfeits. Plain data,
// safe to import from the browser (the replay) and to store as JSON.
import type { RpsMove } from "./games/rps";
import type { BotLimits } from "./sandbox";

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

