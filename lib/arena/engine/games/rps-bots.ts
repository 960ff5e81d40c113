// Rock-paper-scissors: the starter bot teams copy, and the built-in practice
// opponents, weak to strong. Each follows the contract (randomness only from
// state.random on round 0, no Math.random, no Date) and runs in the same
// QuickJS sandbox as the teams' bots, with the same limits: QuickJS is an
// interpreter, 30–50 times slower than V8, so the strong ones keep their
// state in module variables and update it with the last round's moves
// instead of rescanning the whole history every round, and leave string
// searches to the engine's native String.prototype.lastIndexOf.
//
// The sources are plain JavaScript (they compile as TypeScript too). Past the
// starter (whose text is unchanged), they hold no backticks or backslashes,
// so they read here exactly as a team sees them. Their names and descriptions
// are lib's messages, in the reader's language where they are shown.
import { msg } from "../../../platform/messages";

export const RPS_STARTER_BOT = `// Hexathon bot arena: rock-paper-scissors.
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

// Counts three things about the opponent's moves, recent rounds weighing
// more: which move they play, how it relates to their own previous move
// (same, up, down) and how it relates to ours. Whichever count is the most
// lopsided predicts their next move. Rock, the cycler, the copycat and the
// counter-puncher each show up in one of the three.
const FREQUENCY_BOT = `// Frequency counter: beat the opponent's most frequent move, where "move"
// is read three ways: the move itself, its shift from their previous move,
// and its shift from my previous move. Recent rounds count more (decay).
const MOVES = 'RPS';
const DECAY = 0.93; // a round 10 rounds ago weighs half as much as the last one
let counts; // counts[view][k], view 0: move k; view 1: their last + k; view 2: my last + k

const index = (move) => MOVES.indexOf(move);

export default function play(state) {
  const n = state.opponent.length;
  if (n === 0) {
    counts = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
    return MOVES[Math.floor(state.random * 3)];
  }
  // only the last round is new: fold it into the decayed counts
  const theirs = index(state.opponent[n - 1]);
  for (const view of counts) for (let k = 0; k < 3; k++) view[k] *= DECAY;
  counts[0][theirs] += 1;
  if (n >= 2) {
    counts[1][(theirs - index(state.opponent[n - 2]) + 3) % 3] += 1;
    counts[2][(theirs - index(state.me[n - 2]) + 3) % 3] += 1;
  }
  // the view whose favourite stands out most, as a share of its total
  const bases = [0, theirs, index(state.me[n - 1])];
  let bestShare = -1;
  let prediction = 0;
  for (let view = 0; view < 3; view++) {
    const c = counts[view];
    const total = c[0] + c[1] + c[2];
    if (total === 0) continue;
    const k = c[0] >= c[1] && c[0] >= c[2] ? 0 : c[1] >= c[2] ? 1 : 2;
    if (c[k] / total > bestShare + 1e-9) {
      bestShare = c[k] / total;
      prediction = (bases[view] + k) % 3;
    }
  }
  return MOVES[(prediction + 1) % 3]; // the move after a move in 'RPS' beats it
}
`;

// History string matching: the opponent's next move is taken to be what
// followed the last time the recent rounds went the same way. One character
// per round (both moves) in a string; the longest matching suffix can grow by
// at most one per round, so each round tries at most a few lengths, each one
// native lastIndexOf call.
const MARKOV_BOT = `// History matcher: find the longest earlier occurrence of the last few
// rounds (both players' moves), and beat what the opponent played next then.
// Falls back to the opponent's moves alone, then to their favourite move.
const MOVES = 'RPS';
const MAX = 20; // longest context looked for, in rounds
const WINDOW = 2000; // rounds of history searched, at least
let both; // one char per round: 'a' + 3 * mine + theirs
let theirs; // one char per round: '0' + theirs
let bothLength; // longest match found last round, per string
let theirsLength;
let counts;
let found; // where the last match found ended

const index = (move) => MOVES.indexOf(move);

// Length of the longest suffix of hist that also occurs earlier (found: the
// index just after that earlier occurrence). It is at most one more than last
// round's, so the search starts there.
function longest(hist, previous) {
  const n = hist.length;
  for (let length = Math.min(previous + 1, MAX, n - 1); length > 0; length--) {
    const at = hist.lastIndexOf(hist.slice(n - length), n - length - 1);
    if (at >= 0) {
      found = at + length;
      return length;
    }
  }
  return 0;
}

