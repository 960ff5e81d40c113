// Reading a whole database for an archive: which tables and fields there
// are (Prisma's data model), their keys and references (the database's own
// catalog), and every row, read inside one transaction so that the archive
// is the state of one moment while the app goes on serving.
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { dbKind, type Db, type Tx } from "../platform/db";
import { uploadsDir } from "../articles/uploads";
import { encodeRow, jsonLinesWriter } from "./archive";
import type { Reference } from "./rules";
import { FIELD_TYPES, type FieldType, type Manifest } from "./schemas";

export type Model = { name: string; delegate: string; fields: Record<string, FieldType> };

/** Every table of the data model with its stored fields' types (relations left out: they are other tables' rows). */
export function dataModel(db: Db): Model[] {
  const runtime = (db as unknown as { _runtimeDataModel: { models: Record<string, { fields: { name: string; kind: string; type: string }[] }> } })
    ._runtimeDataModel;
  return Object.entries(runtime.models).map(([name, model]) => {
    const fields: Record<string, FieldType> = {};
    for (const field of model.fields) {
      if (field.kind !== "scalar" && field.kind !== "enum") continue;
      if (!(FIELD_TYPES as readonly string[]).includes(field.type)) throw new Error(`${name}.${field.name} has a type archives don't carry (${field.type}).`);
      fields[field.name] = field.type as FieldType;
    }
    return { name, delegate: name[0].toLowerCase() + name.slice(1), fields };
  });
}

type Delegate = {
  findMany: (args: object) => Promise<Record<string, unknown>[]>;
  count: () => Promise<number>;
  createMany: (args: { data: Record<string, unknown>[] }) => Promise<unknown>;
  update: (args: object) => Promise<unknown>;
};
export const delegateOf = (tx: Tx | Db, model: Model) => (tx as unknown as Record<string, Delegate>)[model.delegate];

/** The primary key's columns of each table, and every reference between tables, from the database's catalog. */
export async function tableKeys(
  db: Tx | Db,
  kind: "sqlite" | "postgresql",
  tables: string[],
): Promise<{ primaryKeys: Map<string, string[]>; references: Reference[] }> {
  const primaryKeys = new Map<string, string[]>();
  const references: Reference[] = [];
  for (const table of tables) {
    if (kind === "sqlite") {
      const columns = await db.$queryRawUnsafe<{ name: string; pk: number | bigint }[]>(`SELECT "name", "pk" FROM pragma_table_info(?)`, table);
      primaryKeys.set(
        table,
        columns
          .filter((c) => Number(c.pk) > 0)
          .sort((a, b) => Number(a.pk) - Number(b.pk))
          .map((c) => c.name),
      );
      const keys = await db.$queryRawUnsafe<{ table: string; from: string }[]>(`SELECT "table", "from" FROM pragma_foreign_key_list(?)`, table);
      for (const k of keys) references.push({ from: table, to: k.table, column: k.from });
    } else {
      const columns = await db.$queryRawUnsafe<{ name: string }[]>(
        `SELECT a.attname::text AS "name" FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
          WHERE i.indrelid = format('%I.%I', current_schema(), $1::text)::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
        table,
      );
      primaryKeys.set(
        table,
        columns.map((c) => c.name),
      );
      const keys = await db.$queryRawUnsafe<{ to: string; column: string }[]>(
        `SELECT c.confrelid::regclass::text AS "to", a.attname::text AS "column" FROM pg_constraint c
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
          WHERE c.contype = 'f' AND c.conrelid = format('%I.%I', current_schema(), $1::text)::regclass`,
        table,
      );
      for (const k of keys) references.push({ from: table, to: k.to.replace(/^.*\./, "").replace(/^"|"$/g, ""), column: k.column });
    }
  }
  return { primaryKeys, references };
}

/** The names of the migrations applied to this database, in order (none when it has no tables yet). */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const kind = dbKind(db);
  const exists =
    kind === "sqlite"
      ? await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_hexathon_migrations'`)
      : await db.$queryRawUnsafe<unknown[]>(
          `SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '_hexathon_migrations'`,
        );
  if (!exists.length) return [];
  return (await db.$queryRawUnsafe<{ name: string }[]>(`SELECT "name" FROM "_hexathon_migrations" ORDER BY "name"`)).map((r) => r.name);
}

/** The tables holding rows, with how many (empty when the database has none). */
export async function nonEmptyTables(db: Db): Promise<{ table: string; rows: number }[]> {
  const out: { table: string; rows: number }[] = [];
  for (const model of dataModel(db)) {
    const rows = await delegateOf(db, model).count();
    if (rows) out.push({ table: model.name, rows });
  }
  return out;
}

const PAGE = 500;
/** Rows with images are read a few at a time: each may be megabytes. */
const PAGE_WITH_BYTES = 16;

/**
 * Writes every table's rows into `dir` (tables/<Model>.jsonl) as they are at one moment: inside one
 * transaction, repeatable-read on PostgreSQL (SQLite's transactions are serializable), while the app
 * serves. Images an instance kept only in its data directory (from before the database kept them) are
 * added as uploads/<file>. Returns the manifest's tables and the migrations the rows fit.
 */
export async function writeTables(db: Db, dir: string): Promise<{ tables: Manifest["tables"]; migrations: string[] }> {
  const kind = dbKind(db);
  const models = dataModel(db);
  const migrations = await appliedMigrations(db);
  const tables: Manifest["tables"] = {};
  await db.$transaction(
    async (tx) => {
      const { primaryKeys } = await tableKeys(
        tx,
        kind,
        models.map((m) => m.name),
      );
      for (const model of models) {
        const key = primaryKeys.get(model.name) ?? [];
        if (!key.length) throw new Error(`${model.name} has no primary key to read it in order by.`);
        const writer = jsonLinesWriter(path.join(dir, "tables", `${model.name}.jsonl`));
        const page = Object.values(model.fields).includes("Bytes") ? PAGE_WITH_BYTES : PAGE;
        let rows = 0;
        for (let skip = 0; ; skip += page) {
          const batch = await delegateOf(tx, model).findMany({ orderBy: key.map((column) => ({ [column]: "asc" })), skip, take: page });
          for (const row of batch) await writer.write(encodeRow(row, model.fields));
          rows += batch.length;
          if (batch.length < page) break;
        }
        await writer.close();
        tables[model.name] = { rows, fields: model.fields };
      }
      await copyLocalOnlyUploads(tx, dir);
    },
    // Db is typed as the SQLite client, whose only level is Serializable; PostgreSQL's client takes RepeatableRead
    {
      ...(kind === "postgresql" && ({ isolationLevel: "RepeatableRead" } as unknown as { isolationLevel: "Serializable" })),
      timeout: 60 * 60_000,
      maxWait: 30_000,
    },
  );
  return { tables, migrations };
}

/** Images whose bytes only this instance's data directory has (uploaded before the database kept them). */
export async function copyLocalOnlyUploads(tx: Tx | Db, dir: string): Promise<number> {
  const missing = await tx.upload.findMany({ where: { content: null }, select: { file: true } });
  let copied = 0;
  for (const { file } of missing) {
    const ok = await mkdir(path.join(dir, "uploads"), { recursive: true })
      .then(() => copyFile(path.join(uploadsDir(), file), path.join(dir, "uploads", file)))
      .then(
        () => true,
        () => false, // on another instance's disk only: its own backup has it
      );
    if (ok) copied++;
  }
  return copied;
}
