// Writes one Prisma schema per provider from prisma/schema.template.prisma and
// generates a client for each under lib/generated/<provider>/.
// Runs after `npm install` (postinstall) and before builds and tests.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const PROVIDERS = {
  // The URL here is only what the CLI needs to parse the schema; the app
  // connects through a driver adapter built from DATABASE_URL (lib/platform/db.ts).
  sqlite: "file:../../data/hexathon.db",
  postgresql: "postgresql://localhost:5432/hexathon",
};

export function writeSchemas() {
  const template = readFileSync(join(root, "prisma/schema.template.prisma"), "utf8");
  const paths = [];
  for (const [provider, url] of Object.entries(PROVIDERS)) {
    const out = join(root, "prisma", provider, "schema.prisma");
    mkdirSync(dirname(out), { recursive: true });
    const header = `// GENERATED from prisma/schema.template.prisma by scripts/prisma-generate.mjs: do not edit.\n`;
    writeFileSync(out, header + template.replaceAll("__PROVIDER__", provider).replaceAll("__URL__", url));
    paths.push(out);
  }
  return paths;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeSchemas();
  for (const provider of Object.keys(PROVIDERS)) {
    execFileSync(join(root, "node_modules/.bin/prisma"), ["generate", "--no-hints"], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, HEXATHON_PRISMA_PROVIDER: provider, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  }
  console.log("prisma: schemas written and clients generated for", Object.keys(PROVIDERS).join(", "));
}
