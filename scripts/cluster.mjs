// Several Hexathon instances on one PostgreSQL database behind nginx,
// configured by docs/deploy/nginx.conf as it is: what the cluster browser
// tests run, and a way to try it on one machine:
//
//   npm run build && node scripts/cluster.mjs [--instances 2] [--port 3200] [--throwaway]
//
// nginx listens on --port, the instances on the ports after it. Without
// DATABASE_URL (or with --throwaway, as the tests run it), a throw-away
// database is created on the local server of HEXATHON_TEST_PG_URL and dropped
// when the cluster stops; with it, that database is used (seeded with the
// demo if empty). An instance that exits
// is started again, as systemd would (docs/deploy/hexathon@.service), so a
// test can stop or kill one and watch the others carry on. The cluster's
// addresses and processes are written to a state file (stateFile(port)).
//
// Plain Node ESM: it runs scripts/serve.mjs, not the TypeScript sources.
import { execFile, spawn } from "node:child_process";
import { closeSync, mkdtempSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createThrowawayDatabase } from "../tests/helpers/throwaway-pg.mjs";

const root = path.join(import.meta.dirname, "..");
const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";

/** Where a cluster on `port` describes itself: { origin, databaseUrl, instances: [{ port, origin, pid, log }] }. */
export const stateFile = (port) => path.join(os.tmpdir(), `hexathon-cluster-${port}.json`);

