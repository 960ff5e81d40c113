// Starts and stops the production server the bench measures: the existing
// `next build` output (.next/) served by `next start`, on a throw-away SQLite
// database seeded with the demo — the same recipe as scripts/e2e-server.mjs,
// without the OpenID Connect provider (the bench signs in with a password).
//
// The server runs in its own process group (detached) so that stopping it
// also stops anything it spawned, and so a Ctrl-C in the terminal reaches
// the bench first, which then shuts the server down and removes the temp dir.
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, readdirSync, rmSync, closeSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { request, sleep } from "./load.mjs";

const root = path.join(import.meta.dirname, "..");

/** Resolves true when nothing listens on host:port (so `next start` can take it). */
function portFree(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** The first free port from `preferred` on (another engineer may be running the e2e server or a second bench). */
export async function freePort(preferred) {
  for (let port = preferred; port < preferred + 50; port++) if (await portFree(port)) return port;
  throw new Error(`no free port in ${preferred}..${preferred + 49}`);
}

/** pid → parent pid for every process, read from /proc (Linux): to find what the server spawned. */
function processTree(rootPid) {
  const parentOf = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // the command name may contain spaces and parentheses: the fields after the last ")" are fixed
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parentOf) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

/** Resident memory (bytes) of a process, from /proc/<pid>/status VmRSS; 0 if it is gone. */
function rssOf(pid) {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The environment of a fresh install: none of the caller's HEXATHON_*, DATABASE_URL or NEXTAUTH_* settings leak in (an SSO issuer, an email-domain allowlist…). */
function cleanEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith("HEXATHON_") || key.startsWith("NEXTAUTH_") || key === "DATABASE_URL" || key === "PORT") continue;
    env[key] = value;
  }
  return env;
}

/**
 * Seeds a temp database and starts `next start` on it; resolves once
 * GET /api/health answers 200. `probePort`: preload bench/probe.mjs into the
 * server (see there) and have it listen on that port.
 */
export async function startServer({ port: preferred = 3400, probePort = null, startTimeoutMs = 90_000, log = console.error } = {}) {
  const port = await freePort(preferred);
  const origin = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), "hexathon-bench-"));
  const env = {
    ...cleanEnv(),
    DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
    HEXATHON_DATA_DIR: dir,
    NEXTAUTH_URL: origin,
    NEXTAUTH_SECRET: "bench-only-secret-not-for-production",
    // the bench's 2,000 phones all come from 127.0.0.1, one client network, which the
    // default limit on new voter cards (1,000 at once, README → Configuration) would hold back
    HEXATHON_VOTER_IDS_BURST: "10000",
    HEXATHON_VOTER_IDS_PER_MINUTE: "10000",
  };
  const handle = { origin, port, dir, pid: null, child: null, logFile: path.join(dir, "server.log") };
  handle.stop = () => stopServer(handle);
  handle.stopSync = () => stopServerSync(handle);
  handle.rss = () => processTree(handle.pid).reduce((sum, pid) => sum + rssOf(pid), 0);
  handle.pids = () => processTree(handle.pid);
  handle.logTail = (lines = 30) => {
    try {
      return readFileSync(handle.logFile, "utf8").split("\n").slice(-lines).join("\n");
    } catch {
      return "";
    }
  };
  current = handle;

  log(`bench: seeding the demo into ${dir}`);
  const seeded = Date.now();
  await new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/seed-demo.ts"],
      { cwd: root, env, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => (error ? reject(new Error(`seeding the demo failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve()),
    );
  });
  log(`bench: seeded in ${Date.now() - seeded} ms; starting next start on ${origin}`);

  const serverEnv = { ...env };
  if (probePort) {
    serverEnv.HEXATHON_BENCH_PROBE_PORT = String(probePort);
    serverEnv.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --import "${pathToFileURL(path.join(import.meta.dirname, "probe.mjs")).href}"`.trim();
  }
  // the server's output goes to a file in the temp dir: 1,000s of requests must not flood the bench's table; shown on failure
  const out = openSync(handle.logFile, "a");
  // node runs the server script directly (no shell or npm in between), so the pid we hold is the server's own
  const child = spawn(process.execPath, [path.join(root, "scripts/serve.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: serverEnv,
    stdio: ["ignore", out, out],
    detached: true,
  });
  closeSync(out);
  handle.child = child;
  handle.pid = child.pid;
  let exited = null;
  child.on("exit", (code, signal) => (exited = { code, signal }));

  const started = Date.now();
  while (Date.now() - started < startTimeoutMs) {
    if (exited) throw new Error(`next start exited (${exited.code ?? exited.signal}) before answering:\n${handle.logTail()}`);
    try {
      const res = await request(origin, { path: "/api/health", timeoutMs: 2_000 });
      if (res.status === 200) {
        log(`bench: server up in ${Date.now() - started} ms (pid ${handle.pid})`);
        return handle;
      }
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`next start did not answer /api/health within ${startTimeoutMs / 1000} s:\n${handle.logTail()}`);
}

let current = null;
/** The server started last (for the exit handlers). */
export const currentServer = () => current;

function signalGroup(handle, signal) {
  if (!handle.pid) return;
  try {
    process.kill(-handle.pid, signal); // the whole group: next and anything it spawned
  } catch {
    try {
      process.kill(handle.pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Idempotent, and every caller (the normal end, a Ctrl-C racing it) waits for the same, complete stop. */
function stopServer(handle) {
  handle.stopping ??= stopAndClean(handle);
  return handle.stopping;
}

async function stopAndClean(handle) {
  if (handle.child && handle.child.exitCode === null && handle.child.signalCode === null) {
    const gone = new Promise((resolve) => handle.child.once("exit", resolve));
    signalGroup(handle, "SIGTERM");
    const timer = setTimeout(() => signalGroup(handle, "SIGKILL"), 5_000);
    await gone;
    clearTimeout(timer);
  }
  rmSync(handle.dir, { recursive: true, force: true });
}

/** For process "exit": no awaiting possible there, so straight to SIGKILL. */
function stopServerSync(handle) {
  if (handle.child && handle.child.exitCode === null && handle.child.signalCode === null) signalGroup(handle, "SIGKILL");
  rmSync(handle.dir, { recursive: true, force: true }); // harmless when already removed
}
