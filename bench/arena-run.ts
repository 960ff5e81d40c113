// The arena's benchmark, run by bench/arena.mjs under tsx: a 32-bot round
// robin at 1000 rounds a match (496 matches, about a million moves), once in
// the QuickJS sandboxes on the worker pool (every core), and once with the
// same bots as trusted code in-process on one core, to show what the sandbox
// costs. Prints one JSON object on stdout.
import os from "node:os";
import { compileBot } from "../lib/arena/engine/compile";
import { getGame } from "../lib/arena/engine/games";
import { runMatch, type BotLoader } from "../lib/arena/engine/match";
import { playTournament } from "../lib/arena/engine/offline";
import { MatchPool } from "../lib/arena/engine/pool";

const quick = process.argv.includes("--quick");
const rounds = quick ? 200 : 1000;
const rps = getGame("rps");

// The field: the built-in bots from weak to strong, and variations on them,
// as a hackathon's field would look (a few clever bots, many simple ones).
const variants: { name: string; source: string }[] = [
  ...rps.bots.map((b) => ({ name: b.id, source: b.source })),
  ...["P", "S"].map((m) => ({ name: `constant-${m}`, source: `export default function play() { return '${m}'; }` })),
  ...[1, 2].map((k) => ({ name: `cycler+${k}`, source: `export default function play(s) { return 'RPS'[(s.round + ${k}) % 3]; }` })),
  ...["RRP", "PSSR", "SRPPS"].map((p) => ({ name: `pattern-${p}`, source: `export default function play(s) { return '${p}'[s.round % ${p.length}]; }` })),
  ...[2, 3].map((k) => ({
    name: `beat-${k}-ago`,
    source: `const B = { R: 'P', P: 'S', S: 'R' };\nexport default function play(s) { return s.round < ${k} ? 'R' : B[s.opponent[s.opponent.length - ${k}]]; }`,
  })),
  {
    name: "lose-last",
    source: "const L = { R: 'S', P: 'R', S: 'P' };\nexport default function play(s) { return s.round === 0 ? 'P' : L[s.opponent[s.opponent.length - 1]]; }",
  },
  {
    name: "win-stay-lose-shift",
    source: `const BEATS = { R: 'S', P: 'R', S: 'P' }; const NEXT = { R: 'P', P: 'S', S: 'R' };
let mine = 'R';
export default function play(s) {
  if (s.round === 0) return (mine = 'RPS'[Math.floor(s.random * 3)]);
  const won = BEATS[s.me[s.me.length - 1]] === s.opponent[s.opponent.length - 1];
  return (mine = won ? mine : NEXT[mine]);
}`,
  },
  ...[10, 25, 50].map((w) => ({
    name: `window-${w}`,
    source: `const B = { R: 'P', P: 'S', S: 'R' };
export default function play(s) {
  const c = { R: 0, P: 0, S: 0 };
  for (let i = Math.max(0, s.opponent.length - ${w}); i < s.opponent.length; i++) c[s.opponent[i]]++;
  const top = c.R >= c.P && c.R >= c.S ? 'R' : c.P >= c.S ? 'P' : 'S';
  return B[top];
}`,
  })),
  ...[1, 2, 3].map((order) => ({
    name: `markov-${order}`,
    source: `const B = { R: 'P', P: 'S', S: 'R' }; const table = new Map(); let key = '';
export default function play(s) {
  const h = s.opponent;
  if (h.length > ${order}) {
    const prev = h.slice(h.length - ${order} - 1, h.length - 1).join('');
    const row = table.get(prev) || { R: 0, P: 0, S: 0 };
    row[h[h.length - 1]]++;
    table.set(prev, row);
  }
  key = h.slice(Math.max(0, h.length - ${order})).join('');
  const row = table.get(key);
  if (!row) return 'RPS'[s.round % 3];
  const top = row.R >= row.P && row.R >= row.S ? 'R' : row.P >= row.S ? 'P' : 'S';
  return B[top];
}`,
  })),
];
while (variants.length < 32) variants.push({ ...variants[variants.length % 8], name: `${variants[variants.length % 8].name}#${variants.length}` });

// trusted code in-process, for the comparison only: the same harness, no engine boundary
const inProcess: BotLoader = async (script, harness) => {
  const round = new Function(`${script}\nreturn (${harness.trim()});`)() as (...args: unknown[]) => unknown;
  let used = 0;
  return {
    ok: true,
    bot: {
      move(r: number, rs: number, random: number | undefined, args: (string | number)[]) {
        const started = performance.now();
        const move = round(r, rs, random, ...args);
        used += performance.now() - started;
        return { ok: true as const, move };
      },
      get timeUsed() {
        return used;
      },
      dispose() {},
    },
  };
};

async function main() {
  const entries = await Promise.all(
    variants.slice(0, 32).map(async (v, i) => {
      const compiled = await compileBot(v.source, "ts");
      if (!compiled.ok) throw new Error(`${v.name}: ${compiled.error}`);
      return { id: String(i), name: v.name, script: compiled.script };
    }),
  );
  const settings = { game: "rps" as const, rounds, matchesPerPair: 1, seed: 42, format: "ROUND_ROBIN" as const };
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const pool = new MatchPool(cores);
  // warm the workers (engine loaded, memory grown) outside the measured run
  await Promise.all(Array.from({ length: cores }, () => pool.run([entries[0].script, entries[1].script], { rounds: 10, seed: 1 })));
  let started = performance.now();
  const sandboxed = await playTournament(entries, settings, (scripts, options) => pool.run(scripts, options));
  const sandboxedMs = performance.now() - started;
  await pool.close();
  const moves = sandboxed.matches.reduce((n, m) => n + m.record.moves[0].length + m.record.moves[1].length, 0);
  const forfeits = sandboxed.matches.reduce((n, m) => n + m.record.forfeits.length, 0);

  started = performance.now();
  const trusted = await playTournament(entries, settings, (scripts, options) => runMatch(scripts, options, inProcess));
  const inProcessMs = performance.now() - started;
  const same =
    JSON.stringify(trusted.standings.map((s) => [s.teamId, s.matchPoints])) === JSON.stringify(sandboxed.standings.map((s) => [s.teamId, s.matchPoints]));

  process.stdout.write(
    JSON.stringify({
      bots: entries.length,
      matches: sandboxed.matches.length,
      rounds,
      cores,
      moves,
      forfeits,
      sandboxedMs,
      inProcessMs,
      sameStandings: same,
      winner: sandboxed.standings[0].name,
    }) + "\n",
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
