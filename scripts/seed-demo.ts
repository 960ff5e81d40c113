// Migrates the database at DATABASE_URL (default: the SQLite file under data/)
// and fills it with the demo, without serving. Used by `npm run demo`
// (scripts/demo.mjs), which starts from a fresh data/demo.db each time; for
// any other database, e.g. the PostgreSQL that several instances share:
//
//   DATABASE_URL=postgresql://… npm run demo:seed [-- --reset]
//
// It seeds only an empty database; --reset wipes Hexathon's data first.
// --json prints only the summary as JSON on stdout (for scripts/demo.mjs);
// everything else then goes to stderr.
import { databaseKind, databaseUrl } from "../lib/platform/config";
import { createDb } from "../lib/platform/db";
import { seedDemo, type DemoSummary } from "../lib/demo/seed";
import { migrate, resetDatabase } from "../lib/platform/migrate";

const json = process.argv.includes("--json");
const reset = process.argv.includes("--reset");
const log = json ? console.error : console.log;

function accountsTable(summary: DemoSummary): string {
  const rows = [["email", "role", "password", "what to try"], ...summary.accounts.map((a) => [a.email, a.role.toLowerCase(), summary.password, a.note])];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]))
      .join("  ")
      .trimEnd();
  return [line(rows[0]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

async function main(): Promise<number> {
  const url = databaseUrl();
  const where = databaseKind(url) === "sqlite" ? url : "PostgreSQL";
  if (reset) {
    await resetDatabase(url);
    log(`Wiped Hexathon's data from ${where}.`);
  }
  await migrate(url);
  const db = createDb(url);
  try {
    const people = await db.user.count();
    if (people > 0) {
      // the demo's fixed accounts and editions would collide with, or hide among, real data
      console.error(
        `Not seeding ${where}: it already has ${people} ${people === 1 ? "person" : "people"}.\n` +
          "The demo only goes into an empty database. Point DATABASE_URL at a new one, " +
          "add --reset to wipe this one first (`npm run demo:seed -- --reset`), " +
          "or run `npm run demo`, which uses its own data/demo.db.",
      );
      return 1;
    }
    const started = Date.now();
    const summary = await seedDemo(db);
    if (json) {
      console.log(JSON.stringify(summary));
    } else {
      log(`Seeded the demo into ${where} in ${Date.now() - started} ms: ${summary.editions} editions.\n`);
      log(accountsTable(summary));
    }
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(`Could not seed the demo: ${error.message}`);
    process.exitCode = 1;
  },
);
