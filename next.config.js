// A self-hosted tool inside a company's network phones nobody: Next.js's telemetry is off
// (read after this file is loaded, by build, start and dev alike).
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

// The languages are the files of messages/: lib/generated/locales.ts lists them (scripts/locales.mjs),
// so that a new messages file is all a new language needs, for dev and build alike. A release has no
// messages/ (its build holds them).
{
  /* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, loaded before any module of the app */
  const script = require("node:path").join(__dirname, "scripts", "locales.mjs");
  if (require("node:fs").existsSync(script)) require("node:child_process").execFileSync(process.execPath, [script], { stdio: "inherit" });
  /* eslint-enable @typescript-eslint/no-require-imports */
}

// next/constants' PHASE_PRODUCTION_BUILD
const PHASE_PRODUCTION_BUILD = "phase-production-build";

// Headers for every response, stored pages and uploads included. The
// Content-Security-Policy is proxy.ts's (it carries a nonce per request); a
// second policy here would be intersected with it.
const securityHeaders = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // the projector uses fullscreen and the screen wake lock: not listed, so allowed for this site
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
];

// next-intl: the messages of the page's language for server components (app/_lib/i18n.ts)
// (this file is CommonJS: Next.js loads it before any TypeScript or ES module of the app)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const withNextIntl = require("next-intl/plugin")("./app/_lib/i18n.ts");

/** @type {(phase: string) => import('next').NextConfig} */
module.exports = (phase) =>
  withNextIntl({
    // Native and WASM-backed server packages are loaded by Node at run time, not bundled.
    serverExternalPackages: [
      "better-sqlite3",
      "@prisma/adapter-better-sqlite3",
      "@prisma/adapter-pg",
      "pg",
      "@node-rs/argon2",
      "esbuild",
      "quickjs-emscripten",
      "tsx",
      "sharp",
      // one registry per process, shared with scripts/serve.mjs through globalThis (lib/platform/metrics.ts)
      "prom-client",
    ],
    // the release archive (npm run release) is built on the standalone server: the build's own files and only
    // the node_modules they use, no source tree and no dev dependencies (scripts/release.mjs adds the rest)
    output: "standalone",
    poweredByHeader: false,
    reactStrictMode: true,
    async headers() {
      return [{ source: "/:path*", headers: securityHeaders }];
    },
    // The public pages' data cache (app/_lib/public-data.ts) lives in memory: its entries are keyed per
    // server process, so writing them to .next/cache would only pile up files no restart reads again.
    // A setting of the server, not of the build (which would list it among "experiments" as if it failed).
    ...(phase !== PHASE_PRODUCTION_BUILD && { experimental: { isrFlushToDisk: false } }),
  });
