// Browser tests in Debian's Chromium (never a downloaded browser) against the
// production build, served by scripts/e2e-server.mjs on a fresh SQLite
// database loaded with the demo data.
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// a second server for the fresh-install scenario (port + 1 is the test SSO provider)
const FRESH_PORT = PORT + 2;
// a third whose database is unreachable
const DOWN_PORT = PORT + 4;
// nginx in front of two instances on a throw-away PostgreSQL database (the two ports after it)
const CLUSTER_PORT = PORT + 20;
// Debian's headless shell (the chromium-headless-shell package, the same build
// as its chromium) when installed: the lighter browser Playwright itself uses
// for headless runs, a quarter quicker here than the full browser.
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium"),
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  // the scenarios share one database and build on each other's data: run them one at a time
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: chromium,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromium }, testIgnore: /(phone|fresh-install|unavailable|cluster)\.spec/ },
    {
      name: "fresh-install",
      use: { ...devices["Desktop Chrome"], launchOptions: chromium, baseURL: `http://127.0.0.1:${FRESH_PORT}` },
      testMatch: /fresh-install\.spec/,
    },
    {
      name: "db-down",
      use: { ...devices["Desktop Chrome"], launchOptions: chromium, baseURL: `http://127.0.0.1:${DOWN_PORT}` },
      testMatch: /unavailable\.spec/,
    },
    {
      name: "cluster",
      use: { ...devices["Desktop Chrome"], launchOptions: chromium, baseURL: `http://127.0.0.1:${CLUSTER_PORT}` },
      testMatch: /cluster\.spec/,
    },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions: chromium }, testMatch: /(phone|a11y|articles|insights)\.spec/ },
  ],
  webServer: [
    {
      command: `node scripts/e2e-server.mjs`,
      url: `http://127.0.0.1:${PORT}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: { PORT: String(PORT) },
    },
    {
      command: `node scripts/e2e-server.mjs --empty`,
      url: `http://127.0.0.1:${FRESH_PORT}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: { PORT: String(FRESH_PORT) },
    },
    {
      command: `node scripts/e2e-server.mjs --db-down`,
      // the health check answers 503 here, by design: ready once a file that needs no database is served
      url: `http://127.0.0.1:${DOWN_PORT}/favicon.ico`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: { PORT: String(DOWN_PORT) },
    },
    {
      command: `node scripts/cluster.mjs --port ${CLUSTER_PORT} --throwaway`,
      url: `http://127.0.0.1:${CLUSTER_PORT}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      // the cluster stops its instances and drops its database
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    },
  ],
});
