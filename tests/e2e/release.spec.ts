// The release archive (npm run release) as an operator deploys it: unpacked
// into an empty directory outside the source tree and run with `node` alone
// (the source's node_modules is out of reach from there), against a fresh
// database, then the demo; a tournament plays in the bundled sandbox worker,
// and a backup taken while it serves restores elsewhere.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import * as tar from "tar";
import { expect, test } from "./test";
import { signIn } from "./helpers";

const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;

test("the release archive runs with node alone: a fresh database, the demo, a tournament, a backup", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const port = Number(new URL(baseURL!).port) + 30;
  const origin = `http://127.0.0.1:${port}`;
  // packs the build `npm test` just made (`next build` before the browser tests)
  execFileSync(process.execPath, ["scripts/release.mjs", "--no-build"], { stdio: "ignore" });
  const archive = path.join("dist", `hexathon-${version}.tar.gz`);
  const place = mkdtempSync(path.join(os.tmpdir(), "hexathon-release-"));
  let server: ChildProcess | null = null;
  try {
    await tar.x({ file: archive, cwd: place });
    const home = path.join(place, `hexathon-${version}`);
    const bin = path.join(home, "bin", "hexathon");
    // what it holds, and what it mustn't: a checkout's data (its session key), the sources, dev dependencies
    for (const entry of ["bin/hexathon", "scripts/serve.mjs", ".next/BUILD_ID", ".next/static", "prisma/postgresql/migrations", "public"])
      expect(existsSync(path.join(home, entry)), entry).toBe(true);
    for (const entry of [
      "data",
      "app",
      "tsconfig.json",
      "tests",
      "node_modules/typescript",
      "node_modules/vitest",
      "node_modules/@playwright",
      "node_modules/tsx",
    ])
      expect(existsSync(path.join(home, entry)), entry).toBe(false);

    const data = path.join(place, "data");
    const env = {
      PATH: process.env.PATH,
      HOME: place,
      HEXATHON_DATA_DIR: data,
      NEXTAUTH_URL: origin,
      NEXTAUTH_SECRET: "release-test-secret-not-for-production",
      METRICS_TOKEN: "release-test-metrics-token",
      LOG_FORMAT: "json",
    } as unknown as NodeJS.ProcessEnv;
    // from an unrelated working directory, as a service would
    const hexathon = (args: string[], extra: Record<string, string> = {}) =>
      spawnSync(bin, args, { cwd: place, env: { ...env, ...extra } as NodeJS.ProcessEnv, encoding: "utf8", timeout: 120_000 });
    const start = async () => {
      let output = "";
      const child = spawn(bin, ["start", "-p", String(port), "-H", "127.0.0.1"], { cwd: place, env, stdio: "pipe" });
      child.stdout.on("data", (chunk: Buffer) => (output += chunk));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk));
      for (let waited = 0; ; waited += 250) {
        const ready = await fetch(`${origin}/api/ready`).then(
          (r) => r.status === 200,
          () => false,
        );
        if (ready) break;
        if (child.exitCode !== null || waited > 60_000) throw new Error(`bin/hexathon start didn't get ready:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return { child, output: () => output };
    };
    const stop = async (child: ChildProcess) => {
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      expect(await exited).toBe(143);
    };

    expect(hexathon(["help"]).stdout).toContain("seed-demo [--reset]");
    const wrong = hexathon(["start"], { PORT: "eighty" });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('Hexathon cannot start: PORT must be a whole number from 0 to 65535 (it is "eighty").');

    // a fresh database: migrated on start, and the one-time setup
    let running = await start();
    server = running.child;
    expect(running.output()).toMatch(/database: applied 2026\d+_init/);
    const home1 = await fetch(`${origin}/`, { redirect: "manual" });
    expect([200, 307]).toContain(home1.status);
    expect(home1.headers.get("x-request-id")).toBeTruthy();
    expect((await fetch(`${origin}/setup`)).status).toBe(200);
    await stop(server);
    server = null;

    // the demo, into that empty database
    const seeded = hexathon(["seed-demo"]);
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(seeded.stdout).toContain("organizer@demo.test");
    running = await start();
    server = running.child;
    const articles = await (await fetch(`${origin}/articles`)).text();
    expect(articles.includes("One schema, three languages"), "the demo's articles are listed").toBe(true);
    expect((await fetch(`${origin}/metrics`, { headers: { Authorization: "Bearer release-test-metrics-token" } })).status).toBe(200);

    // a tournament played by the bundled sandbox worker
    const db = new Database(path.join(data, "hexathon.db"), { readonly: true });
    const challenge = db.prepare(`SELECT "id" FROM "Challenge" WHERE "kind" = 'TOURNAMENT' AND "game" = 'rps'`).get() as { id: string };
    db.close();
    const context = await browser.newContext({ baseURL: origin });
    const page = await context.newPage();
    await signIn(page, "organizer@demo.test");
    const started = await page.request.post(`/api/challenges/${challenge.id}/tournament`, { data: { seed: 3 } });
    expect(started.status(), await started.text()).toBe(202);
    await expect
      .poll(
        async () =>
          ((await (await page.request.get(`/api/challenges/${challenge.id}/tournament`)).json()) as { tournament?: { status: string } }).tournament?.status,
        {
          timeout: 60_000,
        },
      )
      .toBe("DONE");

    // a backup while it serves, restored into another, empty data directory
    const backup = path.join(place, "backup.tar.gz");
    const backedUp = hexathon(["backup", backup]);
    expect(backedUp.status, backedUp.stderr).toBe(0);
    const restored = hexathon(["restore", backup], { HEXATHON_DATA_DIR: path.join(place, "elsewhere") });
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/restored .*backup of sqlite/);
    const copy = new Database(path.join(place, "elsewhere", "hexathon.db"), { readonly: true });
    expect((copy.prepare(`SELECT count(*) AS n FROM "TournamentMatch" WHERE "status" = 'DONE'`).get() as { n: number }).n).toBeGreaterThan(0);
    copy.close();
    await stop(server);
    server = null;
    expect(readdirSync(place)).toEqual(expect.arrayContaining([`hexathon-${version}`, "data", "elsewhere"]));
  } finally {
    server?.kill("SIGKILL");
    rmSync(place, { recursive: true, force: true });
    rmSync(archive, { force: true });
  }
});
