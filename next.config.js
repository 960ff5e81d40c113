/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM-backed server packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "@node-rs/argon2", "esbuild", "quickjs-emscripten", "tsx", "sharp"],
  poweredByHeader: false,
  reactStrictMode: true,
};

module.exports = nextConfig;