export default function play(state) {
  const n = state.opponent.length;
  if (n === 0) {
    both = '';
    theirs = '';
    bothLength = 0;
    theirsLength = 0;
    counts = [0, 0, 0];
    return MOVES[Math.floor(state.random * 3)];
  }
  const t = index(state.opponent[n - 1]);
  both += String.fromCharCode(97 + 3 * index(state.me[n - 1]) + t);
  theirs += String.fromCharCode(48 + t);
  counts[t]++;
  // a search that finds nothing reads the whole string: keep the last
  // 2,000 to 3,000 rounds, so a 10,000-round match costs no more per round
  if (both.length > WINDOW + 1000) {
    both = both.slice(1000);
    theirs = theirs.slice(1000);
  }
  let prediction;
  bothLength = longest(both, bothLength);
  if (bothLength > 0) prediction = (both.charCodeAt(found) - 97) % 3;
  theirsLength = longest(theirs, theirsLength);
  if (bothLength === 0) {
    if (theirsLength > 0) prediction = theirs.charCodeAt(found) - 48;
    else prediction = counts[0] >= counts[1] && counts[0] >= counts[2] ? 0 : counts[1] >= counts[2] ? 1 : 2;
  }
  return MOVES[(prediction + 1) % 3];
}
`;

// After Dan Egnor's Iocaine Powder, winner of the first international
// RoShamBo programming competition (1999). Predictors guess the opponent's
// next move p, and our own next move q as the opponent might guess it; each
// guess gives three strategies (the "sicilian reasoning" levels: beat p,
// beat what beats that, ...; and the same for the "second guess" from q:
// they'd play what beats q, we beat that, ...). Every strategy is scored on
// how it would have done, over a short, a medium and a long horizon; the
// horizon whose picks have done best lately chooses. When nothing predicts
// better than chance, it plays a pseudo-random move drawn from a generator
// seeded by state.random on round 0 (deterministic for a given match seed),
// so it can't be exploited by a bot that models it.
const IOCAINE_BOT = `// Iocaine Powder-style meta-strategy. Predictors (frequency over the match
// and recently; history matching on both players' moves, on mine, on theirs)
// each guess the opponent's next move p and my own next move q (the second
// guess: what they would predict of me). Each guess yields three strategies,
// one per level of sicilian reasoning, and all 30 are scored on how they
// would have done: the best one plays.
const MOVES = 'RPS';
const MAX = 20; // longest history context, in rounds
const WINDOW = 2000; // rounds of history searched, at least
const DECAYS = [0.5, 0.85, 0.98]; // horizons: the last few rounds, a few dozen, the match
const META_DECAY = 0.9;
const PREDICTORS = 5;
const STRATEGIES = PREDICTORS * 6;

let mine; // one char per round, '0' + my move
let theirs; // '0' + their move
let both; // 'a' + 3 * mine + theirs
let lengths; // longest suffix match found last round, per history string
let found;
let countsAll; // [mine, theirs]: counts over the match
let countsRecent; // decayed counts
let proposed; // the move each strategy proposed for this round
let scores; // scores[h][s]: strategy s's decayed payoff over horizon h
let picks; // the move each horizon picked for this round
let metaScores; // how each horizon's picks have done
let seed;

const index = (move) => MOVES.indexOf(move);
// +1 if a beats b, -1 if b beats a, 0 for a draw ('RPS' order: each move beats the one before it)
const payoff = (a, b) => (a - b + 3) % 3 === 1 ? 1 : a === b ? 0 : -1;
const favourite = (c) => (c[0] >= c[1] && c[0] >= c[2] ? 0 : c[1] >= c[2] ? 1 : 2);

// mulberry32, seeded once from state.random: deterministic for a given match
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

// Length of the longest suffix of hist that also occurs earlier (found: the
// round that followed it). It grows by at most one per round, so the search
// starts at last round's length plus one: a couple of native searches a round.
function longest(hist, previous) {
  const n = hist.length;
  for (let length = Math.min(previous + 1, MAX, n - 1); length > 0; length--) {
    const at = hist.lastIndexOf(hist.slice(n - length), n - length - 1);
    if (at >= 0) {
      found = at + length;
      return length;
    }
  }
  return 0;
}

// The strategies of predictor i from its guesses: p (their move), q (mine).
function propose(i, p, q) {
  for (let r = 0; r < 3; r++) {
    proposed[6 * i + r] = (p + 1 + r) % 3; // beat p; then one, two levels deeper
    proposed[6 * i + 3 + r] = (q + 2 + r) % 3; // they beat q, I beat that; deeper
  }
}

function init(random0) {
  mine = '';
  theirs = '';
  both = '';
  lengths = [0, 0, 0];
  countsAll = [[0, 0, 0], [0, 0, 0]];
  countsRecent = [[0, 0, 0], [0, 0, 0]];
  proposed = null;
  scores = DECAYS.map(() => new Array(STRATEGIES).fill(0));
  picks = DECAYS.map(() => 0);
  metaScores = DECAYS.map(() => 0);
  seed = Math.floor(random0 * 4294967296) | 0;
}

