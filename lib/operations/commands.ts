// Backups, restores and moves between databases (docs/ops/README.md):
//
//   backup      a consistent snapshot of a serving install: SQLite's own file through its online
//               backup API, or on PostgreSQL every table read in one repeatable-read transaction
//   restore     a backup into an empty database
//   export      every table as JSON lines, from either database (the portable archive)
//   import      such an archive into an empty database of either kind
//
// Whatever is wrong (the file, its version, a target that isn't empty) is said before anything is
// written; rows go in inside one transaction, so an interrupted restore leaves the target empty.
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseKind, sqliteFile } from "../platform/config";
import { createDb, dbKind, type Db } from "../platform/db";
import { claimSqliteFile } from "../platform/instance";
import { loadMigrations, migrate, migrationsDir } from "../platform/migrate";
import { indexArticle } from "../articles/search";
import { ArchiveProblem, decodeRow, jsonLinesIn, packArchive, stagingDir, unpackArchive } from "./archive";
import { appliedMigrations, copyLocalOnlyUploads, dataModel, delegateOf, nonEmptyTables, tableKeys, writeTables } from "./queries";
import { insertionOrder, restorePlan } from "./rules";
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, SQLITE_FILE, type Manifest } from "./schemas";

export { ArchiveProblem } from "./archive";

type Written = { file: string; manifest: Manifest };

const kindOf = (url: string) => {
  try {
    return databaseKind(url);
  } catch (error) {
    throw new ArchiveProblem((error as Error).message);
  }
};

const header = (kind: Manifest["kind"], database: Manifest["database"], hexathon: string) => ({
  format: ARCHIVE_FORMAT as typeof ARCHIVE_FORMAT,
  version: ARCHIVE_VERSION,
  kind,
  createdAt: new Date().toISOString(),
  hexathon,
  database,
});

