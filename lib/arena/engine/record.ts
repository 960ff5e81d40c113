// What a match leaves behind: its moves, result and forfeits. Plain data,
// safe to import from the browser (the replay) and to store as JSON. A
// forfeit's reason is a message of lib/ (lib/platform/messages.ts), stored
// as it is and translated where it is shown; records stored before it was
// are plain English, shown as they are.
import type { GameId, Move } from "./games/types";
import type { BotLimits } from "./sandbox";
import { decodeMessage, msg } from "../../platform/messages";

/** `move` is the move's number within the round, for turn-based games; `reason`, a message of lib/ ("exceeded 50 ms"). */
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

/**
 * "round 10: exceeded 50 ms" (or "round 3, move 12: …" in turn-based games): how a team reads its bot's forfeit,
 * a message of lib/ to translate where it is shown. The numbers are strings: "round 1000", in any language.
 */
export const describeForfeit = (f: Forfeit) =>
  f.move === undefined
    ? msg("arena.forfeit.at", { round: String(f.round), reason: f.reason })
    : msg("arena.forfeit.atMove", { round: String(f.round), move: String(f.move), reason: f.reason });

/** The record with its forfeits' reasons said by `say` (the reader's language): for a JSON answer or a page's first render. */
export function recordSaid(record: MatchRecord, say: (text: string) => string): MatchRecord {
  return { ...record, forfeits: record.forfeits.map((f) => ({ ...f, reason: say(f.reason) })) };
}

/** Why one side forfeited ("round 10: exceeded 50 ms", a message of lib/), or null: what a stored match and the standings keep. */
export function describeIfAny(record: Pick<MatchRecord, "forfeits">, player: 0 | 1): string | null {
  const forfeit = record.forfeits.find((f) => f.player === player);
  return forfeit ? describeForfeit(forfeit) : null;
}

type ForfeitKind = "time" | "memory" | "threw" | "illegal" | "no_move" | "engine";

/** The kind of each of the engine's reasons (the keys of lib.arena.forfeit). */
const KINDS: Record<string, ForfeitKind> = {
  "arena.forfeit.moveTime": "time",
  "arena.forfeit.matchTime": "time",
  "arena.forfeit.memory": "memory",
  "arena.forfeit.loadMemory": "memory",
  "arena.forfeit.threw": "threw",
  "arena.forfeit.played": "illegal",
  "arena.forfeit.tooLong": "no_move",
  "arena.forfeit.noMove": "no_move",
};

/** A forfeit's reason in a word, for counting (the metrics): the sentence itself names rounds and limits. */
export function forfeitKind(reason: string): ForfeitKind {
  const message = decodeMessage(reason);
  // took too long to load, failed to load, overflowed the engine's stack, its engine failed: the engine's
  if (message) return ("key" in message && KINDS[message.key]) || "engine";
  // a reason in plain English (a record stored before reasons were messages)
  if (/^exceeded /.test(reason)) return "time";
  if (/^ran out of memory/.test(reason)) return "memory";
  if (/^threw /.test(reason)) return "threw";
  if (/^played /.test(reason)) return "illegal";
  if (/^returned /.test(reason)) return "no_move";
  return "engine"; // failed to load, overflowed the engine's stack, its engine failed
}
