// npm run arena -- --game rps --rounds 1000 --seed 42 [--per-pair 3] [--format swiss] [--json] bot1.js bot2.js …
//
// Runs a tournament offline on bot files, with the server's engine (the same
// sandbox, worker pool, schedule and standings): teams test their bots
// locally, and organizers can check a server tournament's standings (the
// server orders the bots by team name: give the files in that order). The
// engine's words (a game's name, a compile error, a forfeit's reason) are
// lib's messages: printed in English.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { compileBot } from "../lib/arena/engine/compile";
import { GAME_IDS, getGame, isGameId } from "../lib/arena/engine/games";
import { playTournament } from "../lib/arena/engine/offline";
import { MatchPool } from "../lib/arena/engine/pool";
import type { TournamentFormat } from "../lib/arena/engine/schedule";
import { translate } from "../lib/platform/i18n";

const USAGE = `usage: npm run arena -- [--game ${GAME_IDS.join("|")}] [--rounds N] [--seed N] [--per-pair N] [--format round-robin|swiss] [--swiss-rounds N] [--json] bot1.js bot2.js …`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function integer(value: string | undefined, name: string, min: number, max: number, fallback: number) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) fail(`--${name} must be a whole number from ${min} to ${max}.\n${USAGE}`);
  return n;
}

function progressBar(done: number, total: number, startedAt: number) {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  const elapsed = Date.now() - startedAt;
  const left = done > 0 && done < total ? ` · about ${Math.ceil(((elapsed / done) * (total - done)) / 1000)} s left` : "";
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} matches${left}`;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      game: { type: "string", default: "rps" },
      rounds: { type: "string" },
      seed: { type: "string" },
      "per-pair": { type: "string" },
      format: { type: "string", default: "round-robin" },
      "swiss-rounds": { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!isGameId(values.game)) fail(`Unknown game "${values.game}": pick one of ${GAME_IDS.join(", ")}.`);
  const game = getGame(values.game);
  if (positionals.length < 2) fail(`A tournament needs at least two bot files.\n${USAGE}`);
  const formats: Record<string, TournamentFormat> = { "round-robin": "ROUND_ROBIN", swiss: "SWISS" };
  const format = formats[values.format] ?? fail(`--format is round-robin or swiss.\n${USAGE}`);
  const settings = {
    game: game.id,
    rounds: integer(values.rounds, "rounds", 1, game.maxRounds, game.defaultRounds),
    seed: integer(values.seed, "seed", 0, 2 ** 31, Math.floor(Math.random() * 2 ** 31)),
    matchesPerPair: integer(values["per-pair"], "per-pair", 1, 9, 3),
    format,
    ...(values["swiss-rounds"] ? { swissRounds: integer(values["swiss-rounds"], "swiss-rounds", 1, 30, 1) } : {}),
  };

  const entries = await Promise.all(
    positionals.map(async (file, i) => {
      const source = await readFile(file, "utf8").catch((error: Error) => fail(`${file}: ${error.message}`, 1));
      const compiled = await compileBot(source, /\.(c|m)?ts$/.test(file) ? "ts" : "js");
      if (!compiled.ok) fail(`${file}: ${translate(compiled.error, "en")}`, 1);
      return { id: String(i), name: path.basename(file), script: compiled.script };
    }),
  );

  const pool = new MatchPool();
  const startedAt = Date.now();
  const tty = process.stderr.isTTY;
  let lastTenth = -1;
  try {
    const result = await playTournament(
      entries,
      settings,
      (scripts, options) => pool.run(scripts, options),
      (done, total) => {
        if (tty) process.stderr.write(`\r${progressBar(done, total, startedAt)}`);
        else if (Math.floor((done / total) * 10) > lastTenth) {
          lastTenth = Math.floor((done / total) * 10);
          process.stderr.write(`${progressBar(done, total, startedAt)}\n`);
        }
      },
    );
    if (tty) process.stderr.write("\n");
    process.stderr.write(
      `${translate(game.name, "en")}, ${settings.rounds} ${game.roundNoun}s a match, seed ${settings.seed}: ${result.matches.length} matches in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`,
    );
    const rows = result.standings.map((s) => ({
      bot: s.name,
      rank: s.place,
      points: s.matchPoints,
      wins: s.won,
      draws: s.drawn,
      losses: s.lost,
      forfeits: s.forfeits,
    }));
    if (values.json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    const table = [["#", "bot", "points", "won", "drawn", "lost", "forfeits", `${game.roundNoun}s won`]].concat(
      result.standings.map((s) => [s.place, s.name, s.matchPoints, s.won, s.drawn, s.lost, s.forfeits, s.roundsWon].map(String)),
    );
    const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
    for (const row of table) process.stdout.write(`${row.map((cell, c) => (c === 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ")}\n`);
    const forfeits = result.matches.flatMap((m) => [
      ...(m.forfeitA ? [`${entries[Number(m.teamAId)].name} against ${entries[Number(m.teamBId)].name}: ${translate(m.forfeitA, "en")}`] : []),
      ...(m.forfeitB ? [`${entries[Number(m.teamBId)].name} against ${entries[Number(m.teamAId)].name}: ${translate(m.forfeitB, "en")}`] : []),
    ]);
    if (forfeits.length) process.stdout.write(`\nForfeits:\n${forfeits.map((f) => `  ${f}`).join("\n")}\n`);
  } finally {
    await pool.close();
  }
}

main().catch((error: Error) => fail(error.stack ?? error.message, 1));
