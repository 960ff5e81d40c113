// The server the browser tests run against: the production build (`next
// build` ran before), on a throw-away SQLite database with the demo data.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.join(import.meta.dirname, "..");
const port = process.env.PORT ?? "3100";
const dir = mkdtempSync(path.join(os.tmpdir(), "hexathon-e2e-"));
const env = {
  ...process.env,
  DATABASE_URL: `file:${path.join(dir, "e2e.db")}`,
  HEXATHON_DATA_DIR: dir,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXTAUTH_SECRET: "e2e-only-secret-not-for-production",
};
execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed-demo.ts"], { cwd: root, env, stdio: "inherit" });
const server = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", port, "-H", "127.0.0.1"], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
