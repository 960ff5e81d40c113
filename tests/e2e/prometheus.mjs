// A real Prometheus server (Debian's prometheus package) that scrapes
// Hexathon's /metrics with the bearer token every second: what an operator
// runs, standing in for theirs in the browser tests.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * @param {{ port: number; targets: string[]; token: string }} options the port it listens on, the host:port of each instance
 * @returns {Promise<{ url: string; query: (expr: string) => Promise<{ status: string; error?: string; data?: { result: { metric: Record<string, string>; value: [number, string] }[] } }>; close: () => Promise<void> }>}
 */
export async function startPrometheus({ port, targets, token }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hexathon-prometheus-"));
  const tokenFile = path.join(dir, "token");
  writeFileSync(tokenFile, token, { mode: 0o600 });
  const config = [
    "global:",
    "  scrape_interval: 1s",
    "  evaluation_interval: 1s",
    "scrape_configs:",
    "  - job_name: hexathon",
    "    metrics_path: /metrics",
    "    authorization:",
    "      type: Bearer",
    `      credentials_file: ${tokenFile}`,
    "    static_configs:",
    `      - targets: [${targets.map((t) => JSON.stringify(t)).join(", ")}]`,
    "",
  ].join("\n");
  writeFileSync(path.join(dir, "prometheus.yml"), config);
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(
    "prometheus",
    [`--config.file=${path.join(dir, "prometheus.yml")}`, `--storage.tsdb.path=${path.join(dir, "data")}`, `--web.listen-address=127.0.0.1:${port}`],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let output = "";
  server.stderr.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
  const exited = new Promise((resolve) => server.once("exit", resolve));
  for (let waited = 0; ; waited += 200) {
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (server.exitCode !== null || waited > 20_000) throw new Error(`Prometheus didn't start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    query: async (expr) => (await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`)).json(),
    close: async () => {
      server.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
