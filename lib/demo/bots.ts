// The demo's bots: what some of edition 0x09's teams have submitted to the
// two bot tournaments so far, so that a tournament run in the demo has a
// field to play (the rest of the teams, Heatmappers included, haven't
// submitted yet: that's for the person trying the demo).
import { getGame } from "../arena/engine/games";
import type { GameId } from "../arena/engine/games/types";

const builtin = (game: GameId, id: string) => getGame(game).bots.find((b) => b.id === id)!.source;

export const DEMO_BOTS: { game: GameId; team: string; source: string }[] = [
  { game: "rps", team: "Prometheus Unbound", source: `// Prometheus Unbound: we scrape your history and predict.\n${builtin("rps", "markov")}` },
  { game: "rps", team: "Black Magic", source: `// Black Magic: formatting is our thing, counting is our other thing.\n${builtin("rps", "frequency")}` },
  { game: "rps", team: "Kernel Sanders", source: `// Kernel Sanders: copy, then counter.\n${builtin("rps", "beat-last")}` },
  {
    game: "rps",
    team: "Snake Case",
    source: `// Snake Case: a pattern nobody will guess (we hope).
const PATTERN = 'rpsspr';
export default function play(state) {
  return PATTERN[state.round % PATTERN.length].toUpperCase();
}
`,
  },
  { game: "connect4", team: "Kernel Sanders", source: `// Kernel Sanders: think three moves ahead.\n${builtin("connect4", "lookahead")}` },
  { game: "connect4", team: "Ask the Map", source: `// Ask the Map: win if we can, block if we must.\n${builtin("connect4", "starter")}` },
  { game: "connect4", team: "Sonic Boom", source: `// Sonic Boom: the centre is where the noise is.\n${builtin("connect4", "centre")}` },
  { game: "connect4", team: "Snake Case", source: `// Snake Case: left to right, like reading.\n${builtin("connect4", "leftmost")}` },
];
