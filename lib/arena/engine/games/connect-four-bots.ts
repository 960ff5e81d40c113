// Connect Four's starter bot and practice opponents, weak to strong. Each
// follows the contract: randomness only on its first move of the match. Their
// names and descriptions are lib's messages, in the reader's language where shown.
import { msg } from "../../../platform/messages";

// Shared by the bots below that look ahead: drop a disc, test for four in a row.
const HELPERS = `
function drop(board, column, disc) {
  for (let row = 0; row < 6; row++) if (board[row][column] === 0) { board[row][column] = disc; return row; }
  return -1;
}
const DIRECTIONS = [[0, 1], [1, 0], [1, 1], [1, -1]];
function fours(board, row, column) {
  const disc = board[row][column];
  for (const [dr, dc] of DIRECTIONS) {
    let count = 1;
    for (const sign of [1, -1]) {
      let r = row + dr * sign, c = column + dc * sign;
      while (r >= 0 && r < 6 && c >= 0 && c < 7 && board[r][c] === disc) { count++; r += dr * sign; c += dc * sign; }
    }
    if (count >= 4) return true;
  }
  return false;
}
/** the column where \`disc\` would complete four in a row now, or -1 */
function winningColumn(board, legal, disc) {
  for (const column of legal) {
    const row = drop(board, column, disc);
    const wins = fours(board, row, column);
    board[row][column] = 0;
    if (wins) return column;
  }
  return -1;
}
`;

export const CONNECT_FOUR_STARTER_BOT = `// Hexathon bot arena: Connect Four.
// play(state) is called for each of your moves and returns a column, 0 to 6.
// state = { round, rounds, board, moves, legal, first, random }
// board[row][column]: row 0 is the bottom; 0 empty, 1 your disc, 2 theirs.
// legal: the columns that aren't full. first: you started this game.
// \`random\` is a number in [0, 1) on your first move of the match only:
// afterwards, be deterministic (Math.random throws, there is no Date).
${HELPERS}
let preferred; // this match's column order, drawn once from state.random

export default function play(state) {
  if (state.random !== undefined) {
    // the centre is worth most; whether left or right comes first is this match's whim
    preferred = state.random < 0.5 ? [3, 2, 4, 1, 5, 0, 6] : [3, 4, 2, 5, 1, 6, 0];
  }
  const win = winningColumn(state.board, state.legal, 1);
  if (win >= 0) return win; // four in a row: take it
  const block = winningColumn(state.board, state.legal, 2);
  if (block >= 0) return block; // they'd win there next: block it
  return preferred.find((column) => state.legal.includes(column));
}
`;

export const CONNECT_FOUR_BOTS = [
  {
    id: "leftmost",
    name: msg("arena.bots.connect4.leftmost.name"),
    description: msg("arena.bots.connect4.leftmost.description"),
    source: "export default function play(state) { return state.legal[0]; }",
  },
  {
    id: "centre",
    name: msg("arena.bots.connect4.centre.name"),
    description: msg("arena.bots.connect4.centre.description"),
    source: "const ORDER = [3, 2, 4, 1, 5, 0, 6];\nexport default function play(state) { return ORDER.find((c) => state.legal.includes(c)); }",
  },
  {
    id: "starter",
    name: msg("arena.bots.connect4.starter.name"),
    description: msg("arena.bots.connect4.starter.description"),
    source: CONNECT_FOUR_STARTER_BOT,
  },
  {
    id: "lookahead",
    name: msg("arena.bots.connect4.lookahead.name"),
    description: msg("arena.bots.connect4.lookahead.description"),
    source: `${HELPERS}
const ORDER = [3, 2, 4, 1, 5, 0, 6];
const DEPTH = 3;
// a rough worth of a position: discs near the centre count more. Kept up to
// date move by move (for my discs, minus theirs), so a leaf costs nothing.
const WEIGHT = [1, 2, 3, 4, 3, 2, 1];
let worth = 0;
function place(board, column, disc) {
  const row = drop(board, column, disc);
  worth += disc === 1 ? WEIGHT[column] : -WEIGHT[column];
  return row;
}
function lift(board, row, column) {
  worth -= board[row][column] === 1 ? WEIGHT[column] : -WEIGHT[column];
  board[row][column] = 0;
}
function negamax(board, disc, depth, alpha, beta) {
  const other = 3 - disc;
  let best = -Infinity;
  let any = false;
  for (const column of ORDER) {
    if (board[5][column] !== 0) continue;
    any = true;
    const row = place(board, column, disc);
    const score = fours(board, row, column) ? 1000 + depth : depth === 0 ? (disc === 1 ? worth : -worth) : -negamax(board, other, depth - 1, -beta, -alpha);
    lift(board, row, column);
    if (score > best) best = score;
    if (best > alpha) alpha = best;
    if (alpha >= beta) break;
  }
  return any ? best : 0;
}
export default function play(state) {
  const { board } = state;
  if (state.moves.length === 0) return 3; // an empty board: the centre, no need to think
  worth = 0;
  for (let row = 0; row < 6; row++) for (let column = 0; column < 7; column++) if (board[row][column]) worth += board[row][column] === 1 ? WEIGHT[column] : -WEIGHT[column];
  let choice = state.legal[0];
  let best = -Infinity;
  for (const column of ORDER) {
    if (!state.legal.includes(column)) continue;
    const row = place(board, column, 1);
    const score = fours(board, row, column) ? 10000 : -negamax(board, 2, DEPTH - 1, -Infinity, Infinity);
    lift(board, row, column);
    if (score > best) { best = score; choice = column; }
  }
  return choice;
}
`,
  },
];
