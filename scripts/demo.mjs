// `npm run demo`: Hexathon with a fresh demo database, in one command.
//
// 1. recreates data/demo.db and seeds it (scripts/seed-demo.ts), so every run
//    starts from the same story, with 0x09 live around the current time;
// 2. builds the app if the build is missing or older than the sources
//    (HEXATHON_REBUILD=1 forces it); after the seed, so that a build which
//    renders pages finds a real database;
// 3. serves it with scripts/serve.mjs (as `npm start` does) on PORT (default 3000).
//
// Plain Node ESM on purpose: it has to run before anything is compiled.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.PORT || "3000";
const demoDb = path.join(root, "data", "demo.db");
// next's own entry point run by this very node: works where npx or .bin shims don't (Windows, PATH quirks)
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

// HEXATHON_DATA_DIR is left as it is: only the database is the demo's own
const env = { ...process.env, DATABASE_URL: `file:${demoDb}`, PORT: port };

// ---- children and signals ---------------------------------------------------

let child = null;
let stopping = false;

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopping = true;
    // a Ctrl-C in a terminal reaches the child too; forwarding covers `kill <pid>` and process managers
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
    else process.exit(128 + os.constants.signals[signal]);
  });
}

/** Runs node with `args` in the project root; resolves with the exit code and, if piped, stdout. */
function run(args, stdio = "inherit") {
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, args, { cwd: root, env, stdio });
    let stdout = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      child = null;
      resolve({ code: code ?? 128 + (os.constants.signals[signal] ?? 0), stdout });
    });
  });
}

function exitIfFailed(code, what) {
  if (stopping) process.exit(code || 130);
  if (code !== 0) {
    console.error(`\nThe demo could not start: ${what} failed (exit code ${code}).`);
    process.exit(code);
  }
}

// ---- build freshness ----------------------------------------------------------

/** The newest modification time under `dir`, skipping generated code. */
function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (full === path.join(root, "lib", "generated")) continue;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale() {
  if (process.env.HEXATHON_REBUILD === "1") return "HEXATHON_REBUILD=1";
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no build yet";
  const configs = ["next.config.js", "next.config.mjs", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package.json"]
    .map((f) => path.join(root, f))
    .filter((f) => existsSync(f));
  const newest = Math.max(...["app", "components", "lib", "messages"].map((d) => newestMtime(path.join(root, d))), ...configs.map((f) => statSync(f).mtimeMs));
  return statSync(buildId).mtimeMs < newest ? "the sources changed since the last build" : null;
}

// ---- the steps ----------------------------------------------------------------

if (process.env.DATABASE_URL) {
  console.log(`(DATABASE_URL is ignored: the demo always uses its own ${path.relative(root, demoDb)})`);
}

mkdirSync(path.dirname(demoDb), { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(demoDb + suffix, { force: true });

console.log(`Seeding a fresh demo database (${path.relative(root, demoDb)})…`);
const seed = await run(["--conditions=react-server", "--import", "tsx", path.join("scripts", "seed-demo.ts"), "--json"], ["ignore", "pipe", "inherit"]);
exitIfFailed(seed.code, "seeding the demo database");
const summary = JSON.parse(seed.stdout.trim().split("\n").pop());

const stale = buildIsStale();
if (stale) {
  console.log(`Building the app (${stale}); this takes a few minutes…`);
  exitIfFailed((await run([nextBin, "build"])).code, "`next build`");
}

const width = Math.max(...summary.accounts.map((a) => a.email.length));
console.log(
  `\nHexathon demo on http://localhost:${port} — accounts (password ${summary.password}):\n` +
    summary.accounts.map((a) => `  ${a.email.padEnd(width)}  ${a.role.toLowerCase().padEnd(9)}  ${a.note}`).join("\n") +
    `\nThe demo data is reset on every \`npm run demo\`. Ctrl-C stops the server.\n`,
);

const server = await run([path.join("scripts", "serve.mjs"), "-p", port]);
// stopped on purpose is a normal end, not a failure for npm to report
process.exit(stopping ? 0 : server.code);
