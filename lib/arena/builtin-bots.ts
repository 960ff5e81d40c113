// Built-in opponents for practice matches, and the starter bot teams copy.
// Each one follows the contract: randomness only on round 0.

export const STARTER_BOT = `// Hexathon bot arena: rock-paper-scissors.
// play(state) is called once per round and returns 'R', 'P' or 'S'.
// state = { round, rounds, me: [...my past moves], opponent: [...their past moves], random }
// \`random\` is a number in [0, 1) on round 0 only: afterwards, be deterministic
// (Math.random throws, there is no Date). Module-level variables last one match.

const BEATS = { R: 'P', P: 'S', S: 'R' }; // the move that beats each move
let opening;

export default function play(state) {
  if (state.round === 0) {
    opening = 'RPS'[Math.floor(state.random * 3)];
    return opening;
  }
  // beat the opponent's most frequent move so far
  const counts = { R: 0, P: 0, S: 0 };
  for (const move of state.opponent) counts[move]++;
  const favourite = Object.keys(counts).sort((a, b) => counts[b] - counts[a])[0];
  return BEATS[favourite];
}
`;

export const BUILTIN_BOTS: { id: string; name: string; description: string; source: string }[] = [
  { id: "rock", name: "The Rock", description: "Always rock.", source: "export default function play() { return 'R'; }" },
  {
    id: "cycler",
    name: "Cycler",
    description: "Rock, paper, scissors, over and over.",
    source: "export default function play(state) { return 'RPS'[state.round % 3]; }",
  },
  {
    id: "copycat",
    name: "Copycat",
    description: "Plays what you played last round.",
    source: "export default function play(state) { return state.round === 0 ? 'P' : state.opponent[state.opponent.length - 1]; }",
  },
  {
    id: "beat-last",
    name: "Counter-puncher",
    description: "Plays what beats your last move.",
    source:
      "const BEATS = { R: 'P', P: 'S', S: 'R' };\nexport default function play(state) { return state.round === 0 ? 'R' : BEATS[state.opponent[state.opponent.length - 1]]; }",
  },
  { id: "starter", name: "Starter bot", description: "The starter bot: a random opening, then beats your favourite move.", source: STARTER_BOT },
];
