// The arena's games, by id: the registry the tournaments, the command line
// and the replays look games up in.
import { connectFour } from "./connect-four";
import { rps } from "./rps";
import type { ArenaGame, GameId } from "./types";

export type { ArenaGame, GameId } from "./types";

export const GAMES: Record<GameId, ArenaGame<unknown>> = { rps: rps as ArenaGame<unknown>, connect4: connectFour as ArenaGame<unknown> };
export const GAME_IDS = Object.keys(GAMES) as GameId[];

export const isGameId = (id: string): id is GameId => Object.hasOwn(GAMES, id);

export function getGame(id: string): ArenaGame<unknown> {
  if (!isGameId(id)) throw new Error(`unknown game "${id}": pick one of ${GAME_IDS.join(", ")}`);
  return GAMES[id];
}

/** The games as the challenge form offers them (`name`: a message of lib/, to translate where it is shown). */
export const gameChoices = () => GAME_IDS.map((id) => ({ id, name: GAMES[id].name, roundNoun: GAMES[id].roundNoun, defaultRounds: GAMES[id].defaultRounds }));
