// What a match leaves behind: its moves, result and forfeits. Plain data,
// safe to import from the browser (the replay) and to store as JSON.
import type { GameId, Move } from "./games/types";
import type { BotLimits } from "./sandbox";

/** `move` is the move's number within the round, for turn-based games. */
export type Forfeit = { player: 0 | 1; round: number; move?: number; reason: string };

export type MatchRecord = {
  /** absent in records stored before there was more than one game: rock-paper-scissors */
  game?: GameId;
  seed: number;
  rounds: number;
  /** each bot's moves in the order played (shorter than the match after a forfeit) */
  moves: [Move[], Move[]];
  /** rounds won by each bot, and drawn */
  wins: [number, number];
  draws: number;
  forfeits: Forfeit[];
  /** the match's winner, or null for a draw */
  winner: 0 | 1 | null;
  /** CPU time each bot used, ms */
  timeMs: [number, number];
};

export type MatchOptions = { game?: GameId; rounds: number; seed: number; limits?: BotLimits };

/** "round 10: exceeded 50 ms" (or "round 3, move 12: …" in turn-based games): how a team reads its bot's forfeit. */
export const describeForfeit = (f: Forfeit) => `round ${f.round}${f.move === undefined ? "" : `, move ${f.move}`}: ${f.reason}`;

/** Why one side forfeited ("round 10: exceeded 50 ms"), or null: what a stored match and the standings keep. */
export function describeIfAny(record: Pick<MatchRecord, "forfeits">, player: 0 | 1): string | null {
  const forfeit = record.forfeits.find((f) => f.player === player);
  return forfeit ? describeForfeit(forfeit) : null;
}

/** A forfeit's reason in a word, for counting (the metrics): the sentence itself names rounds and limits. */
export function forfeitKind(reason: string): "time" | "memory" | "threw" | "illegal" | "no_move" | "engine" {
  if (/^exceeded /.test(reason)) return "time";
  if (/^ran out of memory/.test(reason)) return "memory";
  if (/^threw /.test(reason)) return "threw";
  if (/^played /.test(reason)) return "illegal";
  if (/^returned /.test(reason)) return "no_move";
  return "engine"; // failed to load, overflowed the engine's stack, its engine failed
}
