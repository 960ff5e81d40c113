// PostgreSQL connections that die under the app (a restarted or failed-over
// server, `pg_terminate_backend`, a proxy's idle cut) must cost the requests
// using them at that moment and nothing more. Prisma's client engine ends an
// interactive transaction by sending COMMIT or ROLLBACK and only then asks the
// adapter to hand the connection back to the pool; when that statement fails
// on a dead connection, the connection is never handed back. Ten such
// transactions and the pool is empty for good: every later query waits
// forever. This wrapper hands a transaction's connection back, marked broken
// (the pool then drops it), when its COMMIT or ROLLBACK fails.
//
// And a connection the server ends while it is lent out but between two
// statements emits an "error" event that, with no listener at that moment,
// is thrown where nobody catches it: the whole process stops. The pool below
// gives each connection a listener for good; the failure still reaches the
// query that meets the dead connection, and the pool drops it.
import pg from "pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

/** What @prisma/adapter-pg's transaction holds: the pool's client it runs on. */
type PgTransaction = Transaction & { client?: { release(error?: Error | boolean): void } };

/** The app's pool of PostgreSQL connections. */
export function postgresPool(url: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    // operators (and the tests) tell the app's connections apart in pg_stat_activity
    application_name: "hexathon",
    max: Number(process.env.HEXATHON_PG_POOL_SIZE) || 10,
    // a request waiting longer than this for a connection fails (503) instead of waiting forever
    connectionTimeoutMillis: 10_000,
  });
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}

export function releaseBrokenTransactions<F extends SqlDriverAdapterFactory>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter: SqlDriverAdapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args: Parameters<SqlDriverAdapter["startTransaction"]>): Promise<Transaction> => {
      const tx = (await startTransaction(...args)) as PgTransaction;
      let released = false;
      const executeRaw = tx.executeRaw.bind(tx);
      tx.executeRaw = async (query) => {
        try {
          return await executeRaw(query);
        } catch (error) {
          if (!released && tx.client && /^\s*(COMMIT|ROLLBACK)\s*$/i.test(query.sql)) {
            released = true;
            // with the error: the pool closes this connection instead of lending it again
            tx.client.release(error instanceof Error ? error : new Error(String(error)));
          }
          throw error;
        }
      };
      // after that, Prisma doesn't call these; if it ever does, the connection is not released twice
      const commit = tx.commit.bind(tx);
      const rollback = tx.rollback.bind(tx);
      tx.commit = async () => (released ? undefined : commit());
      tx.rollback = async () => (released ? undefined : rollback());
      return tx;
    };
    return adapter;
  };
  return factory;
}
