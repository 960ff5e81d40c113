// Connect Four's starter bot and practice opponents, weak to strong. Each
// follows the contract: randomness only on its first move of the match.

// Shared by the bots below that look ahead: drop a disc, test for four in a row.
const HELPERS = `
function drop(board, column, disc) {
  for (let row = 0; row < 6; row++) if (board[row][column] === 0) { board[row][column] = disc; return row; }
  return -1;
}
function fours(board, row, column) {
  const disc = board[row][column];
  for (const [dr, dc] of [[0, 1], [1, 0], [1, 1], [1, -1]]) {
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
    name: "Lefty",
    description: "Always the leftmost column with room.",
    source: "export default function play(state) { return state.legal[0]; }",
  },
  {
    id: "centre",
    name: "Centre-lover",
    description: "The column nearest the centre with room.",
    source: "const ORDER = [3, 2, 4, 1, 5, 0, 6];\nexport default function play(state) { return ORDER.find((c) => state.legal.includes(c)); }",
  },
  { id: "starter", name: "Starter bot", description: "The starter bot: wins when it can, blocks when it must, else the centre.", source: CONNECT_FOUR_STARTER_BOT },
  {
    id: "lookahead",
    name: "Look-ahead",
    description: "Searches three moves ahead (negamax with alpha-beta pruning).",
    source: `${HELPERS}
const ORDER = [3, 2, 4, 1, 5, 0, 6];
const DEPTH = 3;
// a rough worth of a position for \`disc\`: discs near the centre count more
function worth(board, disc) {
  let total = 0;
  for (let row = 0; row < 6; row++) for (let column = 0; column < 7; column++) {
    const cell = board[row][column];
    if (cell) total += (cell === disc ? 1 : -1) * (4 - Math.abs(3 - column));
  }
  return total;
}
function negamax(board, disc, depth, alpha, beta) {
  const other = 3 - disc;
  let best = -Infinity;
  let any = false;
  for (const column of ORDER) {
    if (board[5][column] !== 0) continue;
    any = true;
    const row = drop(board, column, disc);
    const score = fours(board, row, column) ? 1000 + depth : depth === 0 ? worth(board, disc) : -negamax(board, other, depth - 1, -beta, -alpha);
    board[row][column] = 0;
    if (score > best) best = score;
    if (best > alpha) alpha = best;
    if (alpha >= beta) break;
  }
  return any ? best : 0;
}
export default function play(state) {
  const { board } = state;
  if (state.moves.length === 0) return 3; // an empty board: the centre, no need to think
  let choice = state.legal[0];
  let best = -Infinity;
  for (const column of ORDER) {
    if (!state.legal.includes(column)) continue;
    const row = drop(board, column, 1);
    const score = fours(board, row, column) ? 10000 : -negamax(board, 2, DEPTH - 1, -Infinity, Infinity);
    board[row][column] = 0;
    if (score > best) { best = score; choice = column; }
  }
  return choice;
}
`,
  },
];