/** docs/deploy/nginx.conf with these instances and this port: every other line as documented. */
export function nginxSite(ports, listen) {
  const documented = readFileSync(path.join(root, "docs", "deploy", "nginx.conf"), "utf8");
  // each instance with the parameters the documented servers have (max_fails, fail_timeout)
  const parameters = /^\s*server \S+(.*);$/m.exec(documented)?.[1] ?? "";
  const servers = ports.map((p) => `    server 127.0.0.1:${p}${parameters};`).join("\n");
  const site = documented
    .replace(/(upstream hexathon \{\n(?:\s*#.*\n)*)(?:\s*server .*;\n)+/, `$1${servers}\n`)
    .replace(/^(\s*)listen 80;/m, `$1listen 127.0.0.1:${listen};`);
  if (!site.includes(servers) || !site.includes(`listen 127.0.0.1:${listen};`))
    throw new Error("docs/deploy/nginx.conf no longer has the upstream or the listen line this script fills in");
  return site;
}

const run = (args, env) =>
  new Promise((resolve, reject) =>
    execFile(process.execPath, args, { cwd: root, env, maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${args.join(" ")} failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout),
    ),
  );

async function healthy(origin, timeoutMs, exited) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (exited?.()) throw new Error(`${origin} exited before it was up`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${origin} was not up within ${timeoutMs / 1000} s`);
}

/** Starts the cluster; resolves once nginx and every instance answer /api/health. */
export async function startCluster({ instances: count = 2, port = 3200, throwaway = false, env: extraEnv = {}, log = console.error } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hexathon-cluster-"));
  const given = throwaway ? null : process.env.DATABASE_URL?.trim();
  const database = given ? { url: given, drop: async () => {} } : await createThrowawayDatabase("hexathon_cluster");
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_URL: origin,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "cluster-only-secret-not-for-production",
    ...extraEnv,
  };
  let stopping = false;
  const cluster = { origin, databaseUrl: database.url, dir, instances: [] };

  try {
    log(`cluster: seeding the demo into ${given ? "DATABASE_URL" : database.url}`);
    await run(["--conditions=react-server", "--import", "tsx", "scripts/seed-demo.ts"], env).catch((error) => {
      if (!/already has/.test(error.message)) throw error; // a database in use keeps its data
    });

    for (let i = 0; i < count; i++) {
      const instancePort = port + 1 + i;
      // each instance its own data directory, as on separate machines
      const dataDir = path.join(dir, `instance-${i + 1}`);
      mkdirSync(dataDir, { recursive: true });
      const instance = { port: instancePort, origin: `http://127.0.0.1:${instancePort}`, log: path.join(dir, `instance-${i + 1}.log`), pid: null, starts: 0 };
      instance.start = () => {
        const out = openSync(instance.log, "a");
        const child = spawn(process.execPath, [path.join(root, "scripts/serve.mjs"), "-p", String(instancePort), "-H", "127.0.0.1"], {
          cwd: root,
          env: { ...env, PORT: String(instancePort), HEXATHON_DATA_DIR: dataDir },
          stdio: ["ignore", out, out],
        });
        closeSync(out);
        instance.child = child;
        instance.pid = child.pid;
        instance.starts++;
        instance.exited = false;
        child.on("exit", () => {
          instance.exited = true;
          if (stopping) return;
          // started again, as a service manager would
          setTimeout(() => !stopping && (instance.start(), writeState()), 500);
        });
      };
      instance.start();
      cluster.instances.push(instance);
    }

    const conf = path.join(dir, "nginx.conf");
    writeFileSync(
      path.join(dir, "hexathon.conf"),
      nginxSite(
        cluster.instances.map((i) => i.port),
        port,
      ),
    );
    for (const temp of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, temp), { recursive: true });
    writeFileSync(
      conf,
      [
        "daemon off;",
        "worker_processes 1;",
        `pid ${path.join(dir, "nginx.pid")};`,
        `error_log ${path.join(dir, "nginx-error.log")} warn;`,
        "events { worker_connections 8192; }",
        "http {",
        "  access_log off;",
        ...["body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `  ${t === "body" ? "client_body" : t}_temp_path ${path.join(dir, t)};`),
        `  include ${path.join(dir, "hexathon.conf")};`,
        "}",
      ].join("\n"),
    );
    const nginx = spawn(NGINX, ["-p", dir, "-e", path.join(dir, "nginx-error.log"), "-c", conf], { stdio: ["ignore", "inherit", "inherit"] });
    let nginxExited = false;
    nginx.on("exit", () => (nginxExited = true));
    cluster.nginx = nginx;

    for (const instance of cluster.instances) await healthy(instance.origin, 90_000, () => instance.exited && instance.starts > 3);
    await healthy(origin, 20_000, () => nginxExited);
  } catch (error) {
    stopping = true;
    for (const instance of cluster.instances) {
      instance.child?.kill("SIGKILL");
      try {
        log(`--- ${instance.origin} ---\n${readFileSync(instance.log, "utf8").split("\n").slice(-30).join("\n")}`);
      } catch {
        // no log yet
      }
    }
    cluster.nginx?.kill("SIGKILL");
    await database.drop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  function writeState() {
    const state = {
      origin,
      databaseUrl: database.url,
      instances: cluster.instances.map(({ port: p, origin: o, pid, log: l }) => ({ port: p, origin: o, pid, log: l })),
    };
    writeFileSync(stateFile(port), JSON.stringify(state, null, 2));
  }
  writeState();

  cluster.stop = async () => {
    if (stopping) return;
    stopping = true;
    const exits = cluster.instances.filter((i) => !i.exited).map((i) => new Promise((resolve) => i.child.once("exit", resolve)));
    for (const instance of cluster.instances) instance.child.kill("SIGTERM");
    cluster.nginx.kill("SIGQUIT");
    await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    for (const instance of cluster.instances) if (!instance.exited) instance.child.kill("SIGKILL");
    await database.drop().catch((error) => log(`cluster: could not drop the database: ${error.message}`));
    rmSync(stateFile(port), { force: true });
    rmSync(dir, { recursive: true, force: true });
  };
  return cluster;
}

// ---- command line -----------------------------------------------------------

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const cluster = await startCluster({
    instances: arg("instances", 2),
    port: arg("port", Number(process.env.PORT ?? 3200)),
    throwaway: process.argv.includes("--throwaway"),
  });
  console.log(`cluster: ${cluster.origin} (nginx) → ${cluster.instances.map((i) => i.origin).join(", ")}; Ctrl-C stops it`);
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      void cluster.stop().then(() => process.exit(0));
    });
  }
}
