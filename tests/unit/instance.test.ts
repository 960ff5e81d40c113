// An instance refuses to start where it would break others: without a shared
// session key on PostgreSQL, or beside another server on one SQLite file.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { claimSqliteFile, deploymentProblem } from "@/lib/platform/instance";

const dir = mkdtempSync(path.join(os.tmpdir(), "hexathon-instance-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the deployment", () => {
  it("needs one NEXTAUTH_SECRET on PostgreSQL, and says why", () => {
    expect(deploymentProblem({ DATABASE_URL: "postgresql://app@db/hexathon" })).toMatch(/^NEXTAUTH_SECRET is not set\. .* another instance\./);
    expect(deploymentProblem({ DATABASE_URL: "postgres://app@db/hexathon", NEXTAUTH_SECRET: "  " })).not.toBeNull();
    expect(deploymentProblem({ DATABASE_URL: "postgresql://app@db/hexathon", NEXTAUTH_SECRET: "shared-by-every-instance" })).toBeNull();
    // SQLite, the embedded mode, keeps its key in the data directory
    expect(deploymentProblem({ DATABASE_URL: "file:./data/x.db" })).toBeNull();
    expect(deploymentProblem({})).toBeNull();
  });
});

describe("one server per SQLite file", () => {
  it("refuses a second claim while the first holds, and allows one once it is released", () => {
    const file = path.join(dir, "a.db");
    const first = claimSqliteFile(file);
    expect(() => claimSqliteFile(file)).toThrow(`Another Hexathon server is already running on ${file}.`);
    expect(() => claimSqliteFile(path.join(dir, "b.db")).release()).not.toThrow(); // another file is another server's
    first.release();
    claimSqliteFile(file).release();
  });

  it("is refused while another process holds the file, and free as soon as that process dies, however it dies", async () => {
    const file = path.join(dir, "c.db");
    const holder = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        // tsx loads the module as CommonJS: its exports may come as the default export
        `import(${JSON.stringify(path.resolve("lib/platform/instance.ts"))}).then((m) => { (m.claimSqliteFile ?? m.default.claimSqliteFile)(${JSON.stringify(file)}); console.log("held"); setInterval(() => {}, 1000); })`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("held") && resolve());
      holder.on("exit", (code) => reject(new Error(`the holder exited early (${code})`)));
    });
    expect(() => claimSqliteFile(file)).toThrow(/already running/);
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.on("exit", resolve));
    claimSqliteFile(file).release();
  }, 20_000);
});