/** `npm run backup -- FILE`: a consistent snapshot of the database at `url`, images included, while it serves. */
export async function backup(url: string, file: string, hexathon: string): Promise<Written> {
  const database = kindOf(url);
  if (database === "postgresql") return exportTo(url, file, "backup", hexathon);
  const source = sqliteFile(url);
  if (!existsSync(source)) throw new ArchiveProblem(`There is no database at ${source} to back up.`);
  const dir = stagingDir("backup");
  try {
    // SQLite's online backup API: a page-by-page copy that starts over if another connection writes
    // meanwhile, so the copy is of one moment; the serving app is never stopped
    const live = new Database(source, { fileMustExist: true, timeout: 10_000 });
    try {
      await live.backup(path.join(dir, SQLITE_FILE));
    } finally {
      live.close();
    }
    const db = createDb(`file:${path.join(dir, SQLITE_FILE)}`);
    let migrations: string[];
    try {
      migrations = await appliedMigrations(db);
      await copyLocalOnlyUploads(db, dir);
    } finally {
      await db.$disconnect();
    }
    const manifest = await packArchive(dir, { ...header("backup", "sqlite", hexathon), migrations, content: "sqlite-file", tables: {} }, file);
    return { file, manifest };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run data:export -- FILE`: every table as JSON lines, from either database. */
export function dataExport(url: string, file: string, hexathon: string): Promise<Written> {
  return exportTo(url, file, "export", hexathon);
}

async function exportTo(url: string, file: string, kind: Manifest["kind"], hexathon: string): Promise<Written> {
  const database = kindOf(url);
  const dir = stagingDir("export");
  const db = createDb(url);
  try {
    const { tables, migrations } = await writeTables(db, dir);
    const manifest = await packArchive(dir, { ...header(kind, database, hexathon), migrations, content: "tables", tables }, file);
    return { file, manifest };
  } finally {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run restore -- FILE`: a backup (or an export) into the empty database at `url`. */
export async function restore(url: string, file: string): Promise<Manifest> {
  return load(url, file, { accept: ["sqlite-file", "tables"], what: "backup" });
}

/** `npm run data:import -- FILE`: an export (or a PostgreSQL backup) into the empty database at `url`, of either kind. */
export async function dataImport(url: string, file: string): Promise<Manifest> {
  return load(url, file, { accept: ["tables"], what: "export" });
}

async function load(url: string, file: string, { accept, what }: { accept: Manifest["content"][]; what: string }): Promise<Manifest> {
  const target = kindOf(url);
  const { dir, manifest } = await unpackArchive(file);
  try {
    if (!accept.includes(manifest.content))
      throw new ArchiveProblem(
        `${path.basename(file)} is a backup of SQLite's own file, not an export: restore it into SQLite (npm run restore), then move it with data:export and data:import.`,
      );
    if (manifest.content === "sqlite-file") {
      if (target !== "sqlite")
        throw new ArchiveProblem(
          `${path.basename(file)} is a backup of SQLite: restore it into SQLite, then move it to PostgreSQL with data:export and data:import.`,
        );
      await restoreSqliteFile(url, dir, manifest);
    } else {
      await importTables(url, dir, manifest, what);
    }
    return manifest;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const buildMigrations = (kind: "sqlite" | "postgresql") => loadMigrations(migrationsDir(kind));

/** Refuses a target with rows in it, naming them. */
async function assertEmpty(db: Db, where: string) {
  const filled = await nonEmptyTables(db);
  if (filled.length)
    throw new ArchiveProblem(
      `${where} isn't empty (${filled
        .slice(0, 3)
        .map((t) => `${t.table}: ${t.rows} rows`)
        .join(", ")}${filled.length > 3 ? ", …" : ""}): restore into a new, empty database, so that nothing is mixed or lost.`,
    );
}

async function restoreSqliteFile(url: string, dir: string, manifest: Manifest) {
  const targetFile = sqliteFile(url);
  const copy = path.join(dir, SQLITE_FILE);
  // the copy is whole and of a schema this version knows
  const check = new Database(copy, { readonly: true, fileMustExist: true });
  try {
    const integrity = check.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new ArchiveProblem(`The database in the backup is damaged (SQLite's integrity check: ${String(integrity)}).`);
  } finally {
    check.close();
  }
  const plan = restorePlan(
    manifest.migrations,
    buildMigrations("sqlite").map((m) => m.name),
    [],
  );
  if (!plan.ok) throw new ArchiveProblem(`The backup can't be restored. ${plan.problem}`);
  if (existsSync(targetFile)) {
    // no server may be using it, and it must hold no rows
    const claim = claimTarget(targetFile);
    try {
      const db = createDb(url);
      try {
        await assertEmpty(db, `The database at ${targetFile}`);
      } finally {
        await db.$disconnect();
      }
    } finally {
      claim.release();
    }
  }
  // copied beside the target and renamed over it: an interruption leaves the target as it was (empty)
  const incoming = `${targetFile}.restoring`;
  mkdirSync(path.dirname(targetFile), { recursive: true });
  copyFileSync(copy, incoming);
  // images kept outside the database go into it
  const uploads = Object.keys(manifest.files).filter((f) => f.startsWith("uploads/"));
  if (uploads.length) {
    const db = new Database(incoming);
    try {
      const put = db.prepare(`UPDATE "Upload" SET "content" = ? WHERE "file" = ? AND "content" IS NULL`);
      db.transaction(() => {
        for (const entry of uploads) put.run(readFileSync(path.join(dir, entry)), entry.slice("uploads/".length));
      })();
    } finally {
      db.close();
    }
  }
  for (const suffix of ["-wal", "-shm"]) rmSync(targetFile + suffix, { force: true });
  renameSync(incoming, targetFile);
  // a backup of an earlier version: this version's later migrations
  await migrate(url);
}

const BATCH = 200;

async function importTables(url: string, dir: string, manifest: Manifest, what: string) {
  const kind = kindOf(url);
  const build = buildMigrations(kind);
  // no server may be using an SQLite target (it is one process's file)
  const claim = kind === "sqlite" ? claimTarget(sqliteFile(url)) : null;
  const db = createDb(url);
  try {
    const plan = restorePlan(
      manifest.migrations,
      build.map((m) => m.name),
      await appliedMigrations(db),
    );
    if (!plan.ok) throw new ArchiveProblem(`The ${what} can't be loaded. ${plan.problem}`);
    if (plan.migrateFirst.length) await migrate(url, build.slice(0, plan.migrateFirst.length));
    await assertEmpty(db, "The target database");
    const models = dataModel(db).filter((m) => manifest.tables[m.name]);
    const missing = Object.keys(manifest.tables).filter((t) => !models.some((m) => m.name === t));
    if (missing.length) throw new ArchiveProblem(`The ${what} has tables this version doesn't know (${missing.join(", ")}).`);
    const { primaryKeys, references } = await tableKeys(
      db,
      kind,
      models.map((m) => m.name),
    );
    const order = insertionOrder(
      models.map((m) => m.name),
      references,
    );
    await db.$transaction(
      async (tx) => {
        for (const name of order) {
          const model = models.find((m) => m.name === name)!;
          // a table's references to itself (a topic merged into another) are set once all its rows are in
          const selfColumns = references.filter((r) => r.from === name && r.to === name).map((r) => r.column);
          const later: { where: Record<string, unknown>; data: Record<string, unknown> }[] = [];
          const key = primaryKeys.get(name)!;
          for await (const batch of jsonLinesIn(path.join(dir, "tables", `${name}.jsonl`), BATCH)) {
            const rows = batch.map((row) => decodeRow(row, model.fields));
            for (const row of rows)
              for (const column of selfColumns)
                if (row[column] !== null && row[column] !== undefined) {
                  later.push({ where: Object.fromEntries(key.map((k) => [k, row[k]])), data: { [column]: row[column] } });
                  row[column] = null;
                }
            await delegateOf(tx, model).createMany({ data: rows });
          }
          for (const update of later) await delegateOf(tx, model).update(update);
        }
        // images kept outside the source's database go into this one
        for (const entry of Object.keys(manifest.files).filter((f) => f.startsWith("uploads/"))) {
          await tx.upload.updateMany({
            where: { file: entry.slice("uploads/".length), content: null },
            data: { content: new Uint8Array(await readFile(path.join(dir, entry))) },
          });
        }
        // SQLite's article search index is a table of its own, not data: made again from the published articles
        if (dbKind(db) === "sqlite")
          for (const article of await tx.publishedArticle.findMany({ select: { articleId: true, title: true, summary: true, body: true } }))
            await indexArticle(tx, "sqlite", article);
        // counted again: what went in is what the archive says it holds
        for (const model of models) {
          const rows = await delegateOf(tx, model).count();
          if (rows !== manifest.tables[model.name].rows)
            throw new ArchiveProblem(`${model.name}: ${rows} rows went in, the ${what} says ${manifest.tables[model.name].rows}. Nothing was kept.`);
        }
      },
      { timeout: 60 * 60_000, maxWait: 30_000 },
    );
    // an archive of an earlier version: this version's later migrations
    if (manifest.migrations.length < build.length) await migrate(url);
  } finally {
    await db.$disconnect();
    claim?.release();
  }
}

function claimTarget(file: string) {
  try {
    return claimSqliteFile(file);
  } catch (error) {
    throw new ArchiveProblem((error as Error).message);
  }
}
