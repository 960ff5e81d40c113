// The arena section of `npm run bench`: runs bench/arena-run.ts (TypeScript,
// through tsx) in its own process after the server has stopped, so the two
// don't share the cores, and turns its figures into rows.
import { execFile } from "node:child_process";
import path from "node:path";
import { count, perSecond, row } from "./report.mjs";

const root = path.resolve(import.meta.dirname, "..");

export async function arenaSection({ log, quick }) {
  log(`bench: arena, a 32-bot round robin at ${quick ? 200 : 1000} rounds, sandboxed on every core, then in-process on one…`);
  const stdout = await new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      ["--import", "tsx", path.join(root, "bench/arena-run.ts"), ...(quick ? ["--quick"] : [])],
      { cwd: root, timeout: 600_000 },
      (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
    ),
  );
  const r = JSON.parse(stdout.trim().split("\n").at(-1));
  const sandboxedPerSecond = r.moves / (r.sandboxedMs / 1000);
  const perCore = sandboxedPerSecond / r.cores;
  const inProcessPerSecond = r.moves / (r.inProcessMs / 1000);
  const label = `${r.bots} bots, ${r.matches} matches of ${r.rounds} rounds`;
  return [
    row(
      "arena",
      `${label}: wall time on ${r.cores} cores`,
      `${(r.sandboxedMs / 1000).toFixed(1)} s`,
      quick ? "" : "< 20 s",
      quick ? null : r.sandboxedMs < 20_000,
    ),
    // --quick plays 200-round matches, where setting up each match's two engines weighs more: the targets are for the full run
    row("arena", `sandboxed moves (${count(r.moves)} in all), per core`, perSecond(perCore), quick ? "" : "≥ 50,000/s", quick ? null : perCore >= 50_000),
    row("arena", `sandboxed moves, all ${r.cores} cores`, perSecond(sandboxedPerSecond)),
    row("arena", "same bots in-process, no sandbox, one core", perSecond(inProcessPerSecond)),
    row("arena", "what the sandbox costs: time per move, sandboxed ÷ in-process", `${(inProcessPerSecond / perCore).toFixed(1)}×`),
    row("arena", "forfeits among well-behaved bots", String(r.forfeits), "0", r.forfeits === 0),
    row("arena", "same standings sandboxed and in-process", r.sameStandings ? "yes" : "no", "yes", r.sameStandings),
  ];
}