export default function play(state) {
  const n = state.opponent.length;
  if (n === 0) {
    init(state.random);
    return MOVES[Math.floor(random() * 3)];
  }
  const m = index(state.me[n - 1]);
  const t = index(state.opponent[n - 1]);

  // score last round's proposals and picks against what the opponent played
  if (proposed) {
    for (let h = 0; h < DECAYS.length; h++) {
      const row = scores[h];
      const decay = DECAYS[h];
      for (let s = 0; s < STRATEGIES; s++) row[s] = row[s] * decay + payoff(proposed[s], t);
      metaScores[h] = metaScores[h] * META_DECAY + payoff(picks[h], t);
    }
  } else {
    proposed = new Array(STRATEGIES).fill(0);
  }

  // fold the last round into the histories and counts
  mine += String.fromCharCode(48 + m);
  theirs += String.fromCharCode(48 + t);
  both += String.fromCharCode(97 + 3 * m + t);
  // a search that finds nothing reads the whole string: keep the last
  // 2,000 to 3,000 rounds, so a 10,000-round match costs no more per round
  if (mine.length > WINDOW + 1000) {
    mine = mine.slice(1000);
    theirs = theirs.slice(1000);
    both = both.slice(1000);
  }
  countsAll[0][m]++;
  countsAll[1][t]++;
  for (let k = 0; k < 3; k++) {
    countsRecent[0][k] *= 0.8;
    countsRecent[1][k] *= 0.8;
  }
  countsRecent[0][m] += 1;
  countsRecent[1][t] += 1;

  // the predictors: frequency (match, recent), then history matching
  propose(0, favourite(countsAll[1]), favourite(countsAll[0]));
  propose(1, favourite(countsRecent[1]), favourite(countsRecent[0]));
  const histories = [both, mine, theirs];
  for (let i = 0; i < 3; i++) {
    lengths[i] = longest(histories[i], lengths[i]);
    // no match yet: the last round's moves stand in
    const at = lengths[i] > 0 ? found : mine.length - 1;
    propose(2 + i, theirs.charCodeAt(at) - 48, mine.charCodeAt(at) - 48);
  }

  // each horizon's best strategy; the horizon doing best lately chooses
  let chosen = 0;
  let chosenScore = 0;
  for (let h = 0; h < DECAYS.length; h++) {
    const row = scores[h];
    let best = 0;
    for (let s = 1; s < STRATEGIES; s++) if (row[s] > row[best]) best = s;
    picks[h] = proposed[best];
    if (h === 0 || metaScores[h] > metaScores[chosen]) {
      chosen = h;
      chosenScore = row[best];
    }
  }
  // nothing beats chance: don't be predictable
  if (chosenScore <= 0 || metaScores[chosen] < 0) return MOVES[Math.floor(random() * 3)];
  return MOVES[picks[chosen]];
}
`;

export const RPS_BOTS: { id: string; name: string; description: string; source: string }[] = [
  {
    id: "rock",
    name: msg("arena.bots.rps.rock.name"),
    description: msg("arena.bots.rps.rock.description"),
    source: "export default function play() { return 'R'; }",
  },
  {
    id: "cycler",
    name: msg("arena.bots.rps.cycler.name"),
    description: msg("arena.bots.rps.cycler.description"),
    source: "export default function play(state) { return 'RPS'[state.round % 3]; }",
  },
  {
    id: "copycat",
    name: msg("arena.bots.rps.copycat.name"),
    description: msg("arena.bots.rps.copycat.description"),
    source: "export default function play(state) { return state.round === 0 ? 'P' : state.opponent[state.opponent.length - 1]; }",
  },
  {
    id: "beat-last",
    name: msg("arena.bots.rps.beatLast.name"),
    description: msg("arena.bots.rps.beatLast.description"),
    source:
      "const BEATS = { R: 'P', P: 'S', S: 'R' };\nexport default function play(state) { return state.round === 0 ? 'R' : BEATS[state.opponent[state.opponent.length - 1]]; }",
  },
  {
    id: "starter",
    name: msg("arena.bots.rps.starter.name"),
    description: msg("arena.bots.rps.starter.description"),
    source: RPS_STARTER_BOT,
  },
  {
    id: "frequency",
    name: msg("arena.bots.rps.frequency.name"),
    description: msg("arena.bots.rps.frequency.description"),
    source: FREQUENCY_BOT,
  },
  {
    id: "markov",
    name: msg("arena.bots.rps.markov.name"),
    description: msg("arena.bots.rps.markov.description"),
    source: MARKOV_BOT,
  },
  {
    id: "iocaine",
    name: msg("arena.bots.rps.iocaine.name"),
    description: msg("arena.bots.rps.iocaine.description"),
    source: IOCAINE_BOT,
  },
];
