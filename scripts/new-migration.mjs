// npm run db:new-migration -- <name>
//
// Writes the SQL of a new migration for every provider, from the difference
// between the schema the last migration produced (prisma/<provider>/schema.migrated.prisma)
// and the current prisma/schema.template.prisma. Prisma writes the SQL
// (`migrate diff --script`, offline); lib/platform/migrate.ts applies it on start.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROVIDERS, writeSchemas } from "./prisma-generate.mjs";

const root = join(import.meta.dirname, "..");
const name = (process.argv[2] ?? "")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("usage: npm run db:new-migration -- <name>");
  process.exit(2);
}
writeSchemas();
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
let wrote = 0;
for (const provider of Object.keys(PROVIDERS)) {
  const dir = join(root, "prisma", provider);
  const snapshot = join(dir, "schema.migrated.prisma");
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const sql = execFileSync(
    join(root, "node_modules/.bin/prisma"),
    ["migrate", "diff", ...from, "--to-schema-datamodel", join(dir, "schema.prisma"), "--script"],
    {
      cwd: root,
      encoding: "utf8", // an in-memory SQLite database: the diff needs a connection, not a file (data/ may not exist yet)
      env: { ...process.env, HEXATHON_PRISMA_PROVIDER: provider, HEXATHON_SQLITE_FILE: ":memory:" },
    },
  );
  if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE|PRAGMA)\b/.test(sql)) {
    console.log(`${provider}: no change`);
    continue;
  }
  const out = join(dir, "migrations", `${stamp}_${name}`);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "migration.sql"), sql);
  copyFileSync(join(dir, "schema.prisma"), snapshot);
  console.log(`${provider}: wrote ${out}/migration.sql`);
  wrote++;
}
process.exit(wrote ? 0 : 0);
