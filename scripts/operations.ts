// The operator's commands on a database's whole contents (docs/ops/README.md → Backups):
//
//   npm run backup -- FILE        a consistent snapshot of the database of DATABASE_URL, images included, while it serves
//   npm run restore -- FILE       a backup into an empty database
//   npm run data:export -- FILE   every table as a portable archive, from SQLite or PostgreSQL
//   npm run data:import -- FILE   such an archive into an empty database of either kind
//
// Each says what is wrong in one sentence and exits 1 without writing to the database.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { databaseKind, databaseUrl } from "../lib/platform/config";
import { environmentProblem } from "../lib/platform/environment";
import { ArchiveProblem, backup, dataExport, dataImport, restore } from "../lib/operations/commands";
import type { Manifest } from "../lib/operations/schemas";
import { translate } from "../lib/platform/i18n";

const COMMANDS = { backup, restore, "data:export": dataExport, "data:import": dataImport } as const;
type Command = keyof typeof COMMANDS;

const [command, file, ...rest] = process.argv.slice(2);
const usage = `usage: npm run ${command in COMMANDS ? command : "backup"} -- FILE   (the database is DATABASE_URL's, or data/hexathon.db)`;

function fail(message: string): never {
  console.error(`Hexathon: ${message}`);
  process.exit(1);
}

if (!(command in COMMANDS)) fail(`unknown command "${command ?? ""}": one of ${Object.keys(COMMANDS).join(", ")}.\n${usage}`);
if (!file || rest.length) fail(`name one file.\n${usage}`);
const problem = environmentProblem();
if (problem) fail(problem);

const url = databaseUrl();
const where = databaseKind(url) === "sqlite" ? url.replace(/^file:/, "") : "PostgreSQL";
const version = (JSON.parse(readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as { version: string }).version;

const summary = (manifest: Manifest) => {
  const images = Object.keys(manifest.files).filter((f) => f.startsWith("uploads/")).length;
  const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
  const content = manifest.content === "sqlite-file" ? "SQLite's database file" : `${Object.keys(manifest.tables).length} tables, ${rows} rows`;
  return `${content}${images ? `, ${images} images kept outside the database` : ""}; ${manifest.migrations.length} migrations`;
};

async function main() {
  const started = Date.now();
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  switch (command as Command) {
    case "backup":
    case "data:export": {
      const run = COMMANDS[command as "backup" | "data:export"];
      const { manifest } = await run(url, file, version);
      const verb = command === "backup" ? "backed up" : "exported";
      console.log(`${where}: ${verb} to ${file} (${(statSync(file).size / 1024 / 1024).toFixed(1)} MB: ${summary(manifest)}) in ${seconds()}.`);
      break;
    }
    case "restore":
    case "data:import": {
      const manifest = await COMMANDS[command as "restore" | "data:import"](url, file);
      const verb = command === "restore" ? "restored" : "imported";
      console.log(`${where}: ${verb} ${file} (${manifest.kind} of ${manifest.database}, ${manifest.createdAt}: ${summary(manifest)}) in ${seconds()}.`);
      break;
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof ArchiveProblem) fail(error.message);
    console.error(error);
    fail(`${command} failed: ${translate((error as Error).message)}`);
  },
);
