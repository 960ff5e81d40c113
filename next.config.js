// A self-hosted tool inside a company's network phones nobody: Next.js's telemetry is off
// (read after this file is loaded, by build, start and dev alike).
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM-backed server packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "@node-rs/argon2", "esbuild", "quickjs-emscripten", "tsx", "sharp"],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // the public pages' data cache (app/_lib/public-data.ts) lives in memory: its entries are keyed per
    // server process, so writing them to .next/cache would only pile up files no restart reads again
    isrFlushToDisk: false,
  },
};

module.exports = nextConfig;
