// Rock-paper-scissors: both bots move each round; rock beats scissors,
// scissors beat paper, paper beats rock.
import type { ArenaGame, Move } from "./types";
import { msg } from "../../../platform/messages";
import { RPS_BOTS, RPS_STARTER_BOT } from "./rps-bots";

export const RPS_MOVES = ["R", "P", "S"] as const;
export type RpsMove = (typeof RPS_MOVES)[number];

export function isRpsMove(value: unknown): value is RpsMove {
  return value === "R" || value === "P" || value === "S";
}

const BEATS: Record<RpsMove, RpsMove> = { R: "S", P: "R", S: "P" };

/** 0 if the first move wins the round, 1 if the second does, null for a draw. */
export function rpsRoundWinner(a: RpsMove, b: RpsMove): 0 | 1 | null {
  if (a === b) return null;
  return BEATS[a] === b ? 0 : 1;
}

type RpsState = { rounds: number; round: number; last: [RpsMove | undefined, RpsMove | undefined]; wins: [number, number]; draws: number };

export const rps: ArenaGame<RpsState> = {
  id: "rps",
  name: msg("arena.games.rps.name"),
  roundNoun: "round",
  defaultRounds: 1000,
  maxRounds: 10_000,
  practiceRounds: 200,
  // Markdown in lib's messages: its code stays as it is in every language
  contract: msg("arena.games.rps.contract"),
  summary: msg("arena.games.rps.summary"),
  // (round, rounds, random, my last move, their last move)
  harness: `
(() => {
  const play = typeof __hexathonBot === "object" && __hexathonBot !== null ? __hexathonBot.default : undefined;
  if (typeof play !== "function") throw new TypeError("the bot has no default export function");
  const me = [];
  const opponent = [];
  return function round(round, rounds, random, myLast, theirLast) {
    if (round > 0) { me.push(myLast); opponent.push(theirLast); }
    const state = { round, rounds, me, opponent };
    if (random !== undefined) state.random = random;
    return play(state);
  };
})()
`,
  starterBot: RPS_STARTER_BOT,
  bots: RPS_BOTS,

  start: (rounds) => ({ rounds, round: 0, last: [undefined, undefined], wins: [0, 0], draws: 0 }),
  next: (s) => (s.round < s.rounds ? { round: s.round, players: [0, 1] } : null),
  args: (s, player) => (s.round === 0 ? [] : [s.last[player]!, s.last[1 - player]!]),
  illegal: (_s, _player, move) => (isRpsMove(move) ? null : msg("arena.forfeit.illegal.rps")),
  play(s, moves: { player: 0 | 1; move: Move }[]) {
    for (const { player, move } of moves) s.last[player] = move as RpsMove;
    const winner = rpsRoundWinner(s.last[0]!, s.last[1]!);
    if (winner === null) s.draws++;
    else s.wins[winner]++;
    s.round++;
  },
  score: (s) => ({ wins: [...s.wins], draws: s.draws }),
};
