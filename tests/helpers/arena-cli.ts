// Runs the arena's command line (`npm run arena`) as a newcomer would, on
// bot files written to a temporary folder.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export type CliRow = { bot: string; rank: number; points: number; wins: number; draws: number; losses: number; forfeits: number };

export async function runArenaCli(bots: { file: string; source: string }[], args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "hexathon-arena-"));
  try {
    for (const bot of bots) await writeFile(path.join(dir, bot.file), bot.source);
    return await new Promise((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", path.join(root, "scripts/arena.ts"), ...args, ...bots.map((b) => path.join(dir, b.file))],
        { cwd: root, timeout: 120_000 },
        (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
