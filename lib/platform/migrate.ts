// Applies the committed migration SQL (prisma/<provider>/migrations/*/migration.sql)
// in name order, each once, each in a transaction, recording it in
// _hexathon_migrations. Runs on every start (`npm start`, `npm run demo`) and
// for every test database. Prisma writes the SQL (scripts/new-migration.mjs);
// we apply it ourselves because `prisma migrate deploy` can't run through the
// pg driver adapter and Prisma 7's native engine is out of reach offline.
//
// Uses the raw drivers, not Prisma, so it needs nothing generated.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseKind, sqliteFile } from "./config";

export type Migration = { name: string; sql: string };

export function migrationsDir(kind: "sqlite" | "postgresql"): string {
  return path.join(process.env.HEXATHON_ROOT ?? process.cwd(), "prisma", kind, "migrations");
}

export function loadMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_hexathon_migrations" (
  "name" VARCHAR(255) NOT NULL PRIMARY KEY,
  "applied_at" VARCHAR(40) NOT NULL
)`;

/** Applies pending migrations; returns the names applied now. */
export async function migrate(url: string, migrations?: Migration[]): Promise<string[]> {
  const kind = databaseKind(url);
  const list = migrations ?? loadMigrations(migrationsDir(kind));
  return kind === "postgresql" ? migratePostgres(url, list) : migrateSqlite(url, list);
}

function migrateSqlite(url: string, migrations: Migration[]): string[] {
  const file = sqliteFile(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 10_000 });
  try {
    // WAL lets readers go on while one connection writes; it persists in the file.
    db.pragma("journal_mode = WAL");
    db.exec(CREATE_TABLE);
    // Prisma's SQLite migrations redefine tables (create new_X, copy, drop X,
    // rename). Its `PRAGMA foreign_keys=OFF` is ignored inside a transaction,
    // and dropping a parent table with foreign keys on deletes its children by
    // cascade, so foreign keys go off for the connection, before the
    // transaction, and are checked by hand before each commit.
    db.pragma("foreign_keys = OFF");
    const applied: string[] = [];
    const apply = db.transaction((m: Migration) => {
      // re-checked inside the write transaction, so two processes starting at once apply it once
      if (db.prepare(`SELECT 1 FROM "_hexathon_migrations" WHERE "name" = ?`).get(m.name)) return false;
      db.exec(m.sql);
      const broken = db.pragma("foreign_key_check") as unknown[];
      if (broken.length) throw new Error(`Migration ${m.name} leaves ${broken.length} broken foreign keys`);
      db.prepare(`INSERT INTO "_hexathon_migrations" ("name", "applied_at") VALUES (?, ?)`).run(m.name, new Date().toISOString());
      return true;
    });
    for (const m of migrations) if (apply.immediate(m)) applied.push(m.name);
    return applied;
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // one migrator at a time, across processes and machines
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ name: string }>(`SELECT "name" FROM "_hexathon_migrations"`);
    const done = new Set(rows.map((r) => r.name));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "_hexathon_migrations" ("name", "applied_at") VALUES ($1, $2)`, [m.name, new Date().toISOString()]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`);
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => {});
    await client.end();
  }
}

/**
 * Wipes Hexathon's data so that `migrate` starts from nothing (the demo's
 * `--reset`): the SQLite file goes; on PostgreSQL, the tables the migrations
 * created are dropped, and nothing else of the schema is touched.
 */
export async function resetDatabase(url: string): Promise<void> {
  if (databaseKind(url) === "sqlite") {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(sqliteFile(url) + suffix, { force: true });
    return;
  }
  const ours = new Set(["_hexathon_migrations"]);
  for (const m of loadMigrations(migrationsDir("postgresql"))) for (const [, table] of m.sql.matchAll(/CREATE TABLE "([^"]+)"/g)) ours.add(table);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(`DROP TABLE IF EXISTS ${[...ours].map((t) => `"${t}"`).join(", ")} CASCADE`);
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => {});
    await client.end();
  }
}
