// Prisma CLI configuration. Prisma 6.19 with the JavaScript schema engine
// (`engine: "js"`) runs entirely from npm packages: no native binary is
// downloaded, which matters offline and in air-gapped company networks.
//
// The CLI works on one provider at a time, chosen by HEXATHON_PRISMA_PROVIDER
// (sqlite by default); scripts/prisma-generate.mjs runs it once per provider.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

const provider = process.env.HEXATHON_PRISMA_PROVIDER === "postgresql" ? "postgresql" : "sqlite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", provider, "schema.prisma"),
  migrations: { path: path.join("prisma", provider, "migrations") },
  async adapter() {
    if (provider === "postgresql") {
      return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" });
    }
    return new PrismaBetterSQLite3({ url: process.env.HEXATHON_SQLITE_FILE ?? "file:./data/hexathon.db" });
  },
});
