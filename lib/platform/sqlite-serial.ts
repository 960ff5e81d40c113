// The better-sqlite3 driver adapter keeps one connection. Its lock makes
// transactions wait for each other, but a query outside a transaction runs
// straight away on that same connection, that is, inside whatever
// transaction is open: it reads uncommitted rows, and if that transaction
// rolls back (a refused ballot, a rate-limited answer), the outside write is
// silently undone with it. This wrapper makes every query outside a
// transaction wait until no transaction is open, and each transaction wait
// for the queries before it. SQLite runs one writer at a time anyway.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

/** A first-come, first-served lock. */
export class SerialLock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => held);
    return ready;
  }
}

export function serializeSqliteAdapter<F extends SqlDriverAdapterFactory>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter: SqlDriverAdapter = await connect();
    const lock = new SerialLock();
    const locked =
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        const release = await lock.acquire();
        try {
          return await fn(...args);
        } finally {
          release();
        }
      };
    adapter.queryRaw = locked(adapter.queryRaw.bind(adapter));
    adapter.executeRaw = locked(adapter.executeRaw.bind(adapter));
    adapter.executeScript = locked(adapter.executeScript.bind(adapter));
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args: Parameters<SqlDriverAdapter["startTransaction"]>): Promise<Transaction> => {
      const release = await lock.acquire();
      try {
        const tx = await startTransaction(...args);
        let released = false;
        const once = () => {
          if (!released) {
            released = true;
            release();
          }
        };
        const commit = tx.commit.bind(tx);
        const rollback = tx.rollback.bind(tx);
        tx.commit = async () => {
          try {
            return await commit();
          } finally {
            once();
          }
        };
        tx.rollback = async () => {
          try {
            return await rollback();
          } finally {
            once();
          }
        };
        return tx;
      } catch (error) {
        release();
        throw error;
      }
    };
    return adapter;
  };
  return factory;
}
