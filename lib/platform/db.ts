// The one database client. The driver adapter follows DATABASE_URL:
// better-sqlite3 for `file:` URLs (the embedded default), pg for postgres://.
// Each provider has its own generated client (Prisma pins the provider in the
// schema); both come from one data model, so the SQLite client's types serve
// for both.
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../generated/postgresql/client";
import { databaseKind, databaseUrl, sqliteFile } from "./config";
import { timed } from "./metrics";
import { postgresPool, releaseBrokenTransactions } from "./pg-connections";
import { serializeSqliteAdapter } from "./sqlite-serial";

export type Db = SqliteClient;
/** A client or the transaction client handed to `db.$transaction(async (tx) => …)`. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
export type * from "../generated/sqlite/models";

// Marked on the client itself (a global symbol, not a module-level map), so the
// answer holds even when a script loads this module twice.
const KIND = Symbol.for("hexathon.dbKind");
type Marked = { [KIND]?: "sqlite" | "postgresql" };

/** Which database a client talks to, for the rare query that must differ (row locks, full-text search). */
export function dbKind(db: Db): "sqlite" | "postgresql" {
  const kind = (db as unknown as Marked)[KIND];
  if (!kind) throw new Error("dbKind: this client was not made by createDb()");
  return kind;
}

export function createDb(url = databaseUrl()): Db {
  if (databaseKind(url) === "postgresql") {
    const adapter = timeStatements(releaseBrokenTransactions(new PrismaPg(postgresPool(url), { disposeExternalPool: true })));
    const client = new PostgresClient({ adapter }) as unknown as Db;
    (client as unknown as Marked)[KIND] = "postgresql";
    return client;
  }
  // busy timeout: wait for another connection's write instead of failing at once
  const adapter = timeStatements(serializeSqliteAdapter(new PrismaBetterSQLite3({ url: sqliteFile(url), timeout: 10_000 })));
  const client = new SqliteClient({ adapter });
  (client as unknown as Marked)[KIND] = "sqlite";
  return client;
}

/** Every statement's time goes to the metrics (hexathon_db_query_duration_seconds), inside transactions too. */
function timeStatements<F extends SqlDriverAdapterFactory>(factory: F): F {
  const timeBoth = (target: Pick<SqlDriverAdapter, "queryRaw" | "executeRaw">) => {
    const queryRaw = target.queryRaw.bind(target);
    const executeRaw = target.executeRaw.bind(target);
    target.queryRaw = (query: SqlQuery) => timed(query.sql, () => queryRaw(query));
    target.executeRaw = (query: SqlQuery) => timed(query.sql, () => executeRaw(query));
  };
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter: SqlDriverAdapter = await connect();
    timeBoth(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args: Parameters<SqlDriverAdapter["startTransaction"]>): Promise<Transaction> => {
      const tx = await startTransaction(...args);
      timeBoth(tx);
      return tx;
    };
    return adapter;
  };
  return factory;
}

const globalForDb = globalThis as unknown as { hexathonDb?: Db; hexathonDbUrl?: string };

/** The shared client, created on first use (cached on globalThis so dev reloads and every bundle of the server share it). */
export function getDb(): Db {
  const url = databaseUrl();
  if (!globalForDb.hexathonDb || globalForDb.hexathonDbUrl !== url) {
    const db = createDb(url);
    globalForDb.hexathonDb = db;
    globalForDb.hexathonDbUrl = url;
  }
  return globalForDb.hexathonDb;
}

/** For tests and scripts: close the shared client. */
export async function closeDb(): Promise<void> {
  await globalForDb.hexathonDb?.$disconnect();
  globalForDb.hexathonDb = undefined;
  globalForDb.hexathonDbUrl = undefined;
}
