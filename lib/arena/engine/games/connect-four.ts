// Connect Four: two bots drop discs in turn into a board of 7 columns and 6
// rows; four in a row (across, up or diagonally) wins the game. A match is
// `rounds` games, the bots taking turns to start; a full board is a draw.
import type { ArenaGame, Move, Player } from "./types";
import { msg } from "../../../platform/messages";
import { CONNECT_FOUR_BOTS, CONNECT_FOUR_STARTER_BOT } from "./connect-four-bots";

export const COLUMNS = 7;
export const ROWS = 6;

/** board[row * COLUMNS + column], row 0 at the bottom: 0 empty, 1 or 2 the player's disc + 1 */
export type Board = Int8Array;

export const newBoard = (): Board => new Int8Array(ROWS * COLUMNS);

/** The row a disc dropped in `column` lands on, or -1 if the column is full. */
export function landingRow(board: Board, column: number): number {
  for (let row = 0; row < ROWS; row++) if (board[row * COLUMNS + column] === 0) return row;
  return -1;
}

const DIRECTIONS = [
  [0, 1],
  [1, 0],
  [1, 1],
  [1, -1],
] as const;

/** The four (or more) cells in a row through (row, column), if its disc completes one. */
export function winningLine(board: Board, row: number, column: number): [number, number][] | null {
  const disc = board[row * COLUMNS + column];
  if (!disc) return null;
  for (const [dr, dc] of DIRECTIONS) {
    const line: [number, number][] = [[row, column]];
    for (const sign of [1, -1]) {
      let r = row + dr * sign;
      let c = column + dc * sign;
      while (r >= 0 && r < ROWS && c >= 0 && c < COLUMNS && board[r * COLUMNS + c] === disc) {
        line.push([r, c]);
        r += dr * sign;
        c += dc * sign;
      }
    }
    if (line.length >= 4) return line;
  }
  return null;
}

type ConnectFourState = { rounds: number; round: number; board: Board; moves: number[]; wins: [number, number]; draws: number };

/** Game `round` is started by player round % 2: the sides alternate. */
export const starterOf = (round: number): Player => (round % 2) as Player;

export const connectFour: ArenaGame<ConnectFourState> = {
  id: "connect4",
  name: msg("arena.games.connect4.name"),
  roundNoun: "game",
  defaultRounds: 20,
  maxRounds: 200,
  practiceRounds: 6,
  // Markdown in lib's messages: its code stays as it is in every language
  contract: msg("arena.games.connect4.contract"),
  summary: msg("arena.games.connect4.summary"),
  // (round, rounds, random, 1 if I started this game else 0, this game's columns so far as digits)
  harness: `
(() => {
  const play = typeof __hexathonBot === "object" && __hexathonBot !== null ? __hexathonBot.default : undefined;
  if (typeof play !== "function") throw new TypeError("the bot has no default export function");
  let current = -1;
  let board;
  let moves;
  return function turn(round, rounds, random, first, history) {
    if (round !== current) {
      current = round;
      moves = [];
      board = [];
      for (let row = 0; row < 6; row++) board.push([0, 0, 0, 0, 0, 0, 0]);
    }
    while (moves.length < history.length) {
      const column = history.charCodeAt(moves.length) - 48;
      const disc = (moves.length % 2 === 0) === (first === 1) ? 1 : 2;
      for (let row = 0; row < 6; row++) if (board[row][column] === 0) { board[row][column] = disc; break; }
      moves.push(column);
    }
    const legal = [];
    for (let column = 0; column < 7; column++) if (board[5][column] === 0) legal.push(column);
    const state = { round, rounds, board: board.map((row) => row.slice()), moves: moves.slice(), legal, first: first === 1 };
    if (random !== undefined) state.random = random;
    return play(state);
  };
})()
`,
  starterBot: CONNECT_FOUR_STARTER_BOT,
  bots: CONNECT_FOUR_BOTS,

  start: (rounds) => ({ rounds, round: 0, board: newBoard(), moves: [], wins: [0, 0], draws: 0 }),
  next: (s) => (s.round < s.rounds ? { round: s.round, move: s.moves.length, players: [((starterOf(s.round) + s.moves.length) % 2) as Player] } : null),
  args: (s, player) => [starterOf(s.round) === player ? 1 : 0, s.moves.join("")],
  illegal(s, _player, move) {
    if (typeof move !== "number" || !Number.isInteger(move) || move < 0 || move >= COLUMNS) return msg("arena.forfeit.illegal.notAColumn");
    if (landingRow(s.board, move) < 0) return msg("arena.forfeit.illegal.columnFull", { column: String(move) });
    return null;
  },
  play(s, moves: { player: Player; move: Move }[]) {
    const { player, move } = moves[0];
    const column = move as number;
    const row = landingRow(s.board, column);
    s.board[row * COLUMNS + column] = player + 1;
    s.moves.push(column);
    const won = winningLine(s.board, row, column) !== null;
    if (won || s.moves.length === ROWS * COLUMNS) {
      if (won) s.wins[player]++;
      else s.draws++;
      s.round++;
      s.board = newBoard();
      s.moves = [];
    }
  },
  score: (s) => ({ wins: [...s.wins], draws: s.draws }),
};

export type ConnectFourGame = {
  round: number;
  starter: Player;
  /** each disc in the order played */
  discs: { player: Player; column: number; row: number }[];
  winner: Player | null;
  /** the winning four, if any */
  line: [number, number][] | null;
  /** the game ended by a forfeit before it was decided */
  unfinished: boolean;
};

/**
 * The games of a match, rebuilt from each bot's moves in order: the rules
 * decide whose turn it is and when a game ends, so the moves are all a
 * replay needs.
 */
export function connectFourGames(moves: [Move[], Move[]], rounds: number): ConnectFourGame[] {
  const games: ConnectFourGame[] = [];
  const next: [number, number] = [0, 0];
  for (let round = 0; round < rounds; round++) {
    const starter = starterOf(round);
    const board = newBoard();
    const game: ConnectFourGame = { round, starter, discs: [], winner: null, line: null, unfinished: true };
    while (true) {
      const player = ((starter + game.discs.length) % 2) as Player;
      if (next[player] >= moves[player].length) break;
      const column = moves[player][next[player]++] as number;
      const row = landingRow(board, column);
      if (row < 0) break;
      board[row * COLUMNS + column] = player + 1;
      game.discs.push({ player, column, row });
      const line = winningLine(board, row, column);
      if (line) {
        Object.assign(game, { winner: player, line, unfinished: false });
        break;
      }
      if (game.discs.length === ROWS * COLUMNS) {
        game.unfinished = false;
        break;
      }
    }
    if (game.discs.length === 0 && game.unfinished) break;
    games.push(game);
    if (game.unfinished) break;
  }
  return games;
}
