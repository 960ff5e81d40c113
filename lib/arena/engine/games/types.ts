// A game of the bot arena, as a plug-in: its rules (who moves, which moves
// are legal, what a move does, who won each round), the harness that keeps
// the game's state inside each bot's sandbox, the bot contract teams read,
// its starter and built-in bots. Plain data and pure functions: the browser
// imports games too, for the replays. What a person reads (the game's name,
// its contract, its bots' names, why a move is illegal) is a message of lib/
// (lib/platform/messages.ts), translated where it is shown.

export type Player = 0 | 1;
export type Move = string | number;

/** Whose move it is: both players at once (rock-paper-scissors), or one (Connect Four). */
export type Turn = { round: number; /** the move's number within the round, for turn-based games */ move?: number; players: Player[] };

/** `name` and `description` are messages of lib/ (msg()). */
export type BuiltinBot = { id: string; name: string; description: string; source: string };

export type GameId = "rps" | "connect4";

export interface ArenaGame<State = unknown> {
  id: GameId;
  /** a message of lib/: "Rock-paper-scissors" */
  name: string;
  /** what one of a match's rounds is called: "round", "game" (a code word the messages' selects read, not words) */
  roundNoun: string;
  defaultRounds: number;
  maxRounds: number;
  /** rounds of a practice match: enough to see how a bot does, quick to watch */
  practiceRounds: number;
  /** the contract, as teams read it (Markdown; a message of lib/, its code the same in every language) */
  contract: string;
  /** the contract in a sentence (plain text; a message of lib/), under the editor */
  summary: string;
  /**
   * JavaScript run inside the sandbox after the bot's code: it evaluates to
   * the function the host calls for each move, with (round, rounds, random,
   * ...args). It keeps the game's history inside the engine, so a move costs
   * the same in round 1 and round 1000.
   */
  harness: string;
  starterBot: string;
  /** practice opponents, weak to strong */
  bots: BuiltinBot[];

  /** host side: a new match of `rounds` rounds */
  start(rounds: number): State;
  /** who moves next, or null when the match is over */
  next(state: State): Turn | null;
  /** what the harness gets for this player's move, after (round, rounds, random) */
  args(state: State, player: Player): (string | number)[];
  /** null if the move is legal, else why not, a message of lib/: "which is not 'R', 'P' or 'S'" */
  illegal(state: State, player: Player, move: unknown): string | null;
  /** plays the turn's moves (legal ones) */
  play(state: State, moves: { player: Player; move: Move }[]): void;
  /** rounds won by each player, and drawn, so far */
  score(state: State): { wins: [number, number]; draws: number };
}
